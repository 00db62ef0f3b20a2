package io.otklik.nlu.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventJson;
import io.otklik.events.EventTypes;
import io.otklik.events.InvalidEventException;
import io.otklik.events.data.Classification;
import io.otklik.events.data.MessageClassified;
import io.otklik.events.data.MessageReceived;
import io.otklik.nlu.classifier.ButtonIntent;
import io.otklik.nlu.classifier.Understander;
import io.otklik.nlu.classifier.Understanding;
import io.otklik.platform.outbox.Outbox;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Classifies client messages: for an inbound message it stores the result once per message id and announces it as
 * {@code message_classified} in the same transaction; for the REST API it only answers.
 */
@ApplicationScoped
public class ClassificationService {

    private static final Logger LOG = Logger.getLogger(ClassificationService.class);

    private final TenantRegistry tenants;
    private final Understander understander;
    private final Outbox outbox;
    private final Clock clock;

    public ClassificationService(TenantRegistry tenants, Understander understander, Outbox outbox, Clock clock) {
        this.tenants = tenants;
        this.understander = understander;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Understands an inbound message before any transaction is opened (an LLM may take up to its timeout, and no
     * database connection should wait for it). A message of an unknown tenant gives {@code null}: it is skipped.
     */
    public Uni<Understanding> understand(EventEnvelope<MessageReceived> event) {
        MessageReceived m = event.data();
        if (m.messageId() == null || m.conversationId() == null || m.channel() == null) {
            throw new InvalidEventException("message_received " + event.id()
                    + " lacks messageId, conversationId or channel");
        }
        Tenant tenant = tenants.byId(event.tenantId()).orElse(null);
        if (tenant == null) {
            LOG.warnf("tenant=%s conversation=%s message=%s unknown tenant, not classified", event.tenantId(),
                    m.conversationId(), m.messageId());
            return Uni.createFrom().nullItem();
        }
        // "завтра" means the day after the client wrote, on the business's calendar.
        Instant at = m.receivedAt() != null ? m.receivedAt() : event.time();
        java.util.Optional<io.otklik.events.data.Intent> pressed = ButtonIntent.of(m.buttonId());
        if (pressed.isPresent()) {
            // a button that names its intent (a reminder's «Подтвердить»): no model is asked
            return Uni.createFrom().item(understander.embedded().withIntent(m.text(), tenant,
                    at.atZone(tenant.zone()), pressed.get(), 1.0, false, "button"));
        }
        return understander.understand(m.text(), tenant, at.atZone(tenant.zone()));
    }

    /**
     * Runs inside the consuming transaction: stores what {@link #understand} found and announces it. A message
     * already classified (the same message published again under another event id) is neither stored nor announced
     * twice; a message of an unknown tenant ({@code understanding} null) is skipped.
     */
    public Uni<Void> storeAndPublish(EventEnvelope<MessageReceived> event, Understanding understanding) {
        if (understanding == null) {
            return Uni.createFrom().voidItem();
        }
        // (entities are bound as text and cast in SQL: bound directly to a jsonb parameter, the reactive PostgreSQL
        // client stores a Java String as a JSON string rather than as the object it contains)
        return store(event.data(), tenants.require(event.tenantId()), understanding.classification());
    }

    private Uni<Void> store(MessageReceived m, Tenant tenant, Classification c) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into classification (message_id, tenant_id, conversation_id, channel, text, intent,
                            confidence, urgent, fallback, entities, model, classified_at, urgency_reason, alternatives)
                        values (:message, :tenant, :conversation, :channel, :text, :intent, :confidence, :urgent,
                            :fallback, cast(cast(:entities as text) as jsonb), :model, :at, :reason,
                            cast(cast(:alternatives as text) as jsonb))
                        on conflict (message_id) do nothing""")
                        .setParameter("message", m.messageId())
                        .setParameter("tenant", tenant.id())
                        .setParameter("conversation", m.conversationId())
                        .setParameter("channel", m.channel().name())
                        .setParameter("text", m.text() == null ? "" : m.text())
                        .setParameter("intent", c.intent())
                        .setParameter("confidence", c.confidence())
                        .setParameter("urgent", c.urgent())
                        .setParameter("fallback", c.fallback())
                        .setParameter("entities", json(c.entities()))
                        .setParameter("model", c.model())
                        .setParameter("at", clock.instant())
                        .setParameter("reason", c.urgencyReason())
                        .setParameter("alternatives", json(c.alternatives()))
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        LOG.infof("tenant=%s conversation=%s message=%s already classified, not announced again",
                                tenant.id(), m.conversationId(), m.messageId());
                        return Uni.createFrom().voidItem();
                    }
                    LOG.infof("tenant=%s conversation=%s message=%s classified intent=%s confidence=%.2f urgent=%s"
                                    + " fallback=%s model=%s", tenant.id(), m.conversationId(), m.messageId(),
                            c.intent(), c.confidence(), c.urgent(), c.fallback(), c.model());
                    return outbox.publish(EventTypes.MESSAGE_CLASSIFIED, tenant.id(), m.conversationId(),
                            m.conversationId(), new MessageClassified(m, c)).replaceWithVoid();
                });
    }

    /** Understands a text for a tenant as of a time (now when null); nothing is stored. */
    public Uni<Understanding> classifyNow(String text, Tenant tenant, Instant at) {
        return understander.understand(text, tenant, (at != null ? at : clock.instant()).atZone(tenant.zone()));
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot be written as JSON", e);
        }
    }
}
