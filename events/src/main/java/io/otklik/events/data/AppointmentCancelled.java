package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/** An appointment was cancelled, by the client or the business. */
@RegisterForReflection
public record AppointmentCancelled(UUID appointmentId, String conversationId, UUID leadId, Instant startsAt,
                                   Instant cancelledAt, String reason) {
}
