package io.otklik.nlu.classify;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.otklik.events.data.Classification;
import io.otklik.nlu.classifier.Understanding;
import io.otklik.nlu.entities.Entity;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * What {@code POST /api/v1/classify} answers.
 *
 * @param entities     every entity found, with its span in the text; {@code from}/{@code to} are ISO instants
 *                     resolved in the tenant's time zone ({@code to} only for an interval)
 * @param alternatives the next most likely intents, most likely first
 */
@RegisterForReflection
public record ClassifyResponse(String intent, double confidence, boolean fallback, boolean urgent,
                               String urgencyReason, List<EntityBody> entities,
                               List<Classification.Alternative> alternatives, String modelVersion) {

    /** One entity: type (phone, datetime, service, staff, name), the words it came from, and its value. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntityBody(String type, String text, int start, int end, String value, String from, String to) {
    }

    static ClassifyResponse of(Understanding u) {
        Classification c = u.classification();
        List<EntityBody> entities = u.entities().stream().map(ClassifyResponse::body).toList();
        return new ClassifyResponse(c.intent(), c.confidence(), c.fallback(), c.urgent(), c.urgencyReason(),
                entities, c.alternatives(), c.model());
    }

    private static EntityBody body(Entity e) {
        return new EntityBody(e.type(), e.text(), e.start(), e.end(), e.value(),
                e.from() == null ? null : e.from().toString(), e.to() == null ? null : e.to().toString());
    }
}
