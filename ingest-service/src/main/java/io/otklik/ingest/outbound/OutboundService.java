package io.otklik.ingest.outbound;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Channel;
import io.otklik.events.data.ReplyFailed;
import io.otklik.events.data.ReplyRequested;
import io.otklik.events.data.ReplySent;
import io.otklik.ingest.whatsapp.WhatsAppWebhook;
import io.otklik.platform.db.Rows;
import io.otklik.platform.outbox.Outbox;
import io.otklik.platform.outbox.OutboxRelay;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Delivers what services ask to send. Each replyId is reserved in the database before the channel is called, so a
 * redelivered request never sends twice (at most once: a crash mid-send leaves the row SENDING for an operator).
 * The outcome is recorded and announced as {@code reply_sent} or {@code reply_failed}.
 */
@ApplicationScoped
public class OutboundService {

    private static final Logger LOG = Logger.getLogger(OutboundService.class);

    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final TenantRegistry tenants;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    public OutboundService(Instance<ChannelSender> senders, TenantRegistry tenants, Outbox outbox, OutboxRelay relay,
                           Clock clock) {
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.tenants = tenants;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    /** Inside the consuming transaction: true when this replyId was not reserved before. */
    public Uni<Boolean> reserve(EventEnvelope<ReplyRequested> event) {
        ReplyRequested r = event.data();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into outbound_message (reply_id, tenant_id, channel, channel_account_id, conversation_id,
                            kind, in_reply_to, text, status, requested_at)
                        values (:id, :tenant, :channel, :account, :conversation, :kind, :inReplyTo, :text, 'SENDING',
                            :at)
                        on conflict (reply_id) do nothing""")
                .setParameter("id", r.replyId())
                .setParameter("tenant", event.tenantId())
                .setParameter("channel", r.channel().name())
                .setParameter("account", r.channelAccountId())
                .setParameter("conversation", r.conversationId())
                .setParameter("kind", r.kind().name())
                .setParameter("inReplyTo", r.inReplyTo())
                .setParameter("text", r.text())
                .setParameter("at", clock.instant())
                .executeUpdate()
                .map(inserted -> {
                    if (inserted == 0) {
                        LOG.infof("tenant=%s conversation=%s reply=%s already reserved, not sent again",
                                event.tenantId(), r.conversationId(), r.replyId());
                    }
                    return inserted == 1;
                }));
    }

    /** After the reservation committed: calls the channel, records the outcome and emits its event. */
    public Uni<Void> deliver(EventEnvelope<ReplyRequested> event) {
        ReplyRequested r = event.data();
        ChannelSender sender = senders.get(r.channel());
        Tenant tenant = tenants.byId(event.tenantId()).orElse(null);
        Uni<Delivery> delivery;
        if (tenant == null) {
            delivery = Uni.createFrom().item(Delivery.failed("unknown_tenant", "no tenant " + event.tenantId(), false));
        } else if (sender == null) {
            delivery = Uni.createFrom().item(Delivery.failed("unsupported_channel",
                    "no sender for channel " + r.channel(), false));
        } else {
            delivery = sender.send(tenant, r);
        }
        return delivery.chain(d -> Panache.withTransaction(() -> record(event, d))).invoke(relay::wakeUp);
    }

    private Uni<Void> record(EventEnvelope<ReplyRequested> event, Delivery d) {
        ReplyRequested r = event.data();
        Instant now = clock.instant();
        Uni<Integer> update = Panache.getSession().chain(session -> session.createNativeQuery("""
                        update outbound_message set status = :status, external_message_id = :external,
                            error_code = :code, error_reason = :reason, sent_at = :sentAt, status_at = :now
                        where reply_id = :id""")
                .setParameter("status", d.sent() ? "SENT" : "FAILED")
                .setParameter("external", d.externalMessageId())
                .setParameter("code", d.errorCode())
                .setParameter("reason", d.reason())
                .setParameter("sentAt", d.sent() ? now : null)
                .setParameter("now", now)
                .setParameter("id", r.replyId())
                .executeUpdate());
        if (d.sent()) {
            LOG.infof("tenant=%s conversation=%s reply=%s sent on %s", event.tenantId(), r.conversationId(),
                    r.replyId(), r.channel());
            return update.chain(() -> outbox.publish(EventTypes.REPLY_SENT, event.tenantId(), r.conversationId(),
                    r.conversationId(), new ReplySent(r.replyId(), r.conversationId(), r.channel(),
                            d.externalMessageId(), r.kind(), r.inReplyTo(), r.inboundReceivedAt(), now)))
                    .replaceWithVoid();
        }
        LOG.warnf("tenant=%s conversation=%s reply=%s failed on %s: %s %s", event.tenantId(), r.conversationId(),
                r.replyId(), r.channel(), d.errorCode(), io.otklik.ingest.api.Masking.text(d.reason()));
        return update.chain(() -> outbox.publish(EventTypes.REPLY_FAILED, event.tenantId(), r.conversationId(),
                r.conversationId(), new ReplyFailed(r.replyId(), r.conversationId(), r.channel(), r.kind(),
                        d.errorCode(), d.reason(), d.retryable(), now)))
                .replaceWithVoid();
    }

    /** Applies WhatsApp delivery statuses to our outbound messages (later statuses never move one back). */
    public Uni<Void> recordStatuses(List<WhatsAppWebhook.Status> statuses) {
        if (statuses.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> Multi.createFrom()
                .iterable(statuses)
                .onItem().transformToUniAndConcatenate(s -> session.createNativeQuery("""
                                update outbound_message set status = :status, error_code = coalesce(:code, error_code),
                                    error_reason = coalesce(:reason, error_reason), status_at = :at
                                where external_message_id = :wamid and channel = 'WHATSAPP'
                                  and (status_at is null or status_at <= :at)""")
                        .setParameter("status", s.status().toUpperCase(java.util.Locale.ROOT))
                        .setParameter("code", s.errorCode())
                        .setParameter("reason", s.errorTitle())
                        .setParameter("at", s.timestamp() == null ? clock.instant() : s.timestamp())
                        .setParameter("wamid", s.wamid())
                        .executeUpdate())
                .collect().asList()))
                .replaceWithVoid();
    }

    /** A bot reply shown on the site's page. */
    @RegisterForReflection
    public record WebReply(UUID replyId, String text, Instant sentAt) {
    }

    public Uni<List<WebReply>> webReplies(String tenantId, UUID messageId) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        select reply_id, text, sent_at from outbound_message
                        where tenant_id = :tenant and in_reply_to = :message and channel = 'WEB_FORM'
                          and status = 'SENT'
                        order by sent_at""", Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("message", messageId)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new WebReply(Rows.uuid(row[0]), Rows.text(row[1]),
                        Rows.instant(row[2]))).toList())));
    }
}
