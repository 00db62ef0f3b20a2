package io.otklik.ingest.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import io.otklik.events.data.Attachment;
import io.otklik.events.data.Utm;
import io.otklik.ingest.inbound.JsonBodies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an Instagram Messaging webhook ({@code object: instagram}, {@code entry[].messaging[]}) into client messages:
 * texts, attachments, story replies, ad and link referrals, quick replies and postbacks. Echoes of our own sends,
 * reactions, read receipts, deletions and anything else are counted as ignored.
 */
public final class InstagramWebhook {

    static final String UNSUPPORTED = "[сообщение этого типа не поддерживается]";
    /** message_received.source of a reply to the business's story. */
    static final String STORY_SOURCE = "instagram_story";
    /** message_received.source of a conversation opened from an Instagram ad. */
    static final String AD_SOURCE = "instagram_ad";
    /** message_received.source of a conversation opened from an ig.me link with a ref. */
    static final String LINK_SOURCE = "instagram_link";

    private InstagramWebhook() {
    }

    /**
     * A client's message.
     *
     * @param accountId   the business's Instagram account ({@code entry[].id})
     * @param recipientId {@code messaging[].recipient.id}, the same account
     * @param mid         the message id, the deduplication key (postbacks and referrals without one get a key made of
     *                    the sender and the timestamp)
     * @param senderId    the client's IGSID
     */
    public record Message(String accountId, String recipientId, String mid, String senderId, String text,
                          Instant timestamp, String messageType, List<Attachment> attachments, String buttonId,
                          Utm utm, String source) {
    }

    /**
     * @param ignored  echoes, reactions, reads, deletions and other events with nothing from a client
     * @param accounts each entry's id with the recipient ids its events name
     */
    public record Parsed(List<Message> messages, int ignored, Map<String, Set<String>> accounts) {
    }

    /** @throws IllegalArgumentException with a sentence saying what is wrong */
    public static Parsed parse(byte[] body) {
        JsonNode root = JsonBodies.object(body);
        if (!"instagram".equals(root.path("object").asText())) {
            throw new IllegalArgumentException("'object' must be 'instagram'");
        }
        JsonNode entries = root.path("entry");
        if (!entries.isArray()) {
            throw new IllegalArgumentException("'entry' must be an array");
        }
        List<Message> messages = new ArrayList<>();
        Map<String, Set<String>> accounts = new LinkedHashMap<>();
        int ignored = 0;
        for (JsonNode entry : entries) {
            String accountId = entry.path("id").asText("");
            if (accountId.isEmpty()) {
                throw new IllegalArgumentException("'entry[].id' is missing");
            }
            Set<String> recipients = accounts.computeIfAbsent(accountId, a -> new LinkedHashSet<>());
            for (JsonNode item : entry.path("messaging")) {
                String recipient = item.path("recipient").path("id").asText("");
                if (!recipient.isEmpty()) {
                    recipients.add(recipient);
                }
                Message m = item(accountId, item);
                if (m == null) {
                    ignored++;
                } else {
                    messages.add(m);
                }
            }
            ignored += entry.path("changes").size() + entry.path("standby").size();
        }
        return new Parsed(messages, ignored, accounts);
    }

    private static Message item(String accountId, JsonNode item) {
        String sender = item.path("sender").path("id").asText("");
        if (sender.isEmpty()) {
            throw new IllegalArgumentException("'messaging[].sender.id' is missing");
        }
        String recipient = blankToNull(item.path("recipient").path("id").asText(null));
        JsonNode ts = item.path("timestamp");
        // beyond year 9999 (or before 1970) PostgreSQL cannot hold it: a client error, not a 500
        if (!ts.isMissingNode() && (!ts.isIntegralNumber() || !ts.canConvertToLong() || ts.asLong() < 0
                || ts.asLong() > 253_402_300_799_999L)) {
            throw new IllegalArgumentException("'messaging[].timestamp' must be Unix milliseconds");
        }
        Instant timestamp = ts.isIntegralNumber() ? Instant.ofEpochMilli(ts.asLong()) : null;
        String syntheticId = sender + ":" + (ts.isIntegralNumber() ? ts.asLong() : "");
        if (item.has("message")) {
            return message(accountId, recipient, sender, timestamp, item.path("message"));
        }
        if (item.has("postback")) {
            JsonNode p = item.path("postback");
            String payload = blankToNull(p.path("payload").asText(null));
            String title = blankToNull(p.path("title").asText(null));
            String mid = blankToNull(p.path("mid").asText(null));
            return new Message(accountId, recipient, mid != null ? mid : "postback:" + syntheticId, sender,
                    title != null ? title : payload != null ? payload : "", timestamp, "button", List.of(), payload,
                    null, null);
        }
        if (item.has("referral")) {
            JsonNode r = item.path("referral");
            boolean ad = "ADS".equalsIgnoreCase(r.path("source").asText());
            return new Message(accountId, recipient, "referral:" + syntheticId, sender,
                    ad ? "[переход по рекламе]" : "[переход по ссылке]", timestamp, "referral", List.of(), null,
                    utm(r), ad ? AD_SOURCE : LINK_SOURCE);
        }
        return null; // reaction, read, optin, handover …
    }

