package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/** The client did not come; {@code markedBy} says who decided (staff id, or {@code reminder-service} by timeout). */
@RegisterForReflection
public record NoShow(UUID appointmentId, String conversationId, UUID leadId, Instant startsAt, Instant markedAt,
                     String markedBy) {
}
