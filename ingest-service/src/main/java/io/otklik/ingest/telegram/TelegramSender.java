package io.otklik.ingest.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otklik.events.data.Channel;
import io.otklik.events.data.ReplyRequested;
import io.otklik.ingest.outbound.ChannelSender;
import io.otklik.ingest.outbound.Delivery;
import io.otklik.ingest.outbound.RestClients;
import io.otklik.ingest.outbound.TextChunks;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sends through the Telegram Bot API, in pieces of at most 4096 characters. */
@ApplicationScoped
public class TelegramSender implements ChannelSender {

    private static final int TEXT_LIMIT = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TelegramApi api;
    private final TenantRegistry tenants;

    public TelegramSender(@ConfigProperty(name = "otklik.telegram.api-url") String apiUrl,
                          @ConfigProperty(name = "otklik.outbound.timeout") Duration timeout,
                          TenantRegistry tenants) {
        this.api = RestClients.build(TelegramApi.class, apiUrl, timeout);
        this.tenants = tenants;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public Uni<Delivery> send(Tenant tenant, ReplyRequested reply) {
        Tenant.Telegram bot = tenant.channels().telegram();
        String token = bot == null ? null : tenants.secret(bot.botTokenEnv()).orElse(null);
        if (token == null) {
            return Uni.createFrom().item(Delivery.failed("not_configured",
                    "tenant " + tenant.id() + " has no Telegram bot token", false));
        }
        long chatId;
        try {
            chatId = Long.parseLong(reply.recipient().channelUserId());
        } catch (NumberFormatException e) {
            return Uni.createFrom().item(Delivery.failed("bad_recipient", "a Telegram chat id is a number", false));
        }
        Uni<Delivery> chain = Uni.createFrom().item(Delivery.sent(null));
        for (String text : TextChunks.split(reply.text(), TEXT_LIMIT)) {
            chain = chain.chain(previous -> previous.sent()
                    ? sendOne(token, Map.of("chat_id", chatId, "text", text))
                    : Uni.createFrom().item(previous));
        }
        return chain;
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

    private static Delivery botError(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String description = "HTTP " + status;
        try {
            JsonNode body = JSON.readTree(e.getResponse().readEntity(String.class));
            description = body.path("description").asText(description);
        } catch (Exception ignored) {
            // keep the HTTP status
        }
        return Delivery.failed(Integer.toString(status), description, status == 429 || status >= 500);
    }
}
