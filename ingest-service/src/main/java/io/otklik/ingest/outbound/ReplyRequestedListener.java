package io.otklik.ingest.outbound;

import io.otklik.events.EventTypes;
import io.otklik.platform.messaging.EventHandling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code reply_requested}: reserve the reply in the inbox transaction, then deliver it. */
@ApplicationScoped
public class ReplyRequestedListener {

    private final EventHandling handling;
    private final OutboundService outbound;

    public ReplyRequestedListener(EventHandling handling, OutboundService outbound) {
        this.handling = handling;
        this.outbound = outbound;
    }

    @Incoming("reply-requested")
    public Uni<Void> onReplyRequested(String json) {
        return handling.process("ingest.reply_requested", EventTypes.REPLY_REQUESTED, json, outbound::reserve)
                .chain(processed -> Boolean.TRUE.equals(processed.result())
                        ? outbound.deliver(processed.event())
                        : Uni.createFrom().voidItem());
    }
}
