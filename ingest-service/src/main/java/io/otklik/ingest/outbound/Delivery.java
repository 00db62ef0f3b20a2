package io.otklik.ingest.outbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a channel answered to one outbound message.
 *
 * @param externalMessageId  the channel's id of the sent message (wamid, Telegram message_id, SMS id); for a split
 *                           text the first piece's id delivered in this attempt
 * @param errorCode          the channel's error code when not sent
 * @param retryable          whether the same send may succeed later (rate limits, outages)
 * @param retryAfter         the wait the channel asked for (Telegram's retry_after), if any
 * @param partsSent          how many parts of a split text were delivered (in this and earlier attempts)
 * @param externalMessageIds the ids of every piece delivered in this attempt, in order (a split WhatsApp text has
 *                           one wamid a piece, and a status webhook may name any of them)
 */
public record Delivery(boolean sent, String externalMessageId, String errorCode, String reason, boolean retryable,
                       Duration retryAfter, int partsSent, List<String> externalMessageIds) {

    public Delivery {
        externalMessageIds = externalMessageIds == null ? List.of() : List.copyOf(externalMessageIds);
    }

    public static Delivery sent(String externalMessageId) {
        return new Delivery(true, externalMessageId, null, null, false, null, 0,
                externalMessageId == null ? List.of() : List.of(externalMessageId));
    }

    public static Delivery failed(String errorCode, String reason, boolean retryable) {
        return new Delivery(false, null, errorCode, reason, retryable, null, 0, List.of());
    }

    public Delivery withParts(int parts) {
        return new Delivery(sent, externalMessageId, errorCode, reason, retryable, retryAfter, parts,
                externalMessageIds);
    }

    public Delivery withRetryAfter(Duration wait) {
        return new Delivery(sent, externalMessageId, errorCode, reason, retryable, wait, partsSent,
                externalMessageIds);
    }

    /** This piece's outcome after earlier pieces of the same attempt delivered {@code earlier}. */
    public Delivery afterPieces(List<String> earlier) {
        if (earlier.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(earlier);
        all.addAll(externalMessageIds);
        return new Delivery(sent, all.get(0), errorCode, reason, retryable, retryAfter, partsSent, all);
    }
}
