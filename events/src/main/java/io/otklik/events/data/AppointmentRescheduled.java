package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/** An appointment moved to another slot. */
@RegisterForReflection
public record AppointmentRescheduled(UUID appointmentId, String conversationId, UUID leadId,
                                     Instant previousStartsAt, Instant startsAt, Instant endsAt) {
}
