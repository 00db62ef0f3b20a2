package io.otklik.ingest.outbound;

import java.time.Duration;

/**
 * What a channel answered to one outbound message.
 *
 * @param externalMessageId the channel's id of the sent message (wamid, Telegram message_id, SMS id)
 * @param errorCode         the channel's error code when not sent
 * @param retryable         whether the same send may succeed later (rate limits, outages)
 * @param retryAfter        the wait the channel asked for (Telegram's retry_after), if any
 * @param partsSent         how many parts of a split text were delivered (in this and earlier attempts)
 */
public record Delivery(boolean sent, String externalMessageId, String errorCode, String reason, boolean retryable,
                       Duration retryAfter, int partsSent) {

    public static Delivery sent(String externalMessageId) {
        return new Delivery(true, externalMessageId, null, null, false, null, 0);
    }

    public static Delivery failed(String errorCode, String reason, boolean retryable) {
        return new Delivery(false, null, errorCode, reason, retryable, null, 0);
    }

    public Delivery withParts(int parts) {
        return new Delivery(sent, externalMessageId, errorCode, reason, retryable, retryAfter, parts);
    }

    public Delivery withRetryAfter(Duration wait) {
        return new Delivery(sent, externalMessageId, errorCode, reason, retryable, wait, partsSent);
    }
}
