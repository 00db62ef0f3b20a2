package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** The conversation goes to a person; the summary is what they read first (Russian). */
@RegisterForReflection
public record HandoffRequested(UUID leadId, String conversationId, Channel channel, String staffId, String staffRole,
                               String telegramChatId, String summary, boolean urgent) {
}
