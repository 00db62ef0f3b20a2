package io.otklik.platform.outbox;

import io.otklik.platform.db.Rows;
import io.otklik.platform.work.DrainLoop;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Relays outbox rows to Kafka in the order they were written, then deletes them. Runs right after each transaction
 * that wrote events ({@link #wakeUp()}) and every second as a safety net; rows locked by another replica are skipped.
 * Delivery is at least once: a crash between the broker's ack and the delete republishes, and consumers deduplicate.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The outgoing channel every service configures (acks=all, idempotent producer); the topic is set per event. */
    public static final String CHANNEL = "otklik-events-out";
    private static final int BATCH = 200;

    private final MutinyEmitter<String> emitter;
    private final DrainLoop loop;

    public OutboxRelay(@Channel(CHANNEL) MutinyEmitter<String> emitter, Vertx vertx) {
        this.emitter = emitter;
        this.loop = new DrainLoop("outbox relay", vertx, this::relayBatch, sent -> sent == BATCH);
    }

    /** Publishes pending events now (after the caller's transaction committed). */
    public void wakeUp() {
        loop.wakeUp();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        loop.stop();
    }

    @Scheduled(every = "${otklik.outbox.poll-interval:1s}", delayed = "${otklik.outbox.start-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return loop.tick();
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
                .withTimestamp(Rows.instant(row[8]).atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension("tenantid", row[2])
                .build();
        return Message.of((String) row[9]).addMetadata(kafka).addMetadata(cloudEvent);
    }
}
