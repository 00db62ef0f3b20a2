package io.otklik.metrics.report;

import io.otklik.events.data.Channel;
import java.time.Instant;

/**
 * One conversation's time to first response: its first ANSWER's response time, in milliseconds.
 *
 * @param human a person approved the answer before it went out (a sandbox draft approved by staff); else the bot's
 */
public record FirstResponse(String tenantId, String conversationId, Channel channel, long responseMs, Instant sentAt,
                            boolean human) {

    /** A bot answer outside any conversation's context (tests, examples). */
    public static FirstResponse bot(Channel channel, long responseMs) {
        return new FirstResponse("t", null, channel, responseMs, Instant.EPOCH, false);
    }

    public FactRow.ConversationKey conversation() {
        return conversationId == null ? null : new FactRow.ConversationKey(tenantId, conversationId);
    }
}
