package io.otklik.ingest.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otklik.events.data.Button;
import io.otklik.events.data.Channel;
import io.otklik.events.data.ReplyRequested;
import io.otklik.ingest.outbound.ChannelSender;
import io.otklik.ingest.outbound.Delivery;
import io.otklik.ingest.outbound.OutboundSettings;
import io.otklik.ingest.outbound.Parts;
import io.otklik.ingest.outbound.RestClients;
import io.otklik.ingest.outbound.SendRequest;
import io.otklik.ingest.outbound.TextChunks;
import io.otklik.ingest.outbound.Throttle;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends through the Telegram Bot API in pieces of at most 4096 characters; buttons become an inline keyboard (one
 * button a row, callback_data = the button id) on the last piece. Each piece waits for the chat's own bucket (about
 * one message a second to one chat) as well as the bot's and the tenant's ({@link Throttle}). 429 carries
 * retry_after for the retry; 403 (the client blocked the bot) is permanent.
 */
@ApplicationScoped
public class TelegramSender implements ChannelSender {

    static final int TEXT_LIMIT = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TelegramApi api;
    private final TenantRegistry tenants;
    private final Throttle throttle;

    public TelegramSender(@ConfigProperty(name = "otklik.telegram.api-url") String apiUrl,
                          OutboundSettings settings, TenantRegistry tenants, Throttle throttle) {
        this.api = RestClients.build(TelegramApi.class, apiUrl, settings.timeout());
        this.tenants = tenants;
        this.throttle = throttle;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public Uni<Delivery> send(Tenant tenant, SendRequest request) {
        ReplyRequested reply = request.reply();
        Tenant.Telegram bot = tenant.channels().telegram();
        String token = bot == null ? null : tenants.secret(bot.botTokenEnv()).orElse(null);
        if (token == null) {
            return Uni.createFrom().item(Delivery.failed("not_configured",
                    "tenant " + tenant.id() + " has no Telegram bot token", false));
        }
        long chatId;
        try {
            chatId = Long.parseLong(reply.recipient().channelUserId());
        } catch (NumberFormatException | NullPointerException e) {
            return Uni.createFrom().item(Delivery.failed("bad_recipient", "a Telegram chat id is a number", false));
        }
        long chat = chatId;
        return Parts.send(bodies(chat, reply.text(), reply.buttons()), request.skipParts(), body -> throttle
                .acquireTelegramChat(bot.botAlias(), chat, tenant.id())
                .chain(() -> sendOne(token, body)));
    }

    static List<Map<String, Object>> bodies(long chatId, String text, List<Button> buttons) {
        List<String> chunks = TextChunks.split(text, TEXT_LIMIT);
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("chat_id", chatId);
            body.put("text", chunks.get(i));
            if (i == chunks.size() - 1 && !buttons.isEmpty()) {
                body.put("reply_markup", Map.of("inline_keyboard", buttons.stream()
                        .map(b -> List.of(Map.of("text", b.title(), "callback_data", b.id()))).toList()));
            }
            bodies.add(body);
        }
        return bodies;
    }

    private Uni<Delivery> sendOne(String token, Map<String, Object> body) {
        return api.sendMessage(token, body)
                .map(response -> response.path("ok").asBoolean(false)
                        ? Delivery.sent(response.path("result").path("message_id").asText())
                        : Delivery.failed("not_ok", response.path("description").asText("ok=false"), false))
                .onFailure(WebApplicationException.class).recoverWithItem(e -> botError((WebApplicationException) e))
                .onFailure().recoverWithItem(e -> Delivery.failed("unreachable",
                        "the Bot API did not answer: " + e.getClass().getSimpleName(), true));
    }

    static Delivery botError(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String description = "HTTP " + status;
        long retryAfter = 0;
        try {
            JsonNode body = JSON.readTree(e.getResponse().readEntity(String.class));
            description = body.path("description").asText(description);
            retryAfter = body.path("parameters").path("retry_after").asLong(0);
        } catch (Exception ignored) {
            // keep the HTTP status
        }
        Delivery failed = Delivery.failed(Integer.toString(status), description, status == 429 || status >= 500);
        return retryAfter > 0 ? failed.withRetryAfter(Duration.ofSeconds(retryAfter)) : failed;
    }
}
