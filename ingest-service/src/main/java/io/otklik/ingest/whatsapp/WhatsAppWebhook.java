package io.otklik.ingest.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.otklik.ingest.inbound.JsonBodies;
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

    /** A client's message. {@code text} is the text, button or interactive reply title, or "" for media. */
    public record Message(String phoneNumberId, String wamid, String from, String profileName, String type,
                          String text, Instant timestamp, String referralSourceUrl) {
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
        String text = switch (type) {
            case "text" -> m.path("text").path("body").asText("");
            case "button" -> m.path("button").path("text").asText("");
            case "interactive" -> m.path("interactive").path(m.path("interactive").path("type").asText())
                    .path("title").asText("");
            default -> "";
        };
        String name = null;
        for (JsonNode c : contacts) {
            if (from.equals(c.path("wa_id").asText())) {
                name = c.path("profile").path("name").asText(null);
            }
        }
        String referral = m.path("referral").path("source_url").asText(null);
        return new Message(phoneNumberId, wamid, from, name, type, text, epoch(m, "messages[].timestamp"), referral);
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
