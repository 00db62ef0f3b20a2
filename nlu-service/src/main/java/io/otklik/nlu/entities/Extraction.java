package io.otklik.nlu.entities;

import io.otklik.events.data.Entities;
import java.util.List;

/**
 * What {@link EntityExtractor} found in a message.
 *
 * @param entities every entity, in the order they stand in the message
 * @param summary  the one value of each kind the event carries: the first service, phone, staff member and name,
 *                 and the time the client asks for (see {@link EntityExtractor} for which one that is)
 */
public record Extraction(List<Entity> entities, Entities summary) {

    public Extraction {
        entities = List.copyOf(entities);
    }
}
