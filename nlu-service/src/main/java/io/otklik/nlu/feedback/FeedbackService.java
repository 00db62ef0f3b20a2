package io.otklik.nlu.feedback;

import io.otklik.events.data.Intent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Stores people's corrections of classifications: the labelled data a trained model will learn from. */
@ApplicationScoped
public class FeedbackService {

    private static final Logger LOG = Logger.getLogger(FeedbackService.class);

    private final Clock clock;

    public FeedbackService(Clock clock) {
        this.clock = clock;
    }

    /**
     * Labels a message of the tenant with its true intent; a later label replaces an earlier one.
     *
     * @return false when the tenant has no classified message with that id
     */
    public Uni<Boolean> label(String tenantId, UUID messageId, Intent intent) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into feedback_label (message_id, tenant_id, intent, labelled_at, predicted_intent)
                        select c.message_id, c.tenant_id, :intent, :at, c.intent from classification c
                        where c.message_id = :message and c.tenant_id = :tenant
                        on conflict (message_id) do update set intent = excluded.intent,
                            labelled_at = excluded.labelled_at""")
                .setParameter("intent", intent.name())
                .setParameter("at", clock.instant())
                .setParameter("message", messageId)
                .setParameter("tenant", tenantId)
                .executeUpdate()))
                .map(rows -> {
                    if (rows == 1) {
                        LOG.infof("tenant=%s message=%s labelled intent=%s", tenantId, messageId, intent.name());
                    }
                    return rows == 1;
                });
    }
}
