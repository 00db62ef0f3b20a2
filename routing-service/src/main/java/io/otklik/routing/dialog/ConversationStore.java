package io.otklik.routing.dialog;

import io.otklik.events.data.Channel;
import io.otklik.platform.db.Rows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** The client, conversation and lead tables; every method runs in the caller's session (and transaction). */
@ApplicationScoped
public class ConversationStore {

    /**
     * The client behind a message.
     *
     * @param repeat the client was known before this conversation: same phone on another channel, or another
     *               conversation of theirs
     */
    public record ClientRef(String id, boolean repeat) {
    }

    /** A conversation row. */
    public record ConversationRow(String id, String tenantId, Channel channel, String channelAccountId,
                                  String clientId, UUID leadId, ConversationState state, DialogState.Pending pending,
                                  Instant firstMessageAt, Instant lastMessageAt) {
    }

    /**
     * A new lead with its routing.
     *
     * @param qualityScore   Lead Quality Score 1–5
     * @param qualitySignals the signals that scored
     * @param priority       P1–P3 from the routing rule
     * @param notifyAssignee the rule alerts the assignee
     */
    public record NewLead(UUID id, String tenantId, String conversationId, String clientId, String intent,
                          String summary, boolean urgent, String assignee, String assigneeRole, String ruleId,
                          Instant createdAt, int qualityScore, java.util.List<String> qualitySignals,
                          String priority, boolean notifyAssignee) {
    }

