package io.otklik.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The common envelope every Otklik event travels in (CloudEvents 1.0 attributes plus tenant and schema version).
 *
 * @param id            unique event id; consumers deduplicate on it
 * @param type          the event type, equal to its topic name (for example {@code lead_created})
 * @param source        the emitting service (for example {@code routing-service})
 * @param time          when the fact happened, UTC
 * @param tenantId      the business the event belongs to
 * @param subject       the conversation, lead or appointment the event is about
 * @param schemaVersion version of {@code data}'s schema; fields are only added within a version
 * @param data          the event-specific payload
 */
@RegisterForReflection
public record EventEnvelope<D>(UUID id, String type, String source, Instant time, String tenantId, String subject,
                               int schemaVersion, D data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
    }

    /** A new event of the given type with a fresh id. */
    public static <D> EventEnvelope<D> of(EventType<D> type, String source, Instant time, String tenantId,
                                          String subject, D data) {
        return new EventEnvelope<>(UUID.randomUUID(), type.topic(), source, time, tenantId, subject,
                type.schemaVersion(), data);
    }
}
