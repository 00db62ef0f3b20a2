package io.otklik.ingest.inbound;

import io.otklik.events.EventTypes;
import io.otklik.events.data.MessageReceived;
import io.otklik.platform.outbox.Outbox;
import io.otklik.platform.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Makes inbound messages durable: stores each one once (the channel's message id is the key) and writes its
 * {@code message_received} event in the same transaction. A webhook is acknowledged only after this commits.
 */
@ApplicationScoped
public class InboundService {

    private static final Logger LOG = Logger.getLogger(InboundService.class);

    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    public InboundService(Outbox outbox, OutboxRelay relay, Clock clock) {
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    public Uni<List<Accepted>> accept(List<Inbound> messages) {
        Instant receivedAt = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> Multi.createFrom()
                        .iterable(messages)
                        .onItem().transformToUniAndConcatenate(m -> store(session, m, receivedAt))
                        .collect().asList()))
                .invoke(accepted -> {
                    if (accepted.stream().anyMatch(a -> !a.duplicate())) {
                        relay.wakeUp();
                    }
                });
    }

    private Uni<Accepted> store(Mutiny.Session session, Inbound m, Instant receivedAt) {
        UUID messageId = UUID.randomUUID();
        String conversationId = Conversations.id(m.tenantId(), m.channel(), m.channelAccountId(),
                m.contact().channelUserId());
        return session.createNativeQuery("""
                        insert into inbound_message (id, tenant_id, channel, channel_account_id, external_message_id,
                            conversation_id, channel_user_id, display_name, phone, text, sent_at, received_at, utm,
                            message_type)
                        values (:id, :tenant, :channel, :account, :external, :conversation, :user, :name, :phone,
                            :text, :sentAt, :receivedAt, cast(cast(:utm as text) as jsonb), :messageType)
                        on conflict (channel, channel_account_id, external_message_id) do nothing""")
                .setParameter("id", messageId)
                .setParameter("tenant", m.tenantId())
                .setParameter("channel", m.channel().name())
                .setParameter("account", m.channelAccountId())
                .setParameter("external", m.externalMessageId())
                .setParameter("conversation", conversationId)
                .setParameter("user", m.contact().channelUserId())
                .setParameter("name", m.contact().displayName())
                .setParameter("phone", m.contact().phone())
                .setParameter("text", m.text())
                .setParameter("sentAt", m.sentAt())
                .setParameter("receivedAt", receivedAt)
                .setParameter("utm", m.utm() == null ? null : JsonObject.mapFrom(m.utm()).encode())
                .setParameter("messageType", m.messageType())
                .executeUpdate()
                .chain(inserted -> inserted == 1
                        ? publish(m, messageId, conversationId, receivedAt)
                        : duplicate(session, m, conversationId));
    }

    private Uni<Accepted> publish(Inbound m, UUID messageId, String conversationId, Instant receivedAt) {
        MessageReceived data = new MessageReceived(messageId, conversationId, m.channel(), m.channelAccountId(),
                m.externalMessageId(), m.contact(), m.text(), m.sentAt(), receivedAt, m.utm(), null, m.messageType(),
                m.attachments(), m.source(), m.buttonId());
        LOG.infof("tenant=%s conversation=%s message=%s channel=%s accepted", m.tenantId(), conversationId,
                messageId, m.channel());
        return outbox.publish(EventTypes.MESSAGE_RECEIVED, m.tenantId(), conversationId, conversationId, data)
                .replaceWith(new Accepted(messageId, conversationId, false));
    }

    private Uni<Accepted> duplicate(Mutiny.Session session, Inbound m, String conversationId) {
        return session.createNativeQuery("select id from inbound_message where channel = :channel"
                        + " and channel_account_id = :account and external_message_id = :external", UUID.class)
                .setParameter("channel", m.channel().name())
                .setParameter("account", m.channelAccountId())
                .setParameter("external", m.externalMessageId())
                .getSingleResult()
                .invoke(id -> LOG.infof("tenant=%s conversation=%s message=%s channel=%s duplicate delivery ignored",
                        m.tenantId(), conversationId, id, m.channel()))
                .map(id -> new Accepted(id, conversationId, true));
    }
}
