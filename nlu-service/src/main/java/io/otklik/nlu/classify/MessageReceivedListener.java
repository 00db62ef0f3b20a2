package io.otklik.nlu.classify;

import io.otklik.events.EventJson;
import io.otklik.events.EventTypes;
import io.otklik.platform.messaging.EventHandling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code message_received}: classify, then store and announce {@code message_classified} in one transaction. */
@ApplicationScoped
public class MessageReceivedListener {

    static final String CHANNEL = "message-received";

    private final EventHandling handling;
    private final ClassificationService classification;

    public MessageReceivedListener(EventHandling handling, ClassificationService classification) {
        this.handling = handling;
        this.classification = classification;
    }

    /**
     * Understands the message first (the LLM, when a tenant has one, answers outside any transaction), then stores
     * and announces it in the consuming transaction. An unreadable event fails here as it would in the handling, and
     * goes to the dead-letter topic.
     */
    @Incoming(CHANNEL)
    public Uni<Void> onMessageReceived(String json) {
        return Uni.createFrom().item(() -> EventJson.read(json, EventTypes.MESSAGE_RECEIVED))
                .chain(event -> classification.understand(event)
                        .chain(understanding -> handling.handle("nlu-service.message_received",
                                EventTypes.MESSAGE_RECEIVED, event, e -> classification.storeAndPublish(e,
                                        understanding))));
    }
}
