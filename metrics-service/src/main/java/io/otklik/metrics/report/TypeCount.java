package io.otklik.metrics.report;

import io.otklik.events.data.Channel;

/**
 * How many events of one type, on one channel, a window holds: one row of the store's grouped count.
 *
 * @param type          the event type (topic name)
 * @param channel       the event's channel, or its conversation's; null when unknown
 * @param events        number of events
 * @param conversations number of distinct conversations among them
 * @param fallbacks     for {@code message_classified}: how many were classified as fallback (0 for other types)
 */
public record TypeCount(String type, Channel channel, long events, long conversations, long fallbacks) {
}
