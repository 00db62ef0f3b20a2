package io.otklik.metrics.report;

/**
 * How many events of one type name one arm of one experiment in their {@code variants}: one row of the store's
 * grouped count.
 *
 * @param experiment the experiment id (tenants.yaml {@code experiments[].id})
 * @param variant    the arm's name
 * @param type       the event type (topic name)
 * @param events     number of events
 */
public record VariantCount(String experiment, String variant, String type, long events) {
}
