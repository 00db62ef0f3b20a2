package io.otklik.routing.sandbox;

import io.otklik.events.EventTypes;
import io.otklik.platform.messaging.EventHandling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code draft_reviewed} (a staff member's button under a draft in Telegram) in the inbox transaction. */
@ApplicationScoped
public class DraftReviewedListener {

    private final EventHandling handling;
    private final SandboxService sandbox;

    public DraftReviewedListener(EventHandling handling, SandboxService sandbox) {
        this.handling = handling;
        this.sandbox = sandbox;
    }

    @Incoming("draft-reviewed")
    public Uni<Void> onDraftReviewed(String json) {
        return handling.handle("routing.draft_reviewed", EventTypes.DRAFT_REVIEWED, json, sandbox::review);
    }
}
