package io.otklik.ingest.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventJson;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Channel;
import io.otklik.events.data.ReplyFailed;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplyRequested;
import io.otklik.events.data.ReplySent;
import io.otklik.ingest.api.Masking;
import io.otklik.ingest.sms.SmsSender;
import io.otklik.ingest.whatsapp.WhatsAppSender;
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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Delivers what services ask to send. Each replyId is reserved in the database (status SENDING) before the channel
 * is called, so a redelivered request never sends twice. The route is chosen against WhatsApp's and Instagram's
 * 24 h window (text, template or SMS); the outcome is recorded and announced as {@code reply_sent} or
 * {@code reply_failed}, or, when the channel may accept it later, the row waits as RETRY for
 * {@link OutboundRetries}.
 */
@ApplicationScoped
public class OutboundService {

    /** outbound_message.kind of a handoff message to staff (not a reply to the client: no events). */
    public static final String STAFF_HANDOFF = "STAFF_HANDOFF";

    private static final Logger LOG = Logger.getLogger(OutboundService.class);

    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final SmsSender sms;
    private final TenantRegistry tenants;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;
    private final OutboundSettings settings;
    private final Backoff backoff;

    public OutboundService(Instance<ChannelSender> senders, SmsSender sms, TenantRegistry tenants, Outbox outbox,
                           OutboxRelay relay, Clock clock, OutboundSettings settings) {
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.sms = sms;
        this.tenants = tenants;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
        this.settings = settings;
        this.backoff = new Backoff(settings.retry().initialBackoff(), settings.retry().maxBackoff());
    }

    /** Inside the consuming transaction: true when this replyId was not reserved before. */
    public Uni<Boolean> reserve(EventEnvelope<ReplyRequested> event) {
        ReplyRequested r = event.data();
        return insert(event.tenantId(), r, r.kind().name(), "SENDING", null, null).map(inserted -> {
            if (!inserted) {
                LOG.infof("tenant=%s conversation=%s reply=%s already reserved, not sent again",
                        event.tenantId(), r.conversationId(), r.replyId());
            }
            return inserted;
        });
    }

