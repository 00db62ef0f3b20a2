package io.otklik.routing.dialog;

import io.otklik.events.EventTypes;
import io.otklik.platform.messaging.EventHandling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code message_classified}: each message is answered in one transaction with the inbox claim. */
@ApplicationScoped
public class MessageClassifiedListener {

    private final EventHandling handling;
    private final DialogService dialog;

    public MessageClassifiedListener(EventHandling handling, DialogService dialog) {
        this.handling = handling;
        this.dialog = dialog;
    }

    @Incoming("message-classified")
    public Uni<Void> onMessageClassified(String json) {
        return handling.handle("routing.message_classified", EventTypes.MESSAGE_CLASSIFIED, json, dialog::handle);
    }
}
