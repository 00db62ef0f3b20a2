package io.otklik.ingest.telegram;

import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.ingest.inbound.Accepted;
import io.otklik.ingest.inbound.Inbound;
import io.otklik.ingest.inbound.InboundService;
import io.otklik.ingest.inbound.RawWebhook;
import io.otklik.ingest.sandbox.DraftMessage;
import io.otklik.ingest.sandbox.DraftReviewService;
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

/**
 * Telegram Bot API webhooks, one URL per tenant's bot: {@code /webhooks/telegram/{tenantId}} (set as the bot's
 * webhook URL), or the bot alias for setups registered before. The secret token header authenticates Telegram; the
 * bot alias stays the channel account id either way, so conversations do not change with the URL.
 */
@Path("/webhooks/telegram/{tenantOrBot}")
public class TelegramWebhookResource {

    private final TenantRegistry tenants;
    private final InboundService inbound;
    private final TelegramCallbacks callbacks;
    private final DraftReviewService drafts;

    public TelegramWebhookResource(TenantRegistry tenants, InboundService inbound, TelegramCallbacks callbacks,
                                   DraftReviewService drafts) {
        this.tenants = tenants;
        this.inbound = inbound;
        this.callbacks = callbacks;
        this.drafts = drafts;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> receive(@PathParam("tenantOrBot") String tenantOrBot,
                                            @HeaderParam("X-Telegram-Bot-Api-Secret-Token") String secretToken,
                                            byte[] body) {
        Tenant tenant = tenants.byId(tenantOrBot).filter(t -> t.channels().telegram() != null)
                .or(() -> tenants.byTelegramBot(tenantOrBot))
                .orElseThrow(() -> ProblemException.notFound("no tenant has the Telegram bot '" + tenantOrBot + "'"));
        Tenant.Telegram bot = tenant.channels().telegram();
        String expected = tenants.secret(bot.secretTokenEnv()).orElse(null);
        if (expected == null || secretToken == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), secretToken.getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.unauthorized("X-Telegram-Bot-Api-Secret-Token is missing or wrong");
        }
        byte[] raw = body == null ? new byte[0] : body;
        TelegramUpdate.Message message;
        try {
            message = TelegramUpdate.parse(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage(), "body");
        }
        if (message == null) {
            return Uni.createFrom().item(Map.of("accepted", 0, "duplicates", 0, "ignored", 1));
        }
        if (message.callbackQueryId() != null && message.buttonId() != null
                && message.buttonId().startsWith(DraftMessage.PREFIX)) {
            // a sandbox draft's «Отправить» / «Отклонить»: staff deciding, never a client's message
            return drafts.press(tenant, message);
        }
        Contact contact = new Contact(Long.toString(message.chatId()), message.name(), message.phone());
        Inbound in = new Inbound(tenant.id(), Channel.TELEGRAM, bot.botAlias(), Long.toString(message.updateId()),
                contact, message.text(), message.date(), message.utm(), message.messageType(), message.attachments(),
                message.source(), message.buttonId());
        return inbound.accept(new RawWebhook(Channel.TELEGRAM, raw), List.of(in))
                .invoke(accepted -> {
                    // a press stored now (not a retried update_id) is answered once, after the commit
                    if (message.callbackQueryId() != null && accepted.stream().anyMatch(a -> !a.duplicate())) {
                        callbacks.answer(tenant, message.callbackQueryId(), message.updateId());
                    }
                })
                .map(accepted -> Map.of(
                "accepted", accepted.stream().filter(a -> !a.duplicate()).count(),
                "duplicates", accepted.stream().filter(Accepted::duplicate).count(),
                "ignored", 0));
    }
}
