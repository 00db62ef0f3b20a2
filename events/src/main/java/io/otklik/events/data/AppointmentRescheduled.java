package io.otklik.events.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An appointment moved to another slot.
 *
 * @param via     who moved it: {@code client_reply} (the client in the dialog) or {@code staff} (the admin API); absent
 *                in events written before the field existed
 * @param staffId the specialist after the move, when the admin API moved it to another one; else absent (unchanged)
 * @param variants the conversation's A/B arms: experiment id → variant name; empty (left out of the JSON) when none
 */
@RegisterForReflection
public record AppointmentRescheduled(UUID appointmentId, String conversationId, UUID leadId,
                                     Instant previousStartsAt, Instant startsAt, Instant endsAt, String via,
                                     String staffId,
                                     @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> variants) {

    public AppointmentRescheduled {
        variants = Variants.copy(variants);
    }

    /** Without experiments. */
    public AppointmentRescheduled(UUID appointmentId, String conversationId, UUID leadId,
                                  Instant previousStartsAt, Instant startsAt, Instant endsAt, String via,
                                  String staffId) {
        this(appointmentId, conversationId, leadId, previousStartsAt, startsAt, endsAt, via, staffId, null);
    }

    /** Without who moved it. */
    public AppointmentRescheduled(UUID appointmentId, String conversationId, UUID leadId, Instant previousStartsAt,
                                  Instant startsAt, Instant endsAt) {
        this(appointmentId, conversationId, leadId, previousStartsAt, startsAt, endsAt, null, null, null);
    }
}
