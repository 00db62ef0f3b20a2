package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * An outbound message could not be delivered.
 *
 * @param errorCode the channel's code (for example WhatsApp 131047) or ours
 * @param reason    a sentence for the operator
 * @param retryable whether sending again later may succeed
 */
@RegisterForReflection
public record ReplyFailed(UUID replyId, String conversationId, Channel channel, ReplyKind kind, String errorCode,
                          String reason, boolean retryable, Instant failedAt) {
}
