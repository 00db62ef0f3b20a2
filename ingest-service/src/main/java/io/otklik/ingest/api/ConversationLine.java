package io.otklik.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.otklik.events.data.Utm;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * One message of a conversation, in or out, as the export (one JSON line each) and the conversation view show it.
 *
 * @param direction     "in" (the client wrote) or "out" (we replied)
 * @param id            our message id (inbound) or reply id (outbound)
 * @param time          when we received it (in) or when the reply was requested (out)
 * @param messageType   the client's kind of message (text, form, button, …), for "in"
 * @param kind          the reply's kind (ANSWER, HANDOFF, …), for "out"
 * @param status        the reply's delivery state (SENDING, SENT, FAILED, DELIVERED, READ), for "out"
 * @param name          the client's name (masked unless raw)
 * @param phone         the client's phone (masked unless raw)
 * @param channelUserId the client's address on the channel (masked when it is a phone, unless raw)
 * @param inReplyTo     the inbound message an "out" line answers
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationLine(String tenantId, String conversationId, String channel, String channelAccountId,
                               String direction, String id, Instant time, String text, String messageType,
                               String kind, String status, String name, String phone, String channelUserId,
                               Utm utm, String inReplyTo, Instant sentAt, String errorCode) {

    /** The same line with phones and names masked, in its fields and inside the text. */
    public ConversationLine masked() {
        return new ConversationLine(tenantId, conversationId, channel, channelAccountId, direction, id, time,
                Masking.text(text, name), messageType, kind, status, Masking.name(name), Masking.phone(phone),
                Masking.userId(channelUserId, phone), utm, inReplyTo, sentAt, errorCode);
    }
}
