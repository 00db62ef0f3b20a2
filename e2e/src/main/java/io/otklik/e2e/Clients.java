package io.otklik.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays the clients' side: delivers messages to ingest-service's real webhooks exactly as WhatsApp (signed),
 * Telegram (secret token), Instagram (signed) and a site's form would, and reads the bot's answers back where each channel puts them.
 */
public final class Clients {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String ingestUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Clients(String ingestUrl) {
        this.ingestUrl = ingestUrl;
    }

    /** A webhook exactly as it went over the wire, so it can be delivered again (Meta retries). */
    public record Webhook(String path, byte[] body, Map<String, String> headers) {
    }

    /** Builds a signed WhatsApp Cloud API text-message webhook. */
    public static Webhook whatsApp(String phoneNumberId, String appSecret, String waId, String name, String text) {
        ObjectNode root = JSON.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode value = root.putArray("entry").addObject().put("id", "102290129340398")
                .putArray("changes").addObject().put("field", "messages").putObject("value");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "15550783881").put("phone_number_id", phoneNumberId);
        ArrayNode contacts = value.putArray("contacts");
        contacts.addObject().put("wa_id", waId).putObject("profile").put("name", name);
        ObjectNode message = value.putArray("messages").addObject();
        message.put("from", waId).put("id", "wamid.DEMO" + UUID.randomUUID().toString().replace("-", ""))
                .put("timestamp", Long.toString(Instant.now().getEpochSecond())).put("type", "text")
                .putObject("text").put("body", text);
        byte[] body = root.toString().getBytes(StandardCharsets.UTF_8);
        return new Webhook("/webhooks/whatsapp", body, Map.of("X-Hub-Signature-256", sign(body, appSecret),
                "Content-Type", "application/json"));
    }

    /** Builds a Telegram Update webhook for a private chat. */
    public static Webhook telegram(String botAlias, String secretToken, long updateId, long chatId, String name,
                                   String text) {
        ObjectNode root = JSON.createObjectNode().put("update_id", updateId);
        ObjectNode message = root.putObject("message").put("message_id", updateId % 100_000)
                .put("date", Instant.now().getEpochSecond()).put("text", text);
        message.putObject("from").put("id", chatId).put("is_bot", false).put("first_name", name)
                .put("language_code", "ru");
        message.putObject("chat").put("id", chatId).put("first_name", name).put("type", "private");
        return new Webhook("/webhooks/telegram/" + botAlias, root.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("X-Telegram-Bot-Api-Secret-Token", secretToken, "Content-Type", "application/json"));
    }

    /**
     * Builds a Telegram Update for an inline-button press ({@code callback_query}) under a bot message that showed
     * the button; ingest reads {@code data} as the button id.
     */
    public static Webhook telegramButton(String botAlias, String secretToken, long updateId, long chatId, String name,
                                         String buttonId, String title) {
        ObjectNode root = JSON.createObjectNode().put("update_id", updateId);
        ObjectNode callback = root.putObject("callback_query").put("id", "demo-cb-" + updateId)
                .put("chat_instance", "demo-" + chatId).put("data", buttonId);
        callback.putObject("from").put("id", chatId).put("is_bot", false).put("first_name", name)
                .put("language_code", "ru");
        ObjectNode message = callback.putObject("message").put("message_id", updateId % 100_000)
                .put("date", Instant.now().getEpochSecond());
        message.putObject("chat").put("id", chatId).put("first_name", name).put("type", "private");
        message.putObject("reply_markup").putArray("inline_keyboard").addArray().addObject().put("text", title)
                .put("callback_data", buttonId);
        return new Webhook("/webhooks/telegram/" + botAlias, root.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("X-Telegram-Bot-Api-Secret-Token", secretToken, "Content-Type", "application/json"));
    }

    /** Builds a signed WhatsApp webhook for a reply button press ({@code interactive.button_reply}). */
    public static Webhook whatsAppButton(String phoneNumberId, String appSecret, String waId, String name,
                                         String buttonId, String title) {
        ObjectNode root = JSON.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode value = root.putArray("entry").addObject().put("id", "102290129340398")
                .putArray("changes").addObject().put("field", "messages").putObject("value");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "15550783881").put("phone_number_id", phoneNumberId);
        value.putArray("contacts").addObject().put("wa_id", waId).putObject("profile").put("name", name);
        ObjectNode message = value.putArray("messages").addObject();
        message.put("from", waId).put("id", "wamid.DEMO" + UUID.randomUUID().toString().replace("-", ""))
                .put("timestamp", Long.toString(Instant.now().getEpochSecond())).put("type", "interactive");
        message.putObject("interactive").put("type", "button_reply").putObject("button_reply").put("id", buttonId)
                .put("title", title);
        byte[] body = root.toString().getBytes(StandardCharsets.UTF_8);
        return new Webhook("/webhooks/whatsapp", body, Map.of("X-Hub-Signature-256", sign(body, appSecret),
                "Content-Type", "application/json"));
    }

    /**
     * Builds a signed Instagram Messaging webhook (a direct message to the business account).
     *
     * @param storyUrl when set, the message is a reply to this story of the business
     */
    public static Webhook instagram(String accountId, String appSecret, String igsid, String text, String storyUrl) {
        long now = Instant.now().toEpochMilli();
        ObjectNode root = JSON.createObjectNode().put("object", "instagram");
        ObjectNode entry = root.putArray("entry").addObject().put("id", accountId).put("time", now);
        ObjectNode messaging = entry.putArray("messaging").addObject();
        messaging.putObject("sender").put("id", igsid);
        messaging.putObject("recipient").put("id", accountId);
        messaging.put("timestamp", now);
        ObjectNode message = messaging.putObject("message")
                .put("mid", "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlE" + UUID.randomUUID().toString().replace("-", ""))
                .put("text", text);
        if (storyUrl != null) {
            message.putObject("reply_to").putObject("story").put("url", storyUrl).put("id", "17900000000000001");
        }
        byte[] body = root.toString().getBytes(StandardCharsets.UTF_8);
        return new Webhook("/webhooks/instagram", body, Map.of("X-Hub-Signature-256", sign(body, appSecret),
                "Content-Type", "application/json"));
    }

    /** Builds a web-form submission. */
    public static Webhook webForm(String formId, String name, String phone, String text, Map<String, String> utm) {
        ObjectNode root = JSON.createObjectNode().put("submissionId", UUID.randomUUID().toString());
        root.put("name", name);
        if (phone != null) {
            root.put("phone", phone);
        }
        root.put("message", text);
        if (utm != null && !utm.isEmpty()) {
            ObjectNode u = root.putObject("utm");
            utm.forEach(u::put);
        }
        return new Webhook("/api/v1/forms/" + formId, root.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));
    }

    /** Delivers a webhook; returns the status code and the parsed JSON answer. */
    public Answer deliver(Webhook webhook) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ingestUrl + webhook.path()))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()));
        webhook.headers().forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), body);
    }

    /** An HTTP answer of ingest-service. */
    public record Answer(int status, JsonNode body) {
    }

    /** The bot's replies shown to a web-form page, oldest first. */
    public List<String> webReplies(String formId, String messageId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingestUrl + "/api/v1/forms/"
                + formId + "/messages/" + messageId + "/replies")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> texts = new ArrayList<>();
        if (response.statusCode() == 200) {
            JSON.readTree(response.body()).forEach(r -> texts.add(r.path("text").asText()));
        }
        return texts;
    }

    /** X-Hub-Signature-256 of a body: "sha256=" + hex HMAC-SHA256 with the app secret. */
    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
