package io.otklik.nlu.classifier;

import io.otklik.events.data.Classification;
import io.otklik.nlu.entities.Entity;
import java.util.List;

/**
 * What nlu-service understood of a message: the classification the event carries, and the entities with their
 * places in the text that the REST API lists.
 */
public record Understanding(Classification classification, List<Entity> entities) {

    public Understanding {
        entities = entities == null ? List.of() : List.copyOf(entities);
    }
}
