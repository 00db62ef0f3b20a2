package io.otklik.ingest.sandbox;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.DraftReviewed;
import io.otklik.events.data.ReplyDrafted;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplyRequested;
import io.otklik.ingest.api.ConversationLinks;
import io.otklik.ingest.outbound.Job;
import io.otklik.ingest.outbound.OutboundService;
import io.otklik.ingest.outbound.Route;
import io.otklik.ingest.telegram.TelegramCallbacks;
import io.otklik.ingest.telegram.TelegramUpdate;
import io.otklik.platform.outbox.Outbox;
import io.otklik.platform.outbox.OutboxRelay;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sandbox drafts in Telegram. {@code reply_drafted} becomes a message to the reviewer through the tenant's bot with
 * «Отправить» / «Отклонить» buttons, stored like a handoff message (outbound_message kind STAFF_HANDOFF, no
 * reply_sent / reply_failed) under a reply id derived from the draft id, so a draft reaches its reviewer once. A
 * press of such a button in a staff member's chat becomes {@code draft_reviewed} (never a client's
 * message_received); from any other chat it is ignored.
 */
@ApplicationScoped
public class DraftReviewService {

    private static final Logger LOG = Logger.getLogger(DraftReviewService.class);

    private final TenantRegistry tenants;
    private final ConversationLinks links;
    private final OutboundService outbound;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final TelegramCallbacks callbacks;
    private final Clock clock;

    public DraftReviewService(TenantRegistry tenants, ConversationLinks links, OutboundService outbound, Outbox outbox,
                              OutboxRelay relay, TelegramCallbacks callbacks, Clock clock) {
        this.tenants = tenants;
        this.links = links;
        this.outbound = outbound;
        this.outbox = outbox;
        this.relay = relay;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /** The reply id of the reviewer's message about one draft. */
    public static UUID replyId(UUID draftId) {
        return UUID.nameUUIDFromBytes(("reply_drafted:" + draftId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Inside the consuming transaction: stores the reviewer's message; the job to send after the commit, or null
     * when there is nothing to send (stored before, or stored FAILED because there is no bot or chat).
     */
    public Uni<Job> reserve(EventEnvelope<ReplyDrafted> event) {
        ReplyDrafted d = event.data();
        if (d == null || d.draftId() == null || d.conversationId() == null) {
            throw new io.otklik.events.InvalidEventException("reply_drafted without draftId or conversationId");
        }
        Tenant tenant = tenants.byId(event.tenantId()).orElse(null);
        Tenant.Telegram bot = tenant == null ? null : tenant.channels().telegram();
        String chatId = d.telegramChatId() != null && !d.telegramChatId().isBlank() ? d.telegramChatId()
                : tenant == null || d.staffId() == null ? null
                : tenant.staffMember(d.staffId()).map(Tenant.Staff::telegramChatId).orElse(null);
        String link = tenant == null ? null : links.link(tenant, d.conversationId()).orElse(null);
        ReplyRequested message = new ReplyRequested(replyId(d.draftId()), d.conversationId(), Channel.TELEGRAM,
                bot == null ? "-" : bot.botAlias(), new Contact(chatId == null ? "-" : chatId, null, null),
                DraftMessage.text(d, link), ReplyKind.HANDOFF_NOTICE, null, null, null,
                DraftMessage.buttons(d.draftId()));
        String code = tenant == null ? "unknown_tenant" : bot == null ? "no_bot"
                : chatId == null || chatId.isBlank() ? "no_chat" : null;
        String reason = switch (code == null ? "" : code) {
            case "unknown_tenant" -> "no tenant " + event.tenantId();
            case "no_bot" -> "tenant " + event.tenantId() + " has no Telegram bot to reach staff through";
            case "no_chat" -> "no Telegram chat id for staff member " + d.staffId()
                    + " (neither in the event nor in tenants.yaml)";
            default -> null;
        };
        return outbound.insert(event.tenantId(), message, OutboundService.STAFF_HANDOFF,
                        code == null ? "SENDING" : "FAILED", code, reason)
                .map(inserted -> {
                    if (!inserted) {
                        LOG.infof("tenant=%s conversation=%s draft=%s already sent for review", event.tenantId(),
                                d.conversationId(), d.draftId());
                        return null;
                    }
                    if (code != null) {
                        LOG.warnf("tenant=%s conversation=%s draft=%s not sent to staff=%s for review: %s",
                                event.tenantId(), d.conversationId(), d.draftId(), d.staffId(), reason);
                        return null;
                    }
                    LOG.infof("tenant=%s conversation=%s draft=%s goes to staff=%s for review", event.tenantId(),
                            d.conversationId(), d.draftId(), d.staffId());
                    return new Job(event.tenantId(), message, true, 1, 0, clock.instant(), Route.TEXT);
                });
    }

    public Uni<Void> deliver(Job job) {
        return outbound.attempt(job);
    }

    /**
     * A press of a draft button ({@link DraftMessage#PREFIX}) in the tenant's bot: from a staff member's chat it is
     * announced as {@code draft_reviewed} and answered; otherwise ignored. Never a client's message.
     *
     * @return the webhook's answer
     */
    public Uni<Map<String, Object>> press(Tenant tenant, TelegramUpdate.Message message) {
        String chat = Long.toString(message.chatId());
        Optional<DraftMessage.Press> press = DraftMessage.press(message.buttonId());
        Optional<Tenant.Staff> staff = tenant.staff().stream().filter(s -> chat.equals(s.telegramChatId()))
                .findFirst();
        if (press.isEmpty() || staff.isEmpty()) {
            LOG.warnf("tenant=%s update=%d: a draft button %s, ignored", tenant.id(), message.updateId(),
                    press.isEmpty() ? "with unreadable data" : "pressed in a chat that is no staff member's");
            return Uni.createFrom().item(ignored());
        }
        DraftMessage.Press p = press.get();
        Instant at = clock.instant();
        DraftReviewed.Decision decision = p.approve() ? DraftReviewed.Decision.APPROVED
                : DraftReviewed.Decision.REJECTED;
        return Panache.withTransaction(() -> conversationOf(tenant.id(), p.draftId())
                        .chain(conversation -> outbox.publish(EventTypes.DRAFT_REVIEWED, tenant.id(),
                                conversation != null ? conversation : p.draftId().toString(),
                                conversation != null ? conversation : p.draftId().toString(),
                                new DraftReviewed(p.draftId(), decision, staff.get().id(), at, conversation))))
                .invoke(event -> {
                    relay.wakeUp();
                    LOG.infof("tenant=%s conversation=%s draft=%s %s by staff=%s in Telegram", tenant.id(),
                            event.data().conversationId(), p.draftId(), decision, staff.get().id());
                    callbacks.answer(tenant, message.callbackQueryId(), message.updateId(),
                            p.approve() ? "Ответ отправляется клиенту" : "Черновик отклонён: ответьте клиенту сами");
                })
                .map(event -> Map.<String, Object>of("accepted", 0, "duplicates", 0, "ignored", 0, "reviewed", 1));
    }

    /** The conversation of a draft this service sent for review, or null when it sent none with that id. */
    private Uni<String> conversationOf(String tenantId, UUID draftId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select conversation_id from outbound_message where reply_id = :id and tenant_id = :tenant""",
                        String.class)
                .setParameter("id", replyId(draftId))
                .setParameter("tenant", tenantId)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : rows.get(0)));
    }

    private static Map<String, Object> ignored() {
        return Map.of("accepted", 0, "duplicates", 0, "ignored", 1);
    }
}