    private static Message message(String accountId, String recipient, String sender, Instant timestamp,
                                   JsonNode message) {
        if (message.path("is_echo").asBoolean() || message.path("is_deleted").asBoolean()) {
            return null;
        }
        String mid = blankToNull(message.path("mid").asText(null));
        if (mid == null) {
            throw new IllegalArgumentException("'messaging[].message.mid' is missing");
        }
        String text = blankToNull(message.path("text").asText(null));
        List<Attachment> attachments = new ArrayList<>();
        String placeholder = null;
        for (JsonNode a : message.path("attachments")) {
            String type = a.path("type").asText("unknown");
            JsonNode payload = a.path("payload");
            attachments.add(new Attachment(type, null, null, null, null, blankToNull(payload.path("url").asText(null)),
                    null, null, blankToNull(payload.path("title").asText(null)), null));
            if (placeholder == null) {
                placeholder = placeholder(type);
            }
        }
        String type = attachments.isEmpty() ? "text" : attachments.get(0).type();
        String buttonId = null;
        Utm utm = null;
        String source = null;
        if (message.path("is_unsupported").asBoolean()) {
            type = "unsupported";
            placeholder = UNSUPPORTED;
        }
        if (message.path("quick_reply").has("payload")) {
            type = "button";
            buttonId = blankToNull(message.path("quick_reply").path("payload").asText(null));
        }
        JsonNode story = message.path("reply_to").path("story");
        if (story.isObject()) {
            type = "story_reply";
            source = STORY_SOURCE;
            attachments.add(new Attachment("story", blankToNull(story.path("id").asText(null)), null, null, null,
                    blankToNull(story.path("url").asText(null)), null, null, null, null));
        }
        if (message.path("referral").isObject()) {
            JsonNode r = message.path("referral");
            utm = utm(r);
            source = "ADS".equalsIgnoreCase(r.path("source").asText()) ? AD_SOURCE : LINK_SOURCE;
        }
        String shown = text != null ? text : placeholder != null ? placeholder : UNSUPPORTED;
        return new Message(accountId, recipient, mid, sender, shown, timestamp, type, attachments, buttonId, utm,
                source);
    }

    /**
     * A referral as campaign tags: source "instagram"; medium "ad" for an ad (referral.source ADS), "link" for an
     * ig.me link; campaign the ad id, else the ref; content the ad's title when Meta gives it.
     */
    static Utm utm(JsonNode referral) {
        boolean ad = "ADS".equalsIgnoreCase(referral.path("source").asText());
        String adId = blankToNull(referral.path("ad_id").asText(null));
        String ref = blankToNull(referral.path("ref").asText(null));
        return new Utm("instagram", ad ? "ad" : "link", adId != null ? adId : ref,
                blankToNull(referral.path("ads_context_data").path("ad_title").asText(null)), null);
    }

    static String placeholder(String type) {
        return switch (type) {
            case "image" -> "[фото]";
            case "video" -> "[видео]";
            case "audio" -> "[аудио]";
            case "file" -> "[файл]";
            case "share" -> "[публикация]";
            case "story_mention" -> "[упоминание в истории]";
            case "ig_reel", "reel" -> "[рилс]";
            case "animated_image_share" -> "[GIF]";
            default -> UNSUPPORTED;
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
