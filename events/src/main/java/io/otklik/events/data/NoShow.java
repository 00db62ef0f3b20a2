package io.otklik.events.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The client did not come.
 *
 * @param markedBy who decided: a staff id (attendance API), {@code crm} (the lead's CRM status became "no-show"), or
 *                 {@code reminder-service} (the timeout)
 * @param variants experiment id → variant name of the conversation (script and reminder experiments), empty when none
 */
@RegisterForReflection
public record NoShow(UUID appointmentId, String conversationId, UUID leadId, Instant startsAt, Instant markedAt,
                     String markedBy, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> variants) {

    public NoShow {
        variants = Variants.copy(variants);
    }

    public NoShow(UUID appointmentId, String conversationId, UUID leadId, Instant startsAt, Instant markedAt,
                  String markedBy) {
        this(appointmentId, conversationId, leadId, startsAt, markedAt, markedBy, null);
    }
}
