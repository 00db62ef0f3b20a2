package io.otklik.ingest.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.otklik.events.data.Attachment;
import io.otklik.ingest.inbound.JsonBodies;
import io.otklik.ingest.inbound.Phones;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads a WhatsApp Cloud API webhook body (messages and statuses) into plain records; rejects what is not one. */
public final class WhatsAppWebhook {

    /** 9999-12-31T23:59:59Z. */
    static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    private WhatsAppWebhook() {
    }

    /** Text of a message type we do not read (unsupported, system, order, unknown …). */
    public static final String UNSUPPORTED = "[сообщение этого типа не поддерживается]";

    /**
     * A client's message.
     *
     * @param type        WhatsApp's {@code type} (text, button, interactive, reaction, location, contacts, image …)
     * @param text        the text, the pressed button's title, a caption, or a Russian placeholder ("[фото]")
     * @param buttonId    the id (payload) of the pressed button or list row, if any
     * @param attachments media metadata, a location, shared contacts
     * @param referral    the click-to-WhatsApp ad the client came from, if any
     */
    public record Message(String phoneNumberId, String wamid, String from, String profileName, String type,
                          String text, Instant timestamp, String buttonId, List<Attachment> attachments,
                          Referral referral) {
    }

    /** A click-to-WhatsApp ad ({@code messages[].referral}). */
    public record Referral(String sourceUrl, String sourceId, String sourceType, String headline, String ctwaClid) {
    }

    /** A delivery status of one of our messages; {@code errorCode} is set on {@code failed}. */
    public record Status(String phoneNumberId, String wamid, String status, Instant timestamp, String errorCode,
                         String errorTitle) {
    }

    public record Parsed(List<Message> messages, List<Status> statuses) {

        public Set<String> phoneNumberIds() {
            Set<String> ids = new LinkedHashSet<>();
            messages.forEach(m -> ids.add(m.phoneNumberId()));
            statuses.forEach(s -> ids.add(s.phoneNumberId()));
            return ids;
        }
    }

    /** @throws IllegalArgumentException with a sentence saying what is wrong */
    public static Parsed parse(byte[] body) {
        JsonNode root = JsonBodies.object(body);
        if (!"whatsapp_business_account".equals(root.path("object").asText())) {
            throw new IllegalArgumentException("'object' must be 'whatsapp_business_account'");
        }
        JsonNode entries = root.path("entry");
        if (!entries.isArray()) {
            throw new IllegalArgumentException("'entry' must be an array");
        }
        List<Message> messages = new ArrayList<>();
        List<Status> statuses = new ArrayList<>();
        for (JsonNode entry : entries) {
            for (JsonNode change : entry.path("changes")) {
                if (!"messages".equals(change.path("field").asText())) {
                    continue;
                }
                JsonNode value = change.path("value");
                String phoneNumberId = value.path("metadata").path("phone_number_id").asText("");
                if (phoneNumberId.isEmpty()) {
                    throw new IllegalArgumentException("'value.metadata.phone_number_id' is missing");
                }
                for (JsonNode m : value.path("messages")) {
                    messages.add(message(phoneNumberId, m, value.path("contacts")));
                }
                for (JsonNode s : value.path("statuses")) {
                    statuses.add(status(phoneNumberId, s));
                }
            }
        }
        return new Parsed(messages, statuses);
    }

