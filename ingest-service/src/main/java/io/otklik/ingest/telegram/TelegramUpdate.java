package io.otklik.ingest.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.otklik.ingest.inbound.JsonBodies;
import java.time.Instant;

/** Reads a Telegram {@code Update}; only private text messages become client messages, the rest is acknowledged. */
public final class TelegramUpdate {

    /** 9999-12-31T23:59:59Z: later dates fit neither Instant nor PostgreSQL. */
    static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    private TelegramUpdate() {
    }

    /** A client's text message; {@code phone} only when the client shared their contact. */
    public record Message(long updateId, long chatId, String name, String text, String phone, Instant date) {
    }

    /**
     * @return the message, or {@code null} for an update that carries none (edits, callbacks, member changes)
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static Message parse(byte[] body) {
        JsonNode root = JsonBodies.object(body);
        if (!integer(root.path("update_id"))) {
            throw new IllegalArgumentException("'update_id' must be an integer");
        }
        JsonNode message = root.path("message");
        if (message.isMissingNode()) {
            return null;
        }
        JsonNode chat = message.path("chat");
        if (!integer(chat.path("id"))) {
            throw new IllegalArgumentException("'message.chat.id' must be an integer");
        }
        String text = message.path("text").asText(message.path("caption").asText(""));
        String phone = message.path("contact").path("phone_number").asText(null);
        if (text.isEmpty() && phone != null) {
            text = phone;
        }
        String first = chat.path("first_name").asText(message.path("from").path("first_name").asText(""));
        String last = chat.path("last_name").asText(message.path("from").path("last_name").asText(""));
        String name = (first + " " + last).strip();
        JsonNode date = message.path("date");
        if (!date.isMissingNode() && !date.isNull() && (!integer(date) || date.asLong() < 0
                || date.asLong() > MAX_EPOCH_SECOND)) {
            throw new IllegalArgumentException("'message.date' must be Unix seconds");
        }
        return new Message(root.path("update_id").asLong(), chat.path("id").asLong(), name.isEmpty() ? null : name,
                text, phone, date.isIntegralNumber() ? Instant.ofEpochSecond(date.asLong()) : null);
    }

    /** A JSON integer that fits a long (42.5, "42" and 1e30 do not). */
    private static boolean integer(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToLong();
    }
}