    /**
     * Finds or creates the client of a channel identity. A new identity whose phone is already known joins that
     * client (repeat clients share the id); otherwise it gets a new id.
     */
    public Uni<ClientRef> upsertClient(String tenantId, Channel channel, String channelUserId, String phone,
                                       String name, String conversationId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id, first_seen_at from client
                        where tenant_id = :tenant and channel = :channel and channel_user_id = :user""",
                        Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("channel", channel.name())
                .setParameter("user", channelUserId)
                .getResultList()
                .chain(found -> {
                    if (!found.isEmpty()) {
                        String id = (String) found.get(0)[0];
                        return session.createNativeQuery("""
                                        update client set last_seen_at = greatest(last_seen_at, :now),
                                            phone = coalesce(:phone, phone), name = coalesce(name, :name)
                                        where tenant_id = :tenant and channel = :channel and channel_user_id = :user""")
                                .setParameter("now", now)
                                .setParameter("phone", phone)
                                .setParameter("name", name)
                                .setParameter("tenant", tenantId)
                                .setParameter("channel", channel.name())
                                .setParameter("user", channelUserId)
                                .executeUpdate()
                                .chain(() -> hasOtherConversation(tenantId, id, conversationId))
                                .map(repeat -> new ClientRef(id, repeat));
                    }
                    return byPhone(tenantId, phone).chain(known -> {
                        String id = known != null ? known : UUID.randomUUID().toString();
                        return session.createNativeQuery("""
                                        insert into client (id, tenant_id, channel, channel_user_id, phone, name,
                                            first_seen_at, last_seen_at)
                                        values (:id, :tenant, :channel, :user, :phone, :name, :now, :now)
                                        on conflict (tenant_id, channel, channel_user_id) do nothing""")
                                .setParameter("id", id)
                                .setParameter("tenant", tenantId)
                                .setParameter("channel", channel.name())
                                .setParameter("user", channelUserId)
                                .setParameter("phone", phone)
                                .setParameter("name", name)
                                .setParameter("now", now)
                                .executeUpdate()
                                .chain(() -> known != null ? Uni.createFrom().item(true)
                                        : hasOtherConversation(tenantId, id, conversationId))
                                .map(repeat -> new ClientRef(id, repeat));
                    });
                }));
    }

    private Uni<String> byPhone(String tenantId, String phone) {
        if (phone == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id, first_seen_at from client where tenant_id = :tenant and phone = :phone
                        order by first_seen_at limit 1""", Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("phone", phone)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : (String) rows.get(0)[0]));
    }

    private Uni<Boolean> hasOtherConversation(String tenantId, String clientId, String conversationId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select count(*) from conversation
                        where tenant_id = :tenant and client_id = :client and id <> :conversation""", Long.class)
                .setParameter("tenant", tenantId)
                .setParameter("client", clientId)
                .setParameter("conversation", conversationId)
                .getSingleResult()
                .map(n -> n > 0));
    }

    /** Creates the conversation at its first message and returns it as stored (null when another tenant owns it). */
    public Uni<ConversationRow> upsertConversation(String tenantId, String id, Channel channel,
                                                   String channelAccountId, String clientId, Instant receivedAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into conversation (id, tenant_id, channel, channel_account_id, client_id, state,
                            first_message_at, last_message_at)
                        values (:id, :tenant, :channel, :account, :client, :state, :at, :at)
                        on conflict (id) do nothing""")
                .setParameter("id", id)
                .setParameter("tenant", tenantId)
                .setParameter("channel", channel.name())
                .setParameter("account", channelAccountId)
                .setParameter("client", clientId)
                .setParameter("state", ConversationState.IDLE.name())
                .setParameter("at", receivedAt)
                .executeUpdate()
                .chain(() -> find(tenantId, id)));
    }

    /** The tenant's conversation, or null. */
    public Uni<ConversationRow> find(String tenantId, String id) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id, tenant_id, channel, channel_account_id, client_id, lead_id, state,
                            pending_service, pending_date, pending_time, first_message_at, last_message_at
                        from conversation where id = :id and tenant_id = :tenant""", Object[].class)
                .setParameter("id", id)
                .setParameter("tenant", tenantId)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : conversation(rows.get(0))));
    }

    /** Records where the dialog stands after a message. */
    public Uni<Void> updateDialog(String tenantId, String id, ConversationState state, DialogState.Pending pending,
                                  Instant messageAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update conversation set state = :state, pending_service = :service, pending_date = :date,
                            pending_time = :time, last_message_at = greatest(last_message_at, :at)
                        where id = :id and tenant_id = :tenant""")
                .setParameter("state", state.name())
                .setParameter("service", pending.service())
                .setParameter("date", pending.date())
                .setParameter("time", pending.time())
                .setParameter("at", messageAt)
                .setParameter("id", id)
                .setParameter("tenant", tenantId)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Opens the conversation's lead; false when it already has one (nothing is written then). */
    public Uni<Boolean> insertLead(NewLead lead) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into lead (id, tenant_id, conversation_id, client_id, status, intent, summary, urgent,
                            assignee, assignee_role, rule_id, created_at, quality_score, quality_signals, priority,
                            notify)
                        values (:id, :tenant, :conversation, :client, 'NEW', :intent, :summary, :urgent, :assignee,
                            :role, :rule, :at, :score, :signals, :priority, :notify)
                        on conflict (conversation_id) do nothing""")
                .setParameter("id", lead.id())
                .setParameter("tenant", lead.tenantId())
                .setParameter("conversation", lead.conversationId())
                .setParameter("client", lead.clientId())
                .setParameter("intent", lead.intent())
                .setParameter("summary", lead.summary())
                .setParameter("urgent", lead.urgent())
                .setParameter("assignee", lead.assignee())
                .setParameter("role", lead.assigneeRole())
                .setParameter("rule", lead.ruleId())
                .setParameter("at", lead.createdAt())
                .setParameter("score", (short) lead.qualityScore())
                .setParameter("signals", String.join(",", lead.qualitySignals()))
                .setParameter("priority", lead.priority())
                .setParameter("notify", lead.notifyAssignee())
                .executeUpdate()
                .chain(inserted -> inserted == 0 ? Uni.createFrom().item(false)
                        : session.createNativeQuery("update conversation set lead_id = :lead where id = :id"
                                        + " and tenant_id = :tenant")
                                .setParameter("lead", lead.id())
                                .setParameter("id", lead.conversationId())
                                .setParameter("tenant", lead.tenantId())
                                .executeUpdate()
                                .replaceWith(true)));
    }

    private static ConversationRow conversation(Object[] r) {
        return new ConversationRow((String) r[0], (String) r[1], Channel.valueOf((String) r[2]), (String) r[3],
                (String) r[4], Rows.uuid(r[5]), ConversationState.parse((String) r[6]),
                new DialogState.Pending((String) r[7], Rows.date(r[8]), Rows.time(r[9])), Rows.instant(r[10]),
                Rows.instant(r[11]));
    }
}
