package io.otklik.ingest.outbound;

import io.otklik.events.data.Channel;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplyRequested;
import io.otklik.platform.db.Rows;
import io.otklik.platform.outbox.OutboxRelay;
import io.otklik.platform.work.DrainLoop;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The durable side of delivery. The retry poller claims RETRY rows whose next_attempt_at has come (FOR UPDATE SKIP
 * LOCKED, so replicas share the work), marks them SENDING and sends them again through {@link OutboundService}.
 *
 * <p>The sweeper fails rows left SENDING longer than {@code otklik.outbound.retry.stuck-after}: the process died
 * between reserving and recording, so nobody knows whether the channel delivered the message. None of the
 * channels takes an idempotency key, so sending again could give the client the message twice; the row becomes
 * FAILED "interrupted" and {@code reply_failed} (retryable=false) tells the sender to decide.
 */
@ApplicationScoped
public class OutboundRetries {

    private static final Logger LOG = Logger.getLogger(OutboundRetries.class);

    private final OutboundService outbound;
    private final OutboundSettings.Retry settings;
    private final OutboxRelay relay;
    private final Clock clock;
    private final DrainLoop loop;

    public OutboundRetries(OutboundService outbound, OutboundSettings settings, OutboxRelay relay, Clock clock,
                           Vertx vertx) {
        this.outbound = outbound;
        this.settings = settings.retry();
        this.relay = relay;
        this.clock = clock;
        this.loop = new DrainLoop("outbound retries", vertx, this::retryBatch, n -> n == this.settings.batch());
    }

    void onShutdown(@Observes ShutdownEvent event) {
        loop.stop();
    }

    @Scheduled(every = "${otklik.outbound.retry.poll-interval:1s}", delayed = "${otklik.outbound.retry.start-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return loop.tick();
    }

    @Scheduled(every = "${otklik.outbound.retry.sweep-interval:30s}",
            delayed = "${otklik.outbound.retry.start-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return sweepStuck().onFailure().invoke(e -> LOG.warnf("outbound sweeper failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Claims due retries and sends them; returns how many were claimed. */
    Uni<Integer> retryBatch() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        update outbound_message set status = 'SENDING', sending_since = :now,
                            attempts = attempts + 1, next_attempt_at = null
                        where reply_id in (select reply_id from outbound_message
                            where status = 'RETRY' and next_attempt_at <= :now
                            order by next_attempt_at limit :batch for update skip locked)
                        returning reply_id, tenant_id, kind, request, attempts, parts_sent, requested_at, route""",
                        Object[].class)
                .setParameter("now", now)
                .setParameter("batch", settings.batch())
                .getResultList()))
                .chain(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(row -> outbound.attempt(job(row)))
                        .collect().asList()
                        .replaceWith(rows.size()));
    }

    private static Job job(Object[] row) {
        String route = Rows.text(row[7]);
        return new Job(Rows.text(row[1]), OutboundService.request(Rows.text(row[3])),
                OutboundService.STAFF_HANDOFF.equals(Rows.text(row[2])), (int) Rows.number(row[4]),
                (int) Rows.number(row[5]), Rows.instant(row[6]), route == null ? null : Route.valueOf(route));
    }

    /** Fails rows stuck in SENDING (crash mid-send) and announces them; returns how many. */
    Uni<Integer> sweepStuck() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                                update outbound_message set status = 'FAILED', error_code = 'interrupted',
                                    error_reason = :reason, status_at = :now, sending_since = null
                                where status = 'SENDING' and sending_since < :cutoff
                                returning reply_id, tenant_id, conversation_id, channel, kind, request""",
                                Object[].class)
                        .setParameter("reason", "interrupted while sending (the service stopped); the channel may"
                                + " or may not have delivered it, so it is not sent again automatically")
                        .setParameter("now", now)
                        .setParameter("cutoff", now.minus(settings.stuckAfter()))
                        .getResultList())
                .chain(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(row -> announceInterrupted(row, now))
                        .collect().asList()
                        .map(List::size)))
                .invoke(swept -> {
                    if (swept > 0) {
                        relay.wakeUp();
                    }
                });
    }

    private Uni<Void> announceInterrupted(Object[] row, Instant now) {
        String tenantId = Rows.text(row[1]);
        String conversationId = Rows.text(row[2]);
        String kind = Rows.text(row[4]);
        LOG.warnf("tenant=%s conversation=%s message=%s (%s) was interrupted while sending; failed, not resent",
                tenantId, conversationId, Rows.uuid(row[0]), kind);
        if (OutboundService.STAFF_HANDOFF.equals(kind)) {
            return Uni.createFrom().voidItem();
        }
        ReplyRequested r = OutboundService.request(Rows.text(row[5]));
        return outbound.failed(tenantId, Rows.uuid(row[0]), conversationId, Channel.valueOf(Rows.text(row[3])),
                r == null ? ReplyKind.valueOf(kind) : r.kind(), "interrupted",
                "interrupted while sending; the client may or may not have received it", false, now);
    }
}
