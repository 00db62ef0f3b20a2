package io.otklik.ingest.inbound;

import io.otklik.events.EventTypes;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.MessageReceived;
import io.otklik.events.data.ReplyRequested;
import io.otklik.ingest.outbound.OutboundService;
import io.otklik.ingest.whatsapp.NumberedChoice;
import io.otklik.ingest.whatsapp.WhatsAppSender;
import io.otklik.platform.db.Rows;
import io.otklik.platform.outbox.Outbox;
import io.otklik.platform.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Makes inbound messages durable: stores each one once (the channel's message id is the key), with the raw webhook
 * body it came in and the client it belongs to ({@link Clients}), and writes its {@code message_received} event in
 * the same transaction (the outbox: a broker outage delays the event, never loses it). A webhook is acknowledged only
 * after this commits.
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

    /** Stores messages that came without a raw body worth keeping (a form's parsed submission). */
    public Uni<List<Accepted>> accept(List<Inbound> messages) {
        return accept(null, messages);
    }

    /**
     * Stores the messages of one webhook, the body they came in (when at least one of them is new: see V2__inbound)
     * and their clients, and writes their events; all in one transaction.
     */
    public Uni<List<Accepted>> accept(RawWebhook raw, List<Inbound> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Instant receivedAt = clock.instant();
        // the phones typed into each text are found once: they become the contact's phone and client addresses
        List<List<String>> typed = messages.stream().map(Clients::typedPhones).toList();
        List<Inbound> enriched = new ArrayList<>(messages.size());
        List<List<Clients.Identity>> identities = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Inbound m = withTypedPhone(messages.get(i), typed.get(i));
            enriched.add(m);
            identities.add(Clients.identities(m, typed.get(i)));
        }
        Map<String, UUID> rawIds = new LinkedHashMap<>();
        if (raw != null) {
            enriched.forEach(m -> rawIds.computeIfAbsent(m.tenantId(), t -> UUID.randomUUID()));
        }
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> Clients.lockAll(session, enriched,
                                identities)
                        .chain(() -> Multi.createFrom().range(0, enriched.size())
                                .onItem().transformToUniAndConcatenate(i -> store(session, enriched.get(i),
                                        identities.get(i), rawIds.get(enriched.get(i).tenantId()), receivedAt))
                                .collect().asList())
                        .call(accepted -> storeRaw(session, raw, rawIds, enriched, accepted, receivedAt))))
                .invoke(accepted -> {
                    if (accepted.stream().anyMatch(a -> !a.duplicate())) {
                        relay.wakeUp();
                    }
                });
    }

    /** A phone the client typed becomes the contact's phone when the channel gave none. */
    private static Inbound withTypedPhone(Inbound m, List<String> typed) {
        if (m.contact().phone() != null || typed.isEmpty()) {
            return m;
        }
        Contact contact = new Contact(m.contact().channelUserId(), m.contact().displayName(), typed.get(0));
        return new Inbound(m.tenantId(), m.channel(), m.channelAccountId(), m.externalMessageId(), contact, m.text(),
                m.sentAt(), m.utm(), m.messageType(), m.attachments(), m.source(), m.buttonId());
    }

    private Uni<Void> storeRaw(Mutiny.Session session, RawWebhook raw, Map<String, UUID> rawIds, List<Inbound> messages,
                               List<Accepted> accepted, Instant receivedAt) {
        if (raw == null) {
            return Uni.createFrom().voidItem();
        }
        Set<String> tenantsWithNew = new LinkedHashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            if (!accepted.get(i).duplicate()) {
                tenantsWithNew.add(messages.get(i).tenantId());
            }
        }
        String sha256 = sha256(raw.body());
        return Multi.createFrom().iterable(tenantsWithNew)
                .onItem().transformToUniAndConcatenate(tenant -> session.createNativeQuery("""
                                insert into raw_webhook (id, tenant_id, channel, received_at, body, sha256)
                                values (:id, :tenant, :channel, :receivedAt, :body, :sha256)""")
                        .setParameter("id", rawIds.get(tenant))
                        .setParameter("tenant", tenant)
                        .setParameter("channel", raw.channel().name())
                        .setParameter("receivedAt", receivedAt)
                        .setParameter("body", raw.body())
                        .setParameter("sha256", sha256)
                        .executeUpdate())
                .collect().last().replaceWithVoid();
    }

    private Uni<Accepted> store(Mutiny.Session session, Inbound m, List<Clients.Identity> identities, UUID rawId,
                                Instant receivedAt) {
        String conversationId = Conversations.id(m.tenantId(), m.channel(), m.channelAccountId(),
                m.contact().channelUserId());
        return numberedChoice(session, m, conversationId)
                .chain(resolved -> insert(session, resolved, identities, rawId, receivedAt, conversationId));
    }

    /**
     * A WhatsApp text that is only a number ("2", "второй") answers the numbered list of options our last
     * delivered message in the conversation showed (more buttons than an interactive list holds): it gets that
     * option's button id. Otherwise, or when the last message offered no numbered list, the text stays text.
     */
    private Uni<Inbound> numberedChoice(Mutiny.Session session, Inbound m, String conversationId) {
        if (m.channel() != Channel.WHATSAPP || m.buttonId() != null || !"text".equals(m.messageType())
                || NumberedChoice.number(m.text()).isEmpty()) {
            return Uni.createFrom().item(m);
        }
        return session.createNativeQuery("""
                        select route, request from outbound_message
                        where tenant_id = :tenant and conversation_id = :conversation and kind <> :staff
                          and status in ('SENT', 'DELIVERED', 'READ')
                        order by sent_at desc nulls last limit 1""", Object[].class)
                .setParameter("tenant", m.tenantId())
                .setParameter("conversation", conversationId)
                .setParameter("staff", OutboundService.STAFF_HANDOFF)
                .getResultList()
                .map(rows -> {
                    if (rows.isEmpty() || !"TEXT".equals(Rows.text(rows.get(0)[0]))) {
                        return m;
                    }
                    ReplyRequested last = OutboundService.request(Rows.text(rows.get(0)[1]));
                    if (last == null || !WhatsAppSender.numberedList(last.buttons())) {
                        return m;
                    }
                    return NumberedChoice.pick(m.text(), last.buttons()).map(button -> {
                        LOG.infof("tenant=%s conversation=%s: a typed number picked option '%s' of reply %s",
                                m.tenantId(), conversationId, button.id(), last.replyId());
                        return new Inbound(m.tenantId(), m.channel(), m.channelAccountId(), m.externalMessageId(),
                                m.contact(), m.text(), m.sentAt(), m.utm(), m.messageType(), m.attachments(),
                                m.source(), button.id());
                    }).orElse(m);
                });
    }

    private Uni<Accepted> insert(Mutiny.Session session, Inbound m, List<Clients.Identity> identities, UUID rawId,
                                 Instant receivedAt, String conversationId) {
        UUID messageId = UUID.randomUUID();
        return session.createNativeQuery("""
                        insert into inbound_message (id, tenant_id, channel, channel_account_id, external_message_id,
                            conversation_id, channel_user_id, display_name, phone, text, sent_at, received_at, utm,
                            raw_webhook_id, message_type, attachments, source, button_id)
                        values (:id, :tenant, :channel, :account, :external, :conversation, :user, :name, :phone,
                            :text, :sentAt, :receivedAt, cast(cast(:utm as text) as jsonb), :raw, :type,
                            cast(cast(:attachments as text) as jsonb), :source, :button)
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
                .setParameter("raw", rawId)
                .setParameter("type", m.messageType())
                .setParameter("attachments", m.attachments().isEmpty() ? null : Json.encode(m.attachments()))
                .setParameter("source", m.source())
                .setParameter("button", m.buttonId())
                .executeUpdate()
                .chain(inserted -> inserted == 1
                        ? Clients.resolve(session, m.tenantId(), identities, receivedAt)
                                .call(clientId -> session.createNativeQuery(
                                                "update inbound_message set client_id = :client where id = :id")
                                        .setParameter("client", clientId).setParameter("id", messageId)
                                        .executeUpdate())
                                .chain(clientId -> publish(m, messageId, conversationId, receivedAt, clientId))
                        : duplicate(session, m, conversationId));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private Uni<Accepted> publish(Inbound m, UUID messageId, String conversationId, Instant receivedAt,
                                  UUID clientId) {
        MessageReceived data = new MessageReceived(messageId, conversationId, m.channel(), m.channelAccountId(),
                m.externalMessageId(), m.contact(), m.text(), m.sentAt(), receivedAt, m.utm(), clientId.toString(),
                m.messageType(), m.attachments(), m.source(), m.buttonId());
        LOG.infof("tenant=%s conversation=%s message=%s client=%s channel=%s type=%s accepted", m.tenantId(),
                conversationId, messageId, clientId, m.channel(), m.messageType());
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
