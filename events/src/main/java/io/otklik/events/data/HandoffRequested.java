package io.otklik.events.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;
import java.util.UUID;

/**
 * The conversation goes to a person; the summary is what they read first (Russian).
 *
 * @param variants      the conversation's A/B arms: experiment id → variant name; empty (left out of the JSON) when
 *                      none
 * @param reason        why, when it is not the conversation itself asking for a person: {@link #NOT_CONFIRMED}
 *                      (reminder-service's follow-up: a booked client has not confirmed by the deadline, call them);
 *                      absent for routing-service's handoffs from a conversation
 * @param appointmentId the appointment the handoff is about, if any (the follow-up's)
 */
@RegisterForReflection
public record HandoffRequested(UUID leadId, String conversationId, Channel channel, String staffId, String staffRole,
                               String telegramChatId, String summary, boolean urgent,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> variants,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
                               @JsonInclude(JsonInclude.Include.NON_NULL) UUID appointmentId) {

    /** A booked client has not confirmed by the tenant's deadline: a callback task. */
    public static final String NOT_CONFIRMED = "not_confirmed";

    public HandoffRequested {
        variants = Variants.copy(variants);
    }

    /** A handoff from a conversation: no reason beyond it, no appointment. */
    public HandoffRequested(UUID leadId, String conversationId, Channel channel, String staffId, String staffRole,
                            String telegramChatId, String summary, boolean urgent, Map<String, String> variants) {
        this(leadId, conversationId, channel, staffId, staffRole, telegramChatId, summary, urgent, variants, null,
                null);
    }

    /** Without experiments. */
    public HandoffRequested(UUID leadId, String conversationId, Channel channel, String staffId, String staffRole,
                            String telegramChatId, String summary, boolean urgent) {
        this(leadId, conversationId, channel, staffId, staffRole, telegramChatId, summary, urgent, null);
    }

    /** Whether this is reminder-service's follow-up of an unconfirmed booking. */
    public boolean followUp() {
        return NOT_CONFIRMED.equals(reason);
    }
}
