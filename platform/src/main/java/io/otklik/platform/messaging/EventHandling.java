package io.otklik.platform.messaging;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventJson;
import io.otklik.events.EventType;
import io.otklik.platform.inbox.Inbox;
import io.otklik.platform.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * How every Kafka listener processes an event: read and check it (unreadable → failure → the channel's dead-letter
 * topic with the reason), then in one transaction claim it in the inbox and run the handler, so a redelivered event
 * changes nothing; finally relay the events the handler wrote to the outbox.
 */
@ApplicationScoped
public class EventHandling {

    private static final Logger LOG = Logger.getLogger(EventHandling.class);

    private final Inbox inbox;
    private final OutboxRelay relay;

    public EventHandling(Inbox inbox, OutboxRelay relay) {
        this.inbox = inbox;
        this.relay = relay;
    }

    /**
     * @param consumer the name the inbox remembers this consumer by (one per listener and event type)
     * @param handler  the state change; it runs inside the transaction and may publish to the outbox
     */
    public <D> Uni<Void> handle(String consumer, EventType<D> type, String json,
                                Function<EventEnvelope<D>, Uni<Void>> handler) {
        return process(consumer, type, json, event -> handler.apply(event).replaceWith(Boolean.TRUE))
                .replaceWithVoid();
    }

    /**
     * Like {@link #handle} but hands back what the handler returned once the transaction committed, for work that
     * must follow the commit (an external call); the result is {@code null} for a redelivered event.
     */
    public <D, R> Uni<Processed<D, R>> process(String consumer, EventType<D> type, String json,
                                               Function<EventEnvelope<D>, Uni<R>> handler) {
        return Uni.createFrom().item(() -> EventJson.read(json, type))
                .chain(event -> process(consumer, type, event, handler));
    }

    /**
     * Like {@link #handle(String, EventType, String, Function)} for an event the listener has already read (it did
     * work with it before the transaction, e.g. a slow external call that must not hold a connection).
     */
    public <D> Uni<Void> handle(String consumer, EventType<D> type, EventEnvelope<D> event,
                                Function<EventEnvelope<D>, Uni<Void>> handler) {
        return process(consumer, type, event, e -> handler.apply(e).replaceWith(Boolean.TRUE)).replaceWithVoid();
    }

    private <D, R> Uni<Processed<D, R>> process(String consumer, EventType<D> type, EventEnvelope<D> event,
                                                Function<EventEnvelope<D>, Uni<R>> handler) {
        return Panache.withTransaction(() -> inbox.claim(consumer, event)
                        .chain(first -> {
                            if (!first) {
                                LOG.debugf("%s: event %s (%s) already processed, skipped", consumer,
                                        event.id(), type.topic());
                                return Uni.createFrom().<R>nullItem();
                            }
                            return handler.apply(event);
                        }))
                .map(result -> new Processed<>(event, result))
                .invoke(relay::wakeUp);
    }

    /** An event and what its handler returned ({@code null} when it was a redelivery). */
    public record Processed<D, R>(EventEnvelope<D> event, R result) {

        public boolean firstTime() {
            return result != null;
        }
    }
}
