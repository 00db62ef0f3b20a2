package io.otklik.ingest.telegram;

import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.ingest.inbound.Inbound;
import io.otklik.ingest.inbound.InboundService;
import io.otklik.ingest.inbound.Phones;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.otklik.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/** Telegram Bot API webhooks, one URL per bot; the secret token header authenticates Telegram. */
@Path("/webhooks/telegram/{botAlias}")
public class TelegramWebhookResource {

    private final TenantRegistry tenants;
    private final InboundService inbound;

    public TelegramWebhookResource(TenantRegistry tenants, InboundService inbound) {
        this.tenants = tenants;
        this.inbound = inbound;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> receive(@PathParam("botAlias") String botAlias,
                                            @HeaderParam("X-Telegram-Bot-Api-Secret-Token") String secretToken,
                                            byte[] body) {
        Tenant tenant = tenants.byTelegramBot(botAlias)
                .orElseThrow(() -> ProblemException.notFound("no tenant has the Telegram bot '" + botAlias + "'"));
        String expected = tenants.secret(tenant.channels().telegram().secretTokenEnv()).orElse(null);
        if (expected == null || secretToken == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), secretToken.getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.unauthorized("X-Telegram-Bot-Api-Secret-Token is missing or wrong");
        }
        TelegramUpdate.Message message;
        try {
            message = TelegramUpdate.parse(body == null ? new byte[0] : body);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage(), "body");
        }
        if (message == null || message.text().isBlank()) {
            return Uni.createFrom().item(Map.of("accepted", 0, "ignored", 1));
        }
        Contact contact = new Contact(Long.toString(message.chatId()), message.name(),
                Phones.e164(message.phone()).orElse(null));
        Inbound in = new Inbound(tenant.id(), Channel.TELEGRAM, botAlias, Long.toString(message.updateId()), contact,
                message.text(), message.date(), null);
        return inbound.accept(List.of(in)).map(accepted -> Map.of(
                "accepted", accepted.get(0).duplicate() ? 0 : 1,
                "duplicates", accepted.get(0).duplicate() ? 1 : 0));
    }
}
