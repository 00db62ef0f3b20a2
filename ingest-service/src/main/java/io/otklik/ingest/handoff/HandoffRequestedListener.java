package io.otklik.ingest.handoff;

import io.otklik.events.EventTypes;
import io.otklik.platform.messaging.EventHandling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code handoff_requested}: store the staff message in the inbox transaction, then send it. */
@ApplicationScoped
public class HandoffRequestedListener {

    private final EventHandling handling;
    private final HandoffService handoffs;

    public HandoffRequestedListener(EventHandling handling, HandoffService handoffs) {
        this.handling = handling;
        this.handoffs = handoffs;
    }

    @Incoming("handoff-requested")
    public Uni<Void> onHandoffRequested(String json) {
        return handling.process("ingest.handoff_requested", EventTypes.HANDOFF_REQUESTED, json, handoffs::reserve)
                .chain(processed -> processed.result() != null
                        ? handoffs.deliver(processed.result())
                        : Uni.createFrom().voidItem());
    }
}
