package io.otklik.nlu.classify;

import io.otklik.events.EventTypes;
import io.otklik.platform.messaging.EventHandling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code message_received}: classify, store and announce {@code message_classified} in one transaction. */
@ApplicationScoped
public class MessageReceivedListener {

    static final String CHANNEL = "message-received";

    private final EventHandling handling;
    private final ClassificationService classification;

    public MessageReceivedListener(EventHandling handling, ClassificationService classification) {
        this.handling = handling;
        this.classification = classification;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onMessageReceived(String json) {
        return handling.handle("nlu-service.message_received", EventTypes.MESSAGE_RECEIVED, json,
                classification::classifyAndPublish);
    }
}
