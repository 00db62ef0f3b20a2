package io.otklik.routing.booking;

import io.otklik.platform.db.Rows;
import io.otklik.routing.dialog.DialogState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
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

    /** The outcome of a move. */
    public enum Move {
        MOVED,
        /** no active appointment with that id */
        NOT_FOUND,
        /** it would overlap another appointment of the specialist */
        SLOT_TAKEN
    }

    /** A dated day off stored through the admin API. */
    public record DayOff(String staffId, LocalDate day, String reason, Instant createdAt) {
    }

    /** The SQLSTATE of an exclusion-constraint violation. */
    static final String EXCLUSION_VIOLATION = "23P01";

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

    /**
     * What occupies the tenant's staff in [from, to): non-cancelled appointments, and days off stored through the
     * admin API (with a null appointment id).
     */
    public Uni<List<SlotFinder.Busy>> busy(String tenantId, Instant from, Instant to) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id, staff_id, starts_at, ends_at from appointment
                        where tenant_id = :tenant and status <> 'CANCELLED' and starts_at < :to and ends_at > :from
                        union all
                        select null, staff_id, starts_at, ends_at from staff_day_off
                        where tenant_id = :tenant and starts_at < :to and ends_at > :from""",
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

    /**
     * Inserts the appointment; fails with {@link SlotTakenException} when the database refuses it as overlapping
     * (nothing was written; the transaction stays usable, e.g. to roll back to a savepoint).
     */
    public Uni<Void> insert(NewAppointment a) {
        return book(a).invoke(booked -> {
            if (!booked) {
                throw new SlotTakenException(a.staffId());
            }
        }).replaceWithVoid();
    }

    /**
     * Inserts the appointment unless it overlaps another non-cancelled one of the specialist: false then. The
     * arbiter is the database's exclusion constraint {@code appointment_no_overlap} ({@code on conflict do nothing}:
     * PostgreSQL's speculative insertion waits for a concurrent uncommitted overlapping row and skips the insert if
     * that one commits), not a read before the write, so it holds under concurrent requests, and the caller's
     * transaction stays usable (the Vert.x client rolls a transaction back after any failed statement, so a 23P01
     * error could not be caught and recovered from inside it).
     */
    public Uni<Boolean> book(NewAppointment a) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into appointment (id, tenant_id, conversation_id, lead_id, client_id, service_code,
                            staff_id, starts_at, ends_at, status, created_at)
                        values (:id, :tenant, :conversation, :lead, :client, :service, :staff, :startsAt, :endsAt,
                            'BOOKED', :createdAt)
                        on conflict do nothing""")
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
                .map(n -> n == 1);
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

    /**
     * Moves an active appointment; it needs the client's confirmation again. True when moved; fails with
     * {@link SlotTakenException} when the new time overlaps another appointment of the specialist.
     */
    public Uni<Boolean> reschedule(String tenantId, UUID id, Instant startsAt, Instant endsAt) {
        return move(tenantId, id, startsAt, endsAt, null).map(m -> {
            if (m == Move.SLOT_TAKEN) {
                throw new SlotTakenException("of appointment " + id);
            }
            return m == Move.MOVED;
        });
    }

    /**
     * Moves an active appointment, optionally to another specialist (null keeps theirs). The update skips itself when
     * an overlapping active appointment of the specialist is visible; should a concurrent transaction take the time
     * between that check and the write, the exclusion constraint fails the statement with SQLSTATE 23P01 and the
     * transaction rolls back: callers map that with {@link #exclusionViolation} at the transaction boundary.
     */
    public Uni<Move> move(String tenantId, UUID id, Instant startsAt, Instant endsAt, String staffId) {
        String staff = staffId == null ? "a.staff_id" : ":staff";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery("""
                    update appointment a set starts_at = :startsAt, ends_at = :endsAt, status = 'BOOKED',
                        confirmed_at = null, staff_id = %1$s
                    where a.tenant_id = :tenant and a.id = :id and a.status <> 'CANCELLED'
                      and not exists (select 1 from appointment o where o.tenant_id = a.tenant_id
                          and o.staff_id = %1$s and o.id <> a.id and o.status <> 'CANCELLED'
                          and tstzrange(o.starts_at, o.ends_at) && tstzrange(:startsAt, :endsAt))"""
                    .formatted(staff));
            if (staffId != null) {
                query.setParameter("staff", staffId);
            }
            return query.setParameter("startsAt", startsAt)
                    .setParameter("endsAt", endsAt)
                    .setParameter("tenant", tenantId)
                    .setParameter("id", id)
                    .executeUpdate();
        }).chain(n -> n == 1 ? Uni.createFrom().item(Move.MOVED)
                : find(tenantId, id).map(row -> row == null || "CANCELLED".equals(row.status()) ? Move.NOT_FOUND
                        : Move.SLOT_TAKEN));
    }

    /** One appointment of the tenant, or null. */
    public Uni<Row> find(String tenantId, UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select " + COLUMNS
                        + " from appointment where tenant_id = :tenant and id = :id", Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("id", id)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : row(rows.get(0))));
    }

    /** Stores a dated day off covering [startsAt, endsAt); false when that day is already stored. */
    public Uni<Boolean> addDayOff(String tenantId, String staffId, LocalDate day, Instant startsAt, Instant endsAt,
                                  String reason, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into staff_day_off (tenant_id, staff_id, day, starts_at, ends_at, reason, created_at)
                        values (:tenant, :staff, :day, :startsAt, :endsAt, :reason, :at)
                        on conflict do nothing""")
                .setParameter("tenant", tenantId)
                .setParameter("staff", staffId)
                .setParameter("day", day)
                .setParameter("startsAt", startsAt)
                .setParameter("endsAt", endsAt)
                .setParameter("reason", reason)
                .setParameter("at", at)
                .executeUpdate()
                .map(n -> n == 1));
    }

    /** Removes a stored day off; false when there was none. */
    public Uni<Boolean> removeDayOff(String tenantId, String staffId, LocalDate day) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        delete from staff_day_off where tenant_id = :tenant and staff_id = :staff and day = :day""")
                .setParameter("tenant", tenantId)
                .setParameter("staff", staffId)
                .setParameter("day", day)
                .executeUpdate()
                .map(n -> n == 1));
    }

    /** The stored days off of the tenant's staff (of one person when staffId is set) in [from, to]. */
    public Uni<List<DayOff>> daysOff(String tenantId, String staffId, LocalDate from, LocalDate to) {
        String staffFilter = staffId == null ? "" : " and staff_id = :staff";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery("select staff_id, day, reason, created_at from staff_day_off"
                    + " where tenant_id = :tenant" + staffFilter + " and day between :from and :to"
                    + " order by day, staff_id", Object[].class);
            if (staffId != null) {
                query.setParameter("staff", staffId);
            }
            return query.setParameter("tenant", tenantId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new DayOff((String) r[0], Rows.date(r[1]), (String) r[2],
                        Rows.instant(r[3]))).toList());
        });
    }

    /** Marks a point of the current transaction to return to with {@link #rollbackTo}. */
    public Uni<Void> savepoint(String name) {
        return statement("savepoint " + requireName(name));
    }

    /** Undoes the current transaction's writes since the savepoint; the transaction goes on. */
    public Uni<Void> rollbackTo(String name) {
        return statement("rollback to savepoint " + requireName(name));
    }

    private static String requireName(String name) {
        if (!name.matches("[a-z_]{1,40}")) {
            throw new IllegalArgumentException("savepoint names are lower-case letters and underscores");
        }
        return name;
    }

    private static Uni<Void> statement(String sql) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql).executeUpdate())
                .replaceWithVoid();
    }

    /** Whether the failure is PostgreSQL's exclusion-constraint violation (SQLSTATE 23P01): the slot is taken. */
    public static boolean exclusionViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && EXCLUSION_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
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
