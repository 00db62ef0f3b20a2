package io.otklik.events.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;
import java.util.UUID;

/**
 * The conversation goes to a person; the summary is what they read first (Russian).
 *
 * @param variants the conversation's A/B arms: experiment id → variant name; empty (left out of the JSON) when none
 */
@RegisterForReflection
public record HandoffRequested(UUID leadId, String conversationId, Channel channel, String staffId, String staffRole,
                               String telegramChatId, String summary, boolean urgent,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> variants) {

    public HandoffRequested {
        variants = Variants.copy(variants);
    }

    /** Without experiments. */
    public HandoffRequested(UUID leadId, String conversationId, Channel channel, String staffId, String staffRole,
                            String telegramChatId, String summary, boolean urgent) {
        this(leadId, conversationId, channel, staffId, staffRole, telegramChatId, summary, urgent, null);
    }
}
