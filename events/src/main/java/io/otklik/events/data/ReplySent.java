package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/** The channel accepted an outbound message (WhatsApp returned a wamid, Telegram ok=true). */
@RegisterForReflection
public record ReplySent(UUID replyId, String conversationId, Channel channel, String externalMessageId,
                        ReplyKind kind, UUID inReplyTo, Instant inboundReceivedAt, Instant sentAt) {
}
