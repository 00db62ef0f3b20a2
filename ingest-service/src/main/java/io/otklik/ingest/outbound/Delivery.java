package io.otklik.ingest.outbound;

/**
 * What a channel answered to one outbound message.
 *
 * @param externalMessageId the channel's id of the sent message (wamid, Telegram message_id)
 * @param errorCode         the channel's error code when not sent
 * @param retryable         whether the same send may succeed later (rate limits, outages)
 */
public record Delivery(boolean sent, String externalMessageId, String errorCode, String reason, boolean retryable) {

    public static Delivery sent(String externalMessageId) {
        return new Delivery(true, externalMessageId, null, null, false);
    }

    public static Delivery failed(String errorCode, String reason, boolean retryable) {
        return new Delivery(false, null, errorCode, reason, retryable);
    }
}
