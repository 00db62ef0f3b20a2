package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/** The client confirmed they will come; {@code via} says how (client_reply, reminder_reply, admin). */
@RegisterForReflection
public record AppointmentConfirmed(UUID appointmentId, String conversationId, UUID leadId, Instant startsAt,
                                   Instant confirmedAt, String via) {
}
