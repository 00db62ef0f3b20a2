package io.otklik.ingest.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.otklik.events.data.Attachment;
import io.otklik.events.data.Utm;
import io.otklik.ingest.inbound.JsonBodies;
import io.otklik.ingest.inbound.Phones;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Telegram {@code Update}: a private chat's {@code message} or {@code edited_message} (text, captions, media,
 * locations, contacts, /start deep links) and {@code callback_query} (an inline button press) become client
 * messages; everything else (my_chat_member, group and channel posts, bots) is acknowledged and ignored.
 */
public final class TelegramUpdate {

    static final String UNSUPPORTED = "[сообщение этого типа не поддерживается]";
    static final String SHARED_PHONE = "[поделился номером телефона]";
    /** message_received.source of a /start deep link. */
    static final String START_SOURCE = "telegram_start";

    /** 9999-12-31T23:59:59Z: later dates fit neither Instant nor PostgreSQL. */
    static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    private TelegramUpdate() {
    }

    /**
     * A client's message.
     *
     * @param phone       the client's own phone, when they shared their contact
     * @param messageType text, edited, button, start, contact, location, image, document, voice, audio, video,
     *                    sticker
     * @param buttonId    the pressed inline button's callback_data
     * @param source      telegram_start for a /start deep link
     * @param callbackQueryId the press's callback_query id, to answer it (stops the button's spinner)
     */
    public record Message(long updateId, long chatId, String name, String text, String phone, Instant date,
                         String messageType, List<Attachment> attachments, String buttonId, Utm utm, String source,
                         String callbackQueryId) {
    }

