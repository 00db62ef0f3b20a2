package io.otklik.platform.outbox;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventJson;
import io.otklik.events.EventType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes events to the outbox table inside the caller's transaction, so the event exists if and only if the state
 * change it reports was committed. {@link OutboxRelay} publishes them afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final Clock clock;
    private final String source;

    public Outbox(Clock clock, @ConfigProperty(name = "quarkus.application.name") String source) {
        this.clock = clock;
        this.source = source;
    }

    /**
     * Adds an event; must run inside {@code Panache.withTransaction}.
     *
     * @param key the Kafka key: the conversation id, or the appointment / lead id where there is no conversation
     */
    public <D> Uni<EventEnvelope<D>> publish(EventType<D> type, String tenantId, String subject, String key, D data) {
        EventEnvelope<D> event = EventEnvelope.of(type, source, clock.instant(), tenantId, subject, data);
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.id();
        row.tenantId = tenantId;
        row.topic = type.topic();
        row.messageKey = key;
        row.eventType = type.topic();
        row.source = source;
        row.subject = subject;
        row.eventTime = event.time();
        row.payload = EventJson.write(event);
        return row.persist().replaceWith(event);
    }
}
