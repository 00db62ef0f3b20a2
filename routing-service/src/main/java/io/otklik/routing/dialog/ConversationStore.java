package io.otklik.routing.dialog;

import io.otklik.events.data.Channel;
import io.otklik.platform.db.Rows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The client, conversation and lead tables; every method runs in the caller's session (and transaction). */
@ApplicationScoped
public class ConversationStore {

    /**
     * The client behind a message.
     *
     * @param repeat the client was known before this conversation: same phone on another channel, or another
     *               conversation of theirs
     * @param phone  the client's phone as known so far (this message's, or one given earlier), or null
     * @param name   the client's name as known so far, or null
     */
    public record ClientRef(String id, boolean repeat, String phone, String name) {

        public ClientRef(String id, boolean repeat) {
            this(id, repeat, null, null);
        }
    }

    /**
     * A conversation row.
     *
     * @param offered               the slots the bot offered last (local times), empty when none
     * @param remindedAppointmentId the appointment reminder-service last reminded the client of, or null
     */
    public record ConversationRow(String id, String tenantId, Channel channel, String channelAccountId,
                                  String clientId, UUID leadId, ConversationState state, DialogState.Pending pending,
                                  Instant firstMessageAt, Instant lastMessageAt, List<LocalDateTime> offered,
                                  UUID remindedAppointmentId) {

        public ConversationRow {
            offered = offered == null ? List.of() : List.copyOf(offered);
        }

        public ConversationRow(String id, String tenantId, Channel channel, String channelAccountId,
                               String clientId, UUID leadId, ConversationState state, DialogState.Pending pending,
                               Instant firstMessageAt, Instant lastMessageAt) {
            this(id, tenantId, channel, channelAccountId, clientId, leadId, state, pending, firstMessageAt,
                    lastMessageAt, List.of(), null);
        }
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
                        select id, first_seen_at, phone, name from client
                        where tenant_id = :tenant and channel = :channel and channel_user_id = :user""",
                        Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("channel", channel.name())
                .setParameter("user", channelUserId)
                .getResultList()
                .chain(found -> {
                    if (!found.isEmpty()) {
                        String id = (String) found.get(0)[0];
                        String knownPhone = phone != null ? phone : (String) found.get(0)[2];
                        String knownName = found.get(0)[3] != null ? (String) found.get(0)[3] : name;
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
                                .map(repeat -> new ClientRef(id, repeat, knownPhone, knownName));
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
                                .map(repeat -> new ClientRef(id, repeat, phone, name));
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
                            pending_service, pending_date, pending_time, first_message_at, last_message_at,
                            offered_slots, reminded_appointment_id
                        from conversation where id = :id and tenant_id = :tenant""", Object[].class)
                .setParameter("id", id)
                .setParameter("tenant", tenantId)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : conversation(rows.get(0))));
    }

    /** Records where the dialog stands after a message (no offer open, the reminder kept). */
    public Uni<Void> updateDialog(String tenantId, String id, ConversationState state, DialogState.Pending pending,
                                  Instant messageAt) {
        return updateDialog(tenantId, id, state, pending, List.of(), false, messageAt);
    }

    /**
     * Records where the dialog stands after a message.
     *
     * @param offered       the slots the reply offers (empty: none open)
     * @param forgetReminder the reminded appointment was answered (or another one booked): a later "да" no longer
     *                       refers to it
     */
    public Uni<Void> updateDialog(String tenantId, String id, ConversationState state, DialogState.Pending pending,
                                  List<LocalDateTime> offered, boolean forgetReminder, Instant messageAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update conversation set state = :state, pending_service = :service, pending_date = :date,
                            pending_time = :time, last_message_at = greatest(last_message_at, :at),
                            offered_slots = :offered,
                            reminded_appointment_id = case when :forget then null else reminded_appointment_id end
                        where id = :id and tenant_id = :tenant""")
                .setParameter("offered", offeredColumn(pending.staffId(), offered))
                .setParameter("forget", forgetReminder)
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

    /**
     * Remembers that reminder-service reminded the client of an appointment in this conversation; an older
     * reminder arriving late does not replace a newer one. False when the tenant has no such conversation.
     */
    public Uni<Boolean> rememberReminder(String tenantId, String conversationId, UUID appointmentId, Instant sentAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update conversation set reminded_appointment_id = :appointment, reminded_at = :at
                        where id = :id and tenant_id = :tenant and (reminded_at is null or reminded_at <= :at)""")
                .setParameter("appointment", appointmentId)
                .setParameter("at", sentAt)
                .setParameter("id", conversationId)
                .setParameter("tenant", tenantId)
                .executeUpdate()
                .map(n -> n > 0));
    }

    /** The tenant's appointment by id if it is still BOOKED or CONFIRMED, else null. */
    public Uni<DialogState.Appointment> activeAppointment(String tenantId, UUID id) {
        if (id == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id, service_code, staff_id, starts_at, ends_at, status from appointment
                        where id = :id and tenant_id = :tenant and status in ('BOOKED', 'CONFIRMED')""",
                        Object[].class)
                .setParameter("id", id)
                .setParameter("tenant", tenantId)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : new DialogState.Appointment(Rows.uuid(rows.get(0)[0]),
                        (String) rows.get(0)[1], (String) rows.get(0)[2], Rows.instant(rows.get(0)[3]),
                        Rows.instant(rows.get(0)[4]), (String) rows.get(0)[5])));
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
                new DialogState.Pending((String) r[7], Rows.date(r[8]), Rows.time(r[9]), pendingStaff((String) r[12])),
                Rows.instant(r[10]),
                Rows.instant(r[11]), slots((String) r[12]), Rows.uuid(r[13]));
    }

    /** The marker of the preferred specialist in {@code offered_slots}. */
    static final String STAFF_MARK = "staff=";

    /**
     * {@code offered_slots}: the offered local times, comma-separated, led by {@code staff=<id>} when the client
     * asked for a specialist (kept with the offer, since a choice of "второй" books that person); null for neither.
     */
    static String offeredColumn(String staffId, List<LocalDateTime> offered) {
        List<String> parts = new java.util.ArrayList<>();
        if (staffId != null) {
            parts.add(STAFF_MARK + staffId);
        }
        offered.forEach(t -> parts.add(t.toString()));
        return parts.isEmpty() ? null : String.join(",", parts);
    }

    /** "staff=anna,2026-11-26T16:00,2026-11-26T17:00" → the local times; null → none. */
    static List<LocalDateTime> slots(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).map(String::strip).filter(p -> !p.startsWith(STAFF_MARK))
                .map(LocalDateTime::parse).toList();
    }

    /** The preferred specialist kept in {@code offered_slots}, or null. */
    static String pendingStaff(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        return Arrays.stream(stored.split(",")).map(String::strip).filter(p -> p.startsWith(STAFF_MARK))
                .map(p -> p.substring(STAFF_MARK.length())).findFirst().orElse(null);
    }
}