    /**
     * @return the message, or {@code null} for an update that carries nothing from a client
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static Message parse(byte[] body) {
        JsonNode root = JsonBodies.object(body);
        if (!root.path("update_id").canConvertToLong() || !root.path("update_id").isIntegralNumber()) {
            throw new IllegalArgumentException("'update_id' must be an integer");
        }
        long updateId = root.path("update_id").asLong();
        if (root.has("message")) {
            return message(updateId, root.path("message"), "message", false);
        }
        if (root.has("edited_message")) {
            return message(updateId, root.path("edited_message"), "edited_message", true);
        }
        if (root.has("callback_query")) {
            return callback(updateId, root.path("callback_query"));
        }
        return null;
    }

    private static Message message(long updateId, JsonNode message, String field, boolean edited) {
        JsonNode chat = message.path("chat");
        if (!chat.path("id").isIntegralNumber()) {
            throw new IllegalArgumentException("'" + field + ".chat.id' must be an integer");
        }
        if (!"private".equals(chat.path("type").asText("private")) || message.path("from").path("is_bot").asBoolean()) {
            return null;
        }
        JsonNode from = message.path("from");
        String text = blankToNull(message.path("text").asText(null));
        String caption = blankToNull(message.path("caption").asText(null));
        List<Attachment> attachments = new ArrayList<>();
        String type = "text";
        String placeholder = null;
        String phone = null;
        if (message.path("photo").isArray() && !message.path("photo").isEmpty()) {
            JsonNode largest = message.path("photo").get(message.path("photo").size() - 1);
            attachments.add(Attachment.media("image", id(largest), null, null, caption));
            type = "image";
            placeholder = "[фото]";
        } else if (message.has("document")) {
            JsonNode d = message.path("document");
            String fileName = blankToNull(d.path("file_name").asText(null));
            attachments.add(Attachment.media("document", id(d), mime(d), fileName, caption));
            type = "document";
            placeholder = fileName == null ? "[документ]" : "[документ: " + fileName + "]";
        } else if (message.has("voice")) {
            attachments.add(Attachment.media("voice", id(message.path("voice")), mime(message.path("voice")), null,
                    caption));
            type = "voice";
            placeholder = "[голосовое сообщение]";
        } else if (message.has("audio")) {
            JsonNode a = message.path("audio");
            attachments.add(Attachment.media("audio", id(a), mime(a), blankToNull(a.path("file_name").asText(null)),
                    caption));
            type = "audio";
            placeholder = "[аудио]";
        } else if (message.has("video") || message.has("video_note") || message.has("animation")) {
            JsonNode v = message.has("video") ? message.path("video")
                    : message.has("video_note") ? message.path("video_note") : message.path("animation");
            attachments.add(Attachment.media("video", id(v), mime(v), null, caption));
            type = "video";
            placeholder = "[видео]";
        } else if (message.has("sticker")) {
            attachments.add(Attachment.media("sticker", id(message.path("sticker")), null, null, null));
            type = "sticker";
            placeholder = "[стикер]";
        } else if (message.has("location") || message.has("venue")) {
            JsonNode venue = message.path("venue");
            JsonNode location = message.has("location") ? message.path("location") : venue.path("location");
            String title = blankToNull(venue.path("title").asText(null));
            if (title == null) {
                title = blankToNull(venue.path("address").asText(null));
            }
            attachments.add(new Attachment("location", null, null, null, null, null,
                    coordinate(location.path("latitude"), 90), coordinate(location.path("longitude"), 180), title,
                    null));
            type = "location";
            placeholder = title == null ? "[геопозиция]" : "[геопозиция] " + title;
        } else if (message.has("contact")) {
            JsonNode c = message.path("contact");
            String contactPhone = Phones.e164(c.path("phone_number").asText(null)).orElse(null);
            String contactName = blankToNull((c.path("first_name").asText("") + " " + c.path("last_name").asText(""))
                    .strip());
            attachments.add(new Attachment("contact", null, null, null, null, null, null, null, contactName,
                    contactPhone));
            // Only the client's own contact (Telegram sets user_id to the sender's id: the "share my phone" button)
            // is their phone; a contact they forward is someone else's.
            boolean own = c.path("user_id").isIntegralNumber() && c.path("user_id").asLong() == from.path("id").asLong();
            if (own) {
                phone = contactPhone;
            }
            type = "contact";
            placeholder = own ? SHARED_PHONE : "[контакт]";
        } else if (text == null) {
            placeholder = UNSUPPORTED;
            type = "unsupported";
        }
        String shown = text != null ? text : caption != null ? caption : placeholder;
        Utm utm = null;
        String source = null;
        if (edited) {
            type = "edited";
        } else if (text != null && StartPayload.isStart(text)) {
            type = "start";
            source = START_SOURCE;
            utm = StartPayload.utm(text);
        }
        return new Message(updateId, chat.path("id").asLong(), name(chat, from), shown, phone, date(message), type,
                attachments, null, utm, source, null);
    }

    private static Message callback(long updateId, JsonNode callback) {
        JsonNode from = callback.path("from");
        if (from.path("is_bot").asBoolean()) {
            return null;
        }
        JsonNode chatId = callback.path("message").path("chat").path("id");
        if (!chatId.isIntegralNumber()) {
            chatId = from.path("id");
        }
        if (!chatId.isIntegralNumber()) {
            throw new IllegalArgumentException("'callback_query.from.id' must be an integer");
        }
        String data = blankToNull(callback.path("data").asText(null));
        if (data == null) {
            return null; // a game callback: nothing the client said
        }
        String title = null;
        for (JsonNode row : callback.path("message").path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (data.equals(button.path("callback_data").asText(null))) {
                    title = blankToNull(button.path("text").asText(null));
                }
            }
        }
        return new Message(updateId, chatId.asLong(), name(from, from), title != null ? title : data, null, null,
                "button", List.of(), data, null, null, blankToNull(callback.path("id").asText(null)));
    }

    private static String name(JsonNode chat, JsonNode from) {
        String first = chat.path("first_name").asText(from.path("first_name").asText(""));
        String last = chat.path("last_name").asText(from.path("last_name").asText(""));
        String name = (first + " " + last).strip();
        return name.isEmpty() ? null : name;
    }

    private static Instant date(JsonNode message) {
        String field = message.has("edit_date") ? "edit_date" : "date";
        JsonNode date = message.path(field);
        if (date.isMissingNode() || date.isNull()) {
            return null;
        }
        if (!date.isIntegralNumber() || !date.canConvertToLong() || date.asLong() < 0
                || date.asLong() > MAX_EPOCH_SECOND) {
            throw new IllegalArgumentException("'message." + field + "' must be Unix seconds");
        }
        return Instant.ofEpochSecond(date.asLong());
    }

    private static String id(JsonNode media) {
        return blankToNull(media.path("file_id").asText(null));
    }

    private static String mime(JsonNode media) {
        return blankToNull(media.path("mime_type").asText(null));
    }

    private static Double coordinate(JsonNode node, double limit) {
        return node.isNumber() && Math.abs(node.asDouble()) <= limit ? node.asDouble() : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
