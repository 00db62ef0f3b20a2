package io.otklik.nlu.entities;

import java.util.List;

/** Entities of a message (placeholder until the entities branch lands). */
public record Extraction(List<Entity> entities, io.otklik.events.data.Entities summary) {
}
