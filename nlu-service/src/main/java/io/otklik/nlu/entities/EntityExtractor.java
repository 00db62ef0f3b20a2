package io.otklik.nlu.entities;

import io.otklik.platform.tenant.Tenant;
import java.time.ZonedDateTime;
import java.util.List;

/** Placeholder until the entities branch lands: wraps the old extractor. */
public final class EntityExtractor {

    private final io.otklik.nlu.classifier.EntityExtractor old = new io.otklik.nlu.classifier.EntityExtractor();

    public Extraction extract(String text, Tenant tenant, ZonedDateTime now) {
        return new Extraction(List.of(), old.extract(text, tenant, now));
    }
}
