package io.otklik.nlu.feedback;

import io.otklik.events.EventTypes;
import io.otklik.events.data.Intent;
import io.otklik.events.data.IntentFeedback;
import io.otklik.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Stores people's corrections of classifications — the labelled data the next model learns from — and announces
 * each as {@code intent_feedback} (the source of the Intent Accuracy metric) in the same transaction.
 */
@ApplicationScoped
public class FeedbackService {

    private static final Logger LOG = Logger.getLogger(FeedbackService.class);

    private final Clock clock;
    private final Outbox outbox;

    public FeedbackService(Clock clock, Outbox outbox) {
        this.clock = clock;
        this.outbox = outbox;
    }

    /**
     * Labels a message of the tenant with its true intent; a later label replaces an earlier one.
     *
     * @return false when the tenant has no classified message with that id
     */
    public Uni<Boolean> label(String tenantId, UUID messageId, Intent intent) {
        Instant at = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into feedback_label (message_id, tenant_id, intent, labelled_at, predicted_intent)
                        select c.message_id, c.tenant_id, :intent, :at, c.intent from classification c
                        where c.message_id = :message and c.tenant_id = :tenant
                        on conflict (message_id) do update set intent = excluded.intent,
                            labelled_at = excluded.labelled_at
                        returning (select conversation_id from classification where message_id = :message),
                            predicted_intent,
                            (select model from classification where message_id = :message)""", Object[].class)
                .setParameter("intent", intent.name())
                .setParameter("at", at)
                .setParameter("message", messageId)
                .setParameter("tenant", tenantId)
                .getResultList())
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    Object[] row = rows.get(0);
                    String conversation = (String) row[0];
                    LOG.infof("tenant=%s message=%s labelled intent=%s (model said %s)", tenantId, messageId,
                            intent.name(), row[1]);
                    return outbox.publish(EventTypes.INTENT_FEEDBACK, tenantId, conversation, conversation,
                            new IntentFeedback(messageId, conversation, (String) row[1], intent.name(),
                                    (String) row[2], at)).replaceWith(true);
                }));
    }
}
