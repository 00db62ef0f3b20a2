package io.otklik.events.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An appointment was cancelled, by the client or the business.
 *
 * @param variants the conversation's A/B arms: experiment id → variant name; empty (left out of the JSON) when none
 */
@RegisterForReflection
public record AppointmentCancelled(UUID appointmentId, String conversationId, UUID leadId, Instant startsAt,
                                   Instant cancelledAt, String reason,
                                   @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> variants) {

    public AppointmentCancelled {
        variants = Variants.copy(variants);
    }

    /** Without experiments. */
    public AppointmentCancelled(UUID appointmentId, String conversationId, UUID leadId, Instant startsAt,
                                Instant cancelledAt, String reason) {
        this(appointmentId, conversationId, leadId, startsAt, cancelledAt, reason, null);
    }
}
