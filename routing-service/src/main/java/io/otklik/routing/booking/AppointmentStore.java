package io.otklik.routing.booking;

import io.otklik.platform.db.Rows;
import io.otklik.routing.dialog.DialogState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The appointment table; every method runs in the caller's session (and transaction, for writes). */
@ApplicationScoped
public class AppointmentStore {

    /** An appointment row as the admin API shows it. */
    public record Row(UUID id, String conversationId, UUID leadId, String clientId, String serviceCode,
                      String staffId, Instant startsAt, Instant endsAt, String status, Instant createdAt,
                      Instant confirmedAt, Instant cancelledAt) {
    }

    /** A new appointment. */
    public record NewAppointment(UUID id, String tenantId, String conversationId, UUID leadId, String clientId,
                                 String serviceCode, String staffId, Instant startsAt, Instant endsAt,
                                 Instant createdAt) {
    }

    private static final String COLUMNS = "id, conversation_id, lead_id, client_id, service_code, staff_id,"
            + " starts_at, ends_at, status, created_at, confirmed_at, cancelled_at";

    /**
     * Serialises bookings of one tenant until the transaction ends, so two messages cannot both take the last free
     * specialist (across replicas too: the lock lives in PostgreSQL).
     */
    public Uni<Void> lockSchedule(String tenantId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select count(*) from (select pg_advisory_xact_lock(hashtext(:tenant))) locked", Long.class)
                .setParameter("tenant", "routing-schedule:" + tenantId)
                .getSingleResult())
                .replaceWithVoid();
    }

    /** Non-cancelled appointments of the tenant overlapping [from, to). */
    public Uni<List<SlotFinder.Busy>> busy(String tenantId, Instant from, Instant to) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id, staff_id, starts_at, ends_at from appointment
                        where tenant_id = :tenant and status <> 'CANCELLED' and starts_at < :to and ends_at > :from""",
                        Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new SlotFinder.Busy(Rows.uuid(r[0]), (String) r[1],
                        Rows.instant(r[2]), Rows.instant(r[3]))).toList()));
    }

    /** The conversation's most recently made BOOKED or CONFIRMED appointment, or null. */
    public Uni<DialogState.Appointment> active(String tenantId, String conversationId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id, service_code, staff_id, starts_at, ends_at, status from appointment
                        where tenant_id = :tenant and conversation_id = :conversation
                          and status in ('BOOKED', 'CONFIRMED')
                        order by created_at desc limit 1""", Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("conversation", conversationId)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : new DialogState.Appointment(Rows.uuid(rows.get(0)[0]),
                        (String) rows.get(0)[1], (String) rows.get(0)[2], Rows.instant(rows.get(0)[3]),
                        Rows.instant(rows.get(0)[4]), (String) rows.get(0)[5])));
    }

    public Uni<Void> insert(NewAppointment a) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into appointment (id, tenant_id, conversation_id, lead_id, client_id, service_code,
                            staff_id, starts_at, ends_at, status, created_at)
                        values (:id, :tenant, :conversation, :lead, :client, :service, :staff, :startsAt, :endsAt,
                            'BOOKED', :createdAt)""")
                .setParameter("id", a.id())
                .setParameter("tenant", a.tenantId())
                .setParameter("conversation", a.conversationId())
                .setParameter("lead", a.leadId())
                .setParameter("client", a.clientId())
                .setParameter("service", a.serviceCode())
                .setParameter("staff", a.staffId())
                .setParameter("startsAt", a.startsAt())
                .setParameter("endsAt", a.endsAt())
                .setParameter("createdAt", a.createdAt())
                .executeUpdate())
                .replaceWithVoid();
    }

    /** BOOKED → CONFIRMED; true when it changed. */
    public Uni<Boolean> confirm(String tenantId, UUID id, Instant at) {
        return update("""
                update appointment set status = 'CONFIRMED', confirmed_at = :at
                where tenant_id = :tenant and id = :id and status = 'BOOKED'""", tenantId, id, at);
    }

    /** BOOKED or CONFIRMED → CANCELLED; true when it changed. */
    public Uni<Boolean> cancel(String tenantId, UUID id, Instant at) {
        return update("""
                update appointment set status = 'CANCELLED', cancelled_at = :at
                where tenant_id = :tenant and id = :id and status <> 'CANCELLED'""", tenantId, id, at);
    }

    /** Moves an active appointment; it needs the client's confirmation again. */
    public Uni<Boolean> reschedule(String tenantId, UUID id, Instant startsAt, Instant endsAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update appointment set starts_at = :startsAt, ends_at = :endsAt, status = 'BOOKED',
                            confirmed_at = null
                        where tenant_id = :tenant and id = :id and status <> 'CANCELLED'""")
                .setParameter("startsAt", startsAt)
                .setParameter("endsAt", endsAt)
                .setParameter("tenant", tenantId)
                .setParameter("id", id)
                .executeUpdate()
                .map(n -> n == 1));
    }

    /** The tenant's appointments starting in [from, to), by start. */
    public Uni<List<Row>> starting(String tenantId, Instant from, Instant to) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select " + COLUMNS
                        + " from appointment where tenant_id = :tenant and starts_at >= :from and starts_at < :to"
                        + " order by starts_at, created_at", Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList()
                .map(rows -> rows.stream().map(AppointmentStore::row).toList()));
    }

    /** The ids of a conversation's appointments, oldest first. */
    public Uni<List<UUID>> idsOfConversation(String tenantId, String conversationId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id, created_at from appointment where tenant_id = :tenant
                          and conversation_id = :conversation
                        order by created_at""", Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("conversation", conversationId)
                .getResultList()
                .map(rows -> rows.stream().map(r -> Rows.uuid(r[0])).toList()));
    }

    private Uni<Boolean> update(String sql, String tenantId, UUID id, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter("at", at)
                .setParameter("tenant", tenantId)
                .setParameter("id", id)
                .executeUpdate()
                .map(n -> n == 1));
    }

    private static Row row(Object[] r) {
        return new Row(Rows.uuid(r[0]), (String) r[1], Rows.uuid(r[2]), (String) r[3], (String) r[4],
                (String) r[5], Rows.instant(r[6]), Rows.instant(r[7]), (String) r[8], Rows.instant(r[9]),
                Rows.instant(r[10]), Rows.instant(r[11]));
    }
}
