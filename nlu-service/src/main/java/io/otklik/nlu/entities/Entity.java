package io.otklik.nlu.entities;

import java.time.Instant;

/** One entity found in a message (placeholder until the entities branch lands). */
public record Entity(String type, String text, int start, int end, String value, Instant from, Instant to) {
}
