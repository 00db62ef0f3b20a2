package io.otklik.platform.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Relays outbox rows to Kafka in the order they were written, then deletes them. Runs right after each transaction
 * that wrote events ({@link #wakeUp()}) and every second as a safety net; rows locked by another replica are skipped.
 * Delivery is at least once: a crash between the broker's ack and the delete republishes, and consumers deduplicate.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The outgoing channel every service configures (acks=all, idempotent producer); the topic is set per event. */
    public static final String CHANNEL = "otklik-events-out";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final MutinyEmitter<String> emitter;
    private final Vertx vertx;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public OutboxRelay(@Channel(CHANNEL) MutinyEmitter<String> emitter, Vertx vertx) {
        this.emitter = emitter;
        this.vertx = vertx;
    }

    /** Publishes pending events now, on a fresh Vert.x context (callers may still hold their own session). */
    public void wakeUp() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> drain().subscribe().with(
                sent -> { },
                failure -> LOG.warnf("outbox relay failed, retrying on the next tick: %s", failure.toString())));
    }

    @Scheduled(every = "${otklik.outbox.poll-interval:1s}", delayed = "${otklik.outbox.start-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return drain().replaceWithVoid()
                .onFailure().invoke(f -> LOG.warnf("outbox relay failed, retrying on the next tick: %s", f.toString()))
                .onFailure().recoverWithNull();
    }

    /** Drains the outbox until empty; one drain at a time per process, so the order per key holds. */
    Uni<Integer> drain() {
        if (!draining.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().item(0);
        }
        again.set(false);
        return relayBatch()
                .onTermination().invoke(() -> draining.set(false))
                .flatMap(sent -> sent == BATCH || again.get() ? drain().map(more -> sent + more)
                        : Uni.createFrom().item(sent));
    }

    private Uni<Integer> relayBatch() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select seq, event_id, tenant_id, topic, message_key, event_type, source, subject,"
                        + " event_time, payload from outbox order by seq limit " + BATCH + " for update skip locked",
                        Object[].class)
                .getResultList()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    List<Uni<Void>> sends = new ArrayList<>(rows.size());
                    List<Long> seqs = new ArrayList<>(rows.size());
                    for (Object[] row : rows) {
                        seqs.add(((Number) row[0]).longValue());
                        sends.add(emitter.sendMessage(toMessage(row)));
                    }
                    return Uni.join().all(sends).andFailFast()
                            .chain(() -> session.createNativeQuery("delete from outbox where seq in (:seqs)")
                                    .setParameter("seqs", seqs)
                                    .executeUpdate())
                            .replaceWith(rows.size());
                })));
    }

    private static Message<String> toMessage(Object[] row) {
        String topic = (String) row[3];
        String eventType = (String) row[5];
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey((String) row[4])
                .build();
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(row[1].toString())
                .withType(eventType)
                .withSource(URI.create((String) row[6]))
                .withSubject((String) row[7])
                .withTimestamp(instant(row[8]).atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension("tenantid", row[2])
                .build();
        return Message.of((String) row[9]).addMetadata(kafka).addMetadata(cloudEvent);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
