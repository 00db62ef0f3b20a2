package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * A staff member decided on a sandbox draft ({@code reply_drafted}) from their Telegram chat: routing-service sends
 * it (APPROVED) or hands the conversation to that person (REJECTED).
 *
 * @param draftId        the draft
 * @param decision       APPROVED or REJECTED
 * @param staffId        who decided (the tenant's staff id of the chat the button was pressed in)
 * @param decidedAt      when the button was pressed
 * @param conversationId the draft's conversation, when known
 */
@RegisterForReflection(ignoreNested = false)
public record DraftReviewed(UUID draftId, Decision decision, String staffId, Instant decidedAt,
                            String conversationId) {

    /** What the reviewer decided. */
    public enum Decision {
        APPROVED, REJECTED
    }
}