    private static Message message(String phoneNumberId, JsonNode m, JsonNode contacts) {
        String wamid = required(m, "id", "messages[].id");
        String from = required(m, "from", "messages[].from");
        String type = m.path("type").asText("text");
        String text;
        String buttonId = null;
        List<Attachment> attachments = new ArrayList<>();
        switch (type) {
            case "text" -> text = m.path("text").path("body").asText("");
            case "button" -> {
                text = m.path("button").path("text").asText("");
                buttonId = blankToNull(m.path("button").path("payload").asText(null));
            }
            case "interactive" -> {
                JsonNode interactive = m.path("interactive");
                JsonNode reply = interactive.path(interactive.path("type").asText());
                if ("button_reply".equals(interactive.path("type").asText())
                        || "list_reply".equals(interactive.path("type").asText())) {
                    text = reply.path("title").asText("");
                    buttonId = blankToNull(reply.path("id").asText(null));
                } else {
                    text = UNSUPPORTED;
                }
            }
            case "reaction" -> {
                String emoji = m.path("reaction").path("emoji").asText("");
                text = emoji.isEmpty() ? "[реакция снята]" : "[реакция " + emoji + "]";
            }
            case "location" -> {
                JsonNode l = m.path("location");
                String title = blankToNull(l.path("name").asText(null));
                if (title == null) {
                    title = blankToNull(l.path("address").asText(null));
                }
                Double lat = coordinate(l.path("latitude"), 90);
                Double lon = coordinate(l.path("longitude"), 180);
                attachments.add(new Attachment("location", null, null, null, null, null, lat, lon, title, null));
                text = title == null ? "[геопозиция]" : "[геопозиция] " + title;
            }
            case "contacts" -> {
                for (JsonNode c : m.path("contacts")) {
                    String name = blankToNull(c.path("name").path("formatted_name").asText(null));
                    String phone = null;
                    for (JsonNode p : c.path("phones")) {
                        phone = Phones.e164(p.path("wa_id").asText(null))
                                .or(() -> Phones.e164(p.path("phone").asText(null))).orElse(null);
                        if (phone != null) {
                            break;
                        }
                    }
                    attachments.add(new Attachment("contact", null, null, null, null, null, null, null, name, phone));
                }
                text = attachments.size() == 1 ? "[контакт]" : "[контакты: " + attachments.size() + "]";
            }
            case "image", "audio", "voice", "video", "document", "sticker" -> {
                JsonNode media = m.path(type);
                String kind = "audio".equals(type) && media.path("voice").asBoolean(false) ? "voice" : type;
                String caption = blankToNull(media.path("caption").asText(null));
                String fileName = blankToNull(media.path("filename").asText(null));
                attachments.add(Attachment.media(kind, blankToNull(media.path("id").asText(null)),
                        blankToNull(media.path("mime_type").asText(null)), fileName, caption));
                text = caption != null ? caption : placeholder(kind, fileName);
            }
            default -> text = UNSUPPORTED;
        }
        String name = null;
        for (JsonNode c : contacts) {
            if (from.equals(c.path("wa_id").asText())) {
                name = c.path("profile").path("name").asText(null);
            }
        }
        JsonNode r = m.path("referral");
        Referral referral = r.isObject() ? new Referral(blankToNull(r.path("source_url").asText(null)),
                blankToNull(r.path("source_id").asText(null)), blankToNull(r.path("source_type").asText(null)),
                blankToNull(r.path("headline").asText(null)), blankToNull(r.path("ctwa_clid").asText(null))) : null;
        return new Message(phoneNumberId, wamid, from, name, type, text, epoch(m, "messages[].timestamp"), buttonId,
                attachments, referral);
    }

    /** The Russian text shown for media without a caption. */
    static String placeholder(String kind, String fileName) {
        return switch (kind) {
            case "image" -> "[фото]";
            case "audio" -> "[аудио]";
            case "voice" -> "[голосовое сообщение]";
            case "video" -> "[видео]";
            case "document" -> fileName == null ? "[документ]" : "[документ: " + fileName + "]";
            case "sticker" -> "[стикер]";
            default -> UNSUPPORTED;
        };
    }

    private static Double coordinate(JsonNode node, double limit) {
        if (!node.isNumber() && !(node.isTextual() && node.asText().matches("-?\\d+(\\.\\d+)?"))) {
            return null;
        }
        double value = node.asDouble();
        return Math.abs(value) <= limit ? value : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Status status(String phoneNumberId, JsonNode s) {
        JsonNode error = s.path("errors").path(0);
        return new Status(phoneNumberId, required(s, "id", "statuses[].id"), required(s, "status", "statuses[].status"),
                epoch(s, "statuses[].timestamp"), error.isMissingNode() ? null : error.path("code").asText(null),
                error.isMissingNode() ? null : error.path("title").asText(null));
    }

    private static String required(JsonNode node, String field, String path) {
        String value = node.path(field).asText("");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("'" + path + "' is missing");
        }
        return value;
    }

    private static Instant epoch(JsonNode node, String path) {
        String value = node.path("timestamp").asText("");
        if (value.isEmpty()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value);
            // beyond year 9999 neither Instant nor PostgreSQL can hold it: a client error, not a 500
            if (seconds < 0 || seconds > MAX_EPOCH_SECOND) {
                throw new NumberFormatException();
            }
            return Instant.ofEpochSecond(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + path + "' must be Unix seconds, was '" + value + "'");
        }
    }
}
