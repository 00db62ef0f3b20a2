package io.otklik.events.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The client confirmed they will come; {@code via} says how (client_reply, reminder_reply, admin).
 *
 * @param variants the conversation's A/B arms: experiment id → variant name; empty (left out of the JSON) when none
 */
@RegisterForReflection
public record AppointmentConfirmed(UUID appointmentId, String conversationId, UUID leadId, Instant startsAt,
                                   Instant confirmedAt, String via,
                                   @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> variants) {

    public AppointmentConfirmed {
        variants = Variants.copy(variants);
    }

    /** Without experiments. */
    public AppointmentConfirmed(UUID appointmentId, String conversationId, UUID leadId, Instant startsAt,
                                Instant confirmedAt, String via) {
        this(appointmentId, conversationId, leadId, startsAt, confirmedAt, via, null);
    }
}
