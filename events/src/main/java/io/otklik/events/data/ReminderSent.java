package io.otklik.events.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * reminder-service asked for a reminder to be sent.
 *
 * @param kind     which reminder of the policy (for example {@code before_24h}, {@code before_2h})
 * @param variant  the arm of the tenant's reminder-timing experiment this appointment's plan came from, if one runs
 * @param variants experiment id → variant name of the conversation (script and reminder experiments), empty when none
 */
@RegisterForReflection
public record ReminderSent(UUID reminderId, UUID appointmentId, String conversationId, Channel channel, String kind,
                           Instant dueAt, Instant sentAt, String variant,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> variants) {

    public ReminderSent {
        variants = Variants.copy(variants);
    }

    public ReminderSent(UUID reminderId, UUID appointmentId, String conversationId, Channel channel, String kind,
                        Instant dueAt, Instant sentAt, String variant) {
        this(reminderId, appointmentId, conversationId, channel, kind, dueAt, sentAt, variant, null);
    }
}
