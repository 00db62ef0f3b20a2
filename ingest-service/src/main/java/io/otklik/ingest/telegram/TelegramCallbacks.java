package io.otklik.ingest.telegram;

import io.otklik.ingest.outbound.OutboundSettings;
import io.otklik.ingest.outbound.RestClients;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Answers an inline-button press ({@code answerCallbackQuery}) once it is stored, so the client's button stops
 * spinning. Fire and forget: the webhook's 200 never waits for it, and a failure is only logged (the press is
 * stored and published already; Telegram drops the spinner by itself after a while).
 */
@ApplicationScoped
public class TelegramCallbacks {

    private static final Logger LOG = Logger.getLogger(TelegramCallbacks.class);

    private final TelegramApi api;
    private final TenantRegistry tenants;

    public TelegramCallbacks(@ConfigProperty(name = "otklik.telegram.api-url") String apiUrl,
                             OutboundSettings settings, TenantRegistry tenants) {
        this.api = RestClients.build(TelegramApi.class, apiUrl, settings.timeout());
        this.tenants = tenants;
    }

    /** The failure without its message: a client exception's text may carry the URL, and the URL the bot token. */
    static String what(Throwable e) {
        return e instanceof WebApplicationException w ? "HTTP " + w.getResponse().getStatus()
                : e.getClass().getSimpleName();
    }

    /** Starts the call and returns at once. */
    public void answer(Tenant tenant, String callbackQueryId, long updateId) {
        answer(tenant, callbackQueryId, updateId, null);
    }

    /** Like {@link #answer(Tenant, String, long)}, with a short notice Telegram shows the presser (Russian). */
    public void answer(Tenant tenant, String callbackQueryId, long updateId, String text) {
        Tenant.Telegram bot = tenant.channels().telegram();
        String token = bot == null ? null : tenants.secret(bot.botTokenEnv()).orElse(null);
        if (token == null || callbackQueryId == null) {
            return;
        }
        api.answerCallbackQuery(token, text == null ? Map.of("callback_query_id", callbackQueryId)
                        : Map.of("callback_query_id", callbackQueryId, "text", text))
                .subscribe().with(
                        ok -> LOG.debugf("tenant=%s update=%d callback query answered", tenant.id(), updateId),
                        e -> LOG.warnf("tenant=%s update=%d answerCallbackQuery failed (the press is stored): %s",
                                tenant.id(), updateId, what(e)));
    }
}
