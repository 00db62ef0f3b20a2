package io.otklik.ingest.sandbox;

import io.otklik.events.EventTypes;
import io.otklik.platform.messaging.EventHandling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code reply_drafted}: store the reviewer's message in the inbox transaction, then send it. */
@ApplicationScoped
public class ReplyDraftedListener {

    private final EventHandling handling;
    private final DraftReviewService drafts;

    public ReplyDraftedListener(EventHandling handling, DraftReviewService drafts) {
        this.handling = handling;
        this.drafts = drafts;
    }

    @Incoming("reply-drafted")
    public Uni<Void> onReplyDrafted(String json) {
        return handling.process("ingest.reply_drafted", EventTypes.REPLY_DRAFTED, json, drafts::reserve)
                .chain(processed -> processed.result() != null
                        ? drafts.deliver(processed.result())
                        : Uni.createFrom().voidItem());
    }
}
