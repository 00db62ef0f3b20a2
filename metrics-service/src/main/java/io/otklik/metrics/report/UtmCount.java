package io.otklik.metrics.report;

/**
 * Conversations and leads that came with one UTM source.
 *
 * @param source the {@code utm_source}; null or blank when none was given
 */
public record UtmCount(String source, long conversations, long leads) {
}