    /**
     * Inside the caller's transaction: stores a message under its replyId unless it exists; a message that cannot
     * be sent at all is stored FAILED with the reason right away.
     */
    public Uni<Boolean> insert(String tenantId, ReplyRequested r, String kind, String status, String errorCode,
                               String reason) {
        Instant now = clock.instant();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into outbound_message (reply_id, tenant_id, channel, channel_account_id, conversation_id,
                            kind, in_reply_to, text, status, requested_at, request, attempts, sending_since,
                            error_code, error_reason, status_at)
                        values (:id, :tenant, :channel, :account, :conversation, :kind, :inReplyTo, :text, :status,
                            :at, :request, 1, :sendingSince, :code, :reason, :statusAt)
                        on conflict (reply_id) do nothing""")
                .setParameter("id", r.replyId())
                .setParameter("tenant", tenantId)
                .setParameter("channel", r.channel().name())
                .setParameter("account", r.channelAccountId() == null ? "-" : r.channelAccountId())
                .setParameter("conversation", r.conversationId())
                .setParameter("kind", kind)
                .setParameter("inReplyTo", r.inReplyTo())
                .setParameter("text", r.text())
                .setParameter("status", status)
                .setParameter("at", now)
                .setParameter("request", json(r))
                .setParameter("sendingSince", "SENDING".equals(status) ? now : null)
                .setParameter("code", errorCode)
                .setParameter("reason", reason)
                .setParameter("statusAt", "SENDING".equals(status) ? null : now)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    /** After the reservation committed: calls the channel, records the outcome and emits its event. */
    public Uni<Void> deliver(EventEnvelope<ReplyRequested> event) {
        return attempt(new Job(event.tenantId(), event.data(), false, 1, 0, clock.instant(), null));
    }

    /** One attempt of a reserved message (first send or retry): route, send, record. */
    public Uni<Void> attempt(Job job) {
        ReplyRequested r = job.reply();
        Tenant tenant = tenants.byId(job.tenantId()).orElse(null);
        if (tenant == null) {
            return finish(job, null, Delivery.failed("unknown_tenant", "no tenant " + job.tenantId(), false));
        }
        return plan(tenant, job).chain(plan -> {
            if (!plan.possible()) {
                return finish(job, null, Delivery.failed(plan.errorCode(), plan.reason(), false));
            }
            return send(tenant, job, plan, job.partsSent()).chain(d -> {
                if (d.sent() || plan.route() != Route.TEXT || !ReplyRoutes.windowClosedError(r.channel(),
                        d.errorCode())) {
                    return finish(job, plan.route(), d);
                }
                // the channel says the window is closed although our inbound log says open: fall back like outside
                ReplyRoutes.Plan fallback = ReplyRoutes.outsideWindow(tenant, r, settings.templateTextLimit());
                if (!fallback.possible()) {
                    return finish(job, plan.route(), Delivery.failed(d.errorCode(), d.reason()
                            + ": outside the 24 h window, and no fallback (" + fallback.errorCode() + ")", false));
                }
                LOG.infof("tenant=%s conversation=%s reply=%s: %s answered %s (window closed), falling back to %s",
                        job.tenantId(), r.conversationId(), r.replyId(), r.channel(), d.errorCode(), fallback.route());
                // the abandoned text's pieces are not the reply's any more: only the fallback's ids are recorded
                return send(tenant, job, fallback, 0).chain(again -> finish(job, fallback.route(), again));
            });
        });
    }

    private Uni<ReplyRoutes.Plan> plan(Tenant tenant, Job job) {
        ReplyRequested r = job.reply();
        if (job.route() != null) {
            return Uni.createFrom().item(ReplyRoutes.Plan.of(job.route(), job.route() == Route.TEMPLATE
                    ? ReplyRoutes.template(tenant, r, settings.templateTextLimit()) : null));
        }
        if (!ReplyRoutes.hasWindow(r.channel())) {
            return Uni.createFrom().item(ReplyRoutes.Plan.of(Route.TEXT, null));
        }
        return lastInbound(job.tenantId(), r.conversationId()).map(last -> ReplyRoutes.plan(tenant, r,
                ReplyRoutes.windowOpen(last, clock.instant(), settings.window().length(),
                        settings.window().safetyMargin()), settings.templateTextLimit()));
    }

    /** When the client last wrote in this conversation (the channel's timestamp, or ours if earlier). */
    private Uni<Instant> lastInbound(String tenantId, String conversationId) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        select least(sent_at, received_at) from inbound_message
                        where tenant_id = :tenant and conversation_id = :conversation
                        order by received_at desc limit 1""", Object.class)
                .setParameter("tenant", tenantId)
                .setParameter("conversation", conversationId)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : Rows.instant(rows.get(0)))));
    }

    private Uni<Delivery> send(Tenant tenant, Job job, ReplyRoutes.Plan plan, int skipParts) {
        if (plan.route() == Route.SMS) {
            return sms.send(tenant, job.reply());
        }
        ChannelSender sender = senders.get(job.reply().channel());
        if (sender == null) {
            return Uni.createFrom().item(Delivery.failed("unsupported_channel",
                    "no sender for channel " + job.reply().channel(), false));
        }
        return sender.send(tenant, new SendRequest(job.reply(), plan.route(), plan.template(), skipParts));
    }

    /**
     * Records the attempt's outcome: SENT, RETRY (later attempt due) or FAILED, with its event. The ids of the
     * pieces delivered are kept (outbound_part); the row's external id is the reply's first piece, set once.
     */
    private Uni<Void> finish(Job job, Route route, Delivery d) {
        ReplyRequested r = job.reply();
        Instant now = clock.instant();
        OutboundSettings.Retry retry = settings.retry();
        boolean again = !d.sent() && d.retryable() && job.attempts() < retry.maxAttempts()
                && now.isBefore(job.requestedAt().plus(retry.maxAge()));
        String status = d.sent() ? "SENT" : again ? "RETRY" : "FAILED";
        String reason = !d.sent() && !again && d.retryable()
                ? "gave up after " + job.attempts() + " attempt(s): " + d.reason() : d.reason();
        Instant next = again ? now.plus(backoff.next(job.attempts(), d, ThreadLocalRandom.current().nextDouble()))
                : null;
        // a fallback on a retry replaced the pieces earlier attempts delivered on the abandoned route
        boolean restarted = job.route() != null && route != null && route != job.route();
        int firstPart = restarted ? 0 : job.partsSent();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> forgetParts(session, r, restarted)
                        .chain(() -> session.createNativeQuery("""
                                update outbound_message set status = :status, route = coalesce(:route, route),
                                    external_message_id = case when :restarted then :external
                                        else coalesce(external_message_id, :external) end,
                                    error_code = :code, error_reason = :reason,
                                    sent_at = :sentAt, status_at = :now, parts_sent = :parts,
                                    next_attempt_at = :next, sending_since = null
                                where reply_id = :id and status = 'SENDING'
                                returning external_message_id""", Object.class)
                        .setParameter("status", status)
                        .setParameter("route", route == null ? null : route.name())
                        .setParameter("restarted", restarted)
                        .setParameter("external", d.externalMessageId())
                        .setParameter("code", d.errorCode())
                        .setParameter("reason", reason)
                        .setParameter("sentAt", d.sent() ? now : null)
                        .setParameter("now", now)
                        .setParameter("parts", d.partsSent())
                        .setParameter("next", next)
                        .setParameter("id", r.replyId())
                        .getResultList())
                .chain(updated -> {
                    if (updated.isEmpty()) {
                        LOG.warnf("tenant=%s conversation=%s reply=%s was no longer SENDING (swept as"
                                + " interrupted?); outcome %s not recorded", job.tenantId(), r.conversationId(),
                                r.replyId(), status);
                        return Uni.createFrom().voidItem();
                    }
                    String first = Rows.text(updated.get(0));
                    return recordParts(session, r.replyId(), firstPart, d.externalMessageIds())
                            .chain(() -> announce(job, route, d, first, status, reason, next, now));
                })))
                .invoke(relay::wakeUp);
    }

    private static Uni<Void> forgetParts(Mutiny.Session session, ReplyRequested r, boolean restarted) {
        if (!restarted) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("delete from outbound_part where reply_id = :id")
                .setParameter("id", r.replyId())
                .executeUpdate()
                .replaceWithVoid();
    }

    /** Keeps the channel's id of each piece delivered in this attempt, numbered from {@code firstPart}. */
    private static Uni<Void> recordParts(Mutiny.Session session, UUID replyId, int firstPart, List<String> ids) {
        return Multi.createFrom().range(0, ids.size())
                .onItem().transformToUniAndConcatenate(i -> session.createNativeQuery("""
                                insert into outbound_part (reply_id, part, external_message_id)
                                values (:id, :part, :external) on conflict do nothing""")
                        .setParameter("id", replyId)
                        .setParameter("part", firstPart + i)
                        .setParameter("external", ids.get(i))
                        .executeUpdate())
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Void> announce(Job job, Route route, Delivery d, String firstId, String status, String reason,
                               Instant next, Instant now) {
        ReplyRequested r = job.reply();
        String what = job.staff() ? "staff message" : "reply";
        switch (status) {
            case "SENT" -> {
                LOG.infof("tenant=%s conversation=%s %s=%s sent on %s as %s", job.tenantId(), r.conversationId(),
                        what, r.replyId(), r.channel(), route);
                return job.staff() ? Uni.createFrom().voidItem()
                        : outbox.publish(EventTypes.REPLY_SENT, job.tenantId(), r.conversationId(),
                        r.conversationId(), new ReplySent(r.replyId(), r.conversationId(), r.channel(),
                                firstId != null ? firstId : d.externalMessageId(), r.kind(), r.inReplyTo(),
                                r.inboundReceivedAt(), now))
                        .replaceWithVoid();
            }
            case "RETRY" -> {
                LOG.infof("tenant=%s conversation=%s %s=%s attempt %d on %s failed (%s %s), next at %s",
                        job.tenantId(), r.conversationId(), what, r.replyId(), job.attempts(), r.channel(),
                        d.errorCode(), Masking.text(d.reason()), next);
                return Uni.createFrom().voidItem();
            }
            default -> {
                LOG.warnf("tenant=%s conversation=%s %s=%s failed on %s: %s %s", job.tenantId(),
                        r.conversationId(), what, r.replyId(), r.channel(), d.errorCode(), Masking.text(reason));
                return job.staff() ? Uni.createFrom().voidItem()
                        : failed(job.tenantId(), r.replyId(), r.conversationId(), r.channel(), r.kind(),
                        d.errorCode(), reason, d.retryable(), now);
            }
        }
    }

    /** Publishes reply_failed; inside the caller's transaction. */
    Uni<Void> failed(String tenantId, UUID replyId, String conversationId, Channel channel, ReplyKind kind,
                     String code, String reason, boolean retryable, Instant at) {
        return outbox.publish(EventTypes.REPLY_FAILED, tenantId, conversationId, conversationId,
                new ReplyFailed(replyId, conversationId, channel, kind, code, reason, retryable, at))
                .replaceWithVoid();
    }

    /**
     * Applies WhatsApp delivery statuses to our outbound messages, matched by the wamid of any of a reply's pieces
     * (later statuses never move one back). A
     * {@code failed} status (Meta's asynchronous error, e.g. 131047) fails the reply and emits {@code reply_failed}
     * with Meta's code, once however often Meta repeats it.
     */
    public Uni<Void> recordStatuses(List<WhatsAppWebhook.Status> statuses) {
        if (statuses.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> Multi.createFrom()
                .iterable(statuses)
                .onItem().transformToUniAndConcatenate(s -> {
                    Instant at = s.timestamp() == null ? clock.instant() : s.timestamp();
                    if ("failed".equalsIgnoreCase(s.status())) {
                        return session.createNativeQuery("""
                                        update outbound_message set status = 'FAILED',
                                            error_code = coalesce(:code, error_code),
                                            error_reason = coalesce(:reason, error_reason), status_at = :at
                                        where reply_id in (select reply_id from outbound_part
                                            where external_message_id = :wamid
                                            union select reply_id from outbound_message
                                            where external_message_id = :wamid)
                                          and channel = 'WHATSAPP'
                                          and status <> 'FAILED'
                                        returning reply_id, tenant_id, conversation_id, kind, request""",
                                        Object[].class)
                                .setParameter("code", s.errorCode())
                                .setParameter("reason", s.errorTitle())
                                .setParameter("at", at)
                                .setParameter("wamid", s.wamid())
                                .getResultList()
                                .chain(rows -> Multi.createFrom().iterable(rows)
                                        .onItem().transformToUniAndConcatenate(row -> asyncFailure(row, s, at))
                                        .collect().asList())
                                .replaceWithVoid();
                    }
                    return session.createNativeQuery("""
                                    update outbound_message set status = :status,
                                        error_code = coalesce(:code, error_code),
                                        error_reason = coalesce(:reason, error_reason), status_at = :at
                                    where reply_id in (select reply_id from outbound_part
                                        where external_message_id = :wamid
                                        union select reply_id from outbound_message where external_message_id = :wamid)
                                      and channel = 'WHATSAPP'
                                      and status <> 'FAILED' and (status_at is null or status_at <= :at)""")
                            .setParameter("status", s.status().toUpperCase(Locale.ROOT))
                            .setParameter("code", s.errorCode())
                            .setParameter("reason", s.errorTitle())
                            .setParameter("at", at)
                            .setParameter("wamid", s.wamid())
                            .executeUpdate()
                            .replaceWithVoid();
                })
                .collect().asList()))
                .invoke(relay::wakeUp)
                .replaceWithVoid();
    }

    private Uni<Void> asyncFailure(Object[] row, WhatsAppWebhook.Status s, Instant at) {
        String tenantId = Rows.text(row[1]);
        String conversationId = Rows.text(row[2]);
        UUID replyId = Rows.uuid(row[0]);
        String code = s.errorCode() == null ? "failed" : s.errorCode();
        String reason = s.errorTitle() == null ? "WhatsApp reported the message as failed" : s.errorTitle();
        LOG.warnf("tenant=%s conversation=%s reply=%s failed after sending: WhatsApp %s %s", tenantId,
                conversationId, replyId, code, Masking.text(reason));
        if (STAFF_HANDOFF.equals(Rows.text(row[3]))) {
            return Uni.createFrom().voidItem();
        }
        ReplyRequested r = request(Rows.text(row[4]));
        ReplyKind kind = r == null ? ReplyKind.valueOf(Rows.text(row[3])) : r.kind();
        return failed(tenantId, replyId, conversationId, Channel.WHATSAPP, kind, code, reason,
                WhatsAppSender.RETRYABLE.contains(code), at);
    }

    static String json(ReplyRequested r) {
        try {
            return EventJson.mapper().writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a ReplyRequested is always serialisable", e);
        }
    }

    /** The stored request, or null for a row written before requests were stored. */
    public static ReplyRequested request(String json) {
        if (json == null) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(json, ReplyRequested.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored request", e);
        }
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
