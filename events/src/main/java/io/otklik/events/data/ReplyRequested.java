package io.otklik.events.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A service asks ingest-service to send a message to a client.
 *
 * @param replyId           our id of the outbound message; ingest sends each replyId at most once
 * @param conversationId    the client's thread
 * @param channel           where to send
 * @param channelAccountId  the business's account to send from
 * @param recipient         the client
 * @param text              Russian text for the client
 * @param kind              why it is sent
 * @param inReplyTo         the inbound message answered, if any
 * @param inboundReceivedAt when that inbound message arrived, for first-response time
 * @param template          the template to use where free text is not allowed, if any
 * @param buttons           quick-reply buttons to offer with the text (Telegram inline keyboard, WhatsApp reply
 *                          buttons, at most 3 there); empty when none
 * @param variants          the conversation's A/B arms that chose the text: experiment id → variant name; empty (left
 *                          out of the JSON) when none
 */
@RegisterForReflection
public record ReplyRequested(UUID replyId, String conversationId, Channel channel, String channelAccountId,
                             Contact recipient, String text, ReplyKind kind, UUID inReplyTo,
                             Instant inboundReceivedAt, Template template, List<Button> buttons,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> variants) {

    public ReplyRequested {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
        variants = Variants.copy(variants);
    }

    /** Without experiments. */
    public ReplyRequested(UUID replyId, String conversationId, Channel channel, String channelAccountId,
                          Contact recipient, String text, ReplyKind kind, UUID inReplyTo, Instant inboundReceivedAt,
                          Template template, List<Button> buttons) {
        this(replyId, conversationId, channel, channelAccountId, recipient, text, kind, inReplyTo, inboundReceivedAt,
                template, buttons, null);
    }

    /** A reply without buttons. */
    public ReplyRequested(UUID replyId, String conversationId, Channel channel, String channelAccountId,
                          Contact recipient, String text, ReplyKind kind, UUID inReplyTo, Instant inboundReceivedAt,
                          Template template) {
        this(replyId, conversationId, channel, channelAccountId, recipient, text, kind, inReplyTo, inboundReceivedAt,
                template, List.of(), null);
    }
}
