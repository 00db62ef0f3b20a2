package io.otklik.ingest.handoff;

import io.otklik.events.EventEnvelope;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.HandoffRequested;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplyRequested;
import io.otklik.ingest.api.ConversationLinks;
import io.otklik.ingest.outbound.Job;
import io.otklik.ingest.outbound.OutboundService;
import io.otklik.ingest.outbound.Route;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Tells the staff member a conversation is handed to them: a short message to their Telegram chat (the event's,
 * else the tenant's staff entry) through the tenant's bot. Stored in outbound_message as STAFF_HANDOFF under a
 * reply id derived from the event id, so a redelivered event sends nothing twice; it is not a reply to the client,
 * so no reply_sent / reply_failed: failures are logged and kept in the row.
 */
@ApplicationScoped
public class HandoffService {

    private static final Logger LOG = Logger.getLogger(HandoffService.class);

    private final TenantRegistry tenants;
    private final ConversationLinks links;
    private final OutboundService outbound;
    private final Clock clock;

    public HandoffService(TenantRegistry tenants, ConversationLinks links, OutboundService outbound, Clock clock) {
        this.tenants = tenants;
        this.links = links;
        this.outbound = outbound;
        this.clock = clock;
    }

    /** The reply id of the staff message of one handoff event. */
    public static UUID replyId(UUID eventId) {
        return UUID.nameUUIDFromBytes(("handoff_requested:" + eventId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Inside the consuming transaction: stores the staff message; the job to send after the commit, or null when
     * there is nothing to send (stored before, or stored FAILED because there is no bot or chat).
     */
    public Uni<Job> reserve(EventEnvelope<HandoffRequested> event) {
        HandoffRequested h = event.data();
        Tenant tenant = tenants.byId(event.tenantId()).orElse(null);
        Tenant.Telegram bot = tenant == null ? null : tenant.channels().telegram();
        String chatId = h.telegramChatId() != null && !h.telegramChatId().isBlank() ? h.telegramChatId()
                : tenant == null || h.staffId() == null ? null
                : tenant.staffMember(h.staffId()).map(Tenant.Staff::telegramChatId).orElse(null);
        String link = tenant == null ? null : links.link(tenant, h.conversationId()).orElse(null);
        ReplyRequested message = new ReplyRequested(replyId(event.id()), h.conversationId(), Channel.TELEGRAM,
                bot == null ? "-" : bot.botAlias(), new Contact(chatId == null ? "-" : chatId, null, null),
                HandoffMessage.text(h, link), ReplyKind.HANDOFF_NOTICE, null, null, null);
        String code = tenant == null ? "unknown_tenant" : bot == null ? "no_bot"
                : chatId == null || chatId.isBlank() ? "no_chat" : null;
        String reason = switch (code == null ? "" : code) {
            case "unknown_tenant" -> "no tenant " + event.tenantId();
            case "no_bot" -> "tenant " + event.tenantId() + " has no Telegram bot to reach staff through";
            case "no_chat" -> "no Telegram chat id for staff member " + h.staffId()
                    + " (neither in the event nor in tenants.yaml)";
            default -> null;
        };
        return outbound.insert(event.tenantId(), message, OutboundService.STAFF_HANDOFF,
                        code == null ? "SENDING" : "FAILED", code, reason)
                .map(inserted -> {
                    if (!inserted) {
                        LOG.infof("tenant=%s conversation=%s handoff %s already handled", event.tenantId(),
                                h.conversationId(), event.id());
                        return null;
                    }
                    if (code != null) {
                        LOG.warnf("tenant=%s conversation=%s handoff to staff=%s not sent: %s", event.tenantId(),
                                h.conversationId(), h.staffId(), reason);
                        return null;
                    }
                    return new Job(event.tenantId(), message, true, 1, 0, clock.instant(), Route.TEXT);
                });
    }

    public Uni<Void> deliver(Job job) {
        return outbound.attempt(job);
    }
}
