package io.otklik.metrics.report;

import io.otklik.events.data.Channel;
import java.time.Instant;
import java.util.Map;

/**
 * One stored event of the window, with the payload fields the metrics read.
 *
 * @param channel         the channel the event names itself (appointment events name none: their conversation's)
 * @param utmSource       the UTM source the event carries itself ({@code message_received}, {@code lead_created})
 * @param variants        the experiment arms the event names itself (experiment id → arm), empty when none
 * @param fallback        {@code message_classified}: the bot was not sure
 * @param intent          {@code message_classified}: the intent
 * @param qualityScore    {@code lead_created}: the lead quality score 1–5
 * @param messageId       {@code intent_feedback}: the message a manager reviewed
 * @param predictedIntent {@code intent_feedback}: what the model said
 * @param correctIntent   {@code intent_feedback}: what the manager says it is
 */
public record FactRow(String tenantId, String type, String conversationId, Channel channel, String utmSource,
                      String utmCampaign, Map<String, String> variants, Instant occurredAt, boolean fallback,
                      String intent, Integer qualityScore, String messageId, String predictedIntent,
                      String correctIntent) {

    public FactRow {
        variants = variants == null ? Map.of() : Map.copyOf(variants);
    }

    /** An event with no payload fields the metrics read. */
    public static FactRow of(String tenantId, String type, String conversationId, Channel channel, Instant at) {
        return new FactRow(tenantId, type, conversationId, channel, null, null, Map.of(), at, false, null, null, null,
                null, null);
    }

    public ConversationKey conversation() {
        return conversationId == null ? null : new ConversationKey(tenantId, conversationId);
    }

    /** A conversation of a tenant (conversation ids are unique per tenant only). */
    public record ConversationKey(String tenantId, String conversationId) {
    }
}
