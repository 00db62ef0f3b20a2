package io.otklik.reminder.schedule;

import io.otklik.platform.db.Rows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The reminder table, through native SQL in the caller's session or transaction. */
@ApplicationScoped
public class ReminderStore {

    /** Adds pending reminders; one already pending of the same kind is kept (the partial unique index). */
    public Uni<Void> addPending(String tenantId, UUID appointmentId, List<ReminderPlanner.PlannedReminder> planned,
                                String variant, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ReminderPlanner.PlannedReminder p : planned) {
            // one statement after the other: a reactive session runs one operation at a time
            chain = chain.chain(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                            insert into reminder (id, tenant_id, appointment_id, kind, due_at, status, variant,
                                created_at)
                            values (:id, :tenant, :appointment, :kind, :due, 'PENDING', :variant, :now)
                            on conflict (appointment_id, kind) where status = 'PENDING' do nothing""")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("tenant", tenantId)
                    .setParameter("appointment", appointmentId)
                    .setParameter("kind", p.kind())
                    .setParameter("due", p.dueAt())
                    .setParameter("variant", variant)
                    .setParameter("now", now)
                    .executeUpdate()
                    .replaceWithVoid()));
        }
        return chain;
    }

    /** Ends the appointment's pending reminders with the given status; returns how many. */
    public Uni<Integer> closePending(UUID appointmentId, ReminderStatus status) {
        return closePending(appointmentId, status, null);
    }

    /**
     * Ends the appointment's pending reminders with the given status and, for SKIPPED, why ({@link SkipReason});
     * returns how many.
     */
    public Uni<Integer> closePending(UUID appointmentId, ReminderStatus status, String skipReason) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update reminder set status = :status, skip_reason = :reason
                        where appointment_id = :appointment and status = 'PENDING'""")
                .setParameter("status", status.name())
                .setParameter("reason", status == ReminderStatus.SKIPPED ? skipReason : null)
                .setParameter("appointment", appointmentId)
                .executeUpdate());
    }

    public Uni<List<Reminder>> list(String tenantId, UUID appointmentId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id, appointment_id, kind, due_at, status, sent_at, reply_id, variant, skip_reason
                        from reminder
                        where tenant_id = :tenant and appointment_id = :appointment
                        order by due_at, created_at""", Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("appointment", appointmentId)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new Reminder(Rows.uuid(r[0]), Rows.uuid(r[1]),
                        Rows.text(r[2]), Rows.instant(r[3]), ReminderStatus.valueOf((String) r[4]),
                        Rows.instant(r[5]), Rows.uuid(r[6]), Rows.text(r[7]), Rows.text(r[8]))).toList()));
    }

    /**
     * Pending reminders due by {@code now} of open, booked appointments, earliest first; reminder and appointment
     * rows are locked, and rows another replica holds are skipped.
     */
    public Uni<List<DueReminder>> lockDue(Instant now, int limit) {
        return lockDue(now, limit, List.of());
    }

    /** {@link #lockDue(Instant, int)} leaving out the given reminders (those a tick holds back and keeps pending). */
    public Uni<List<DueReminder>> lockDue(Instant now, int limit, Collection<UUID> except) {
        String exclude = except.isEmpty() ? "" : " and r.id not in (:except)";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery("select " + DueReminder.COLUMNS
                            + """
                             from reminder r join appointment a on a.id = r.appointment_id
                            where r.status = 'PENDING' and r.due_at <= :now
                              and a.status in ('BOOKED', 'CONFIRMED') and a.booked_at is not null"""
                            + exclude + """

                            order by r.due_at
                            limit :limit
                            for update of r, a skip locked""", Object[].class)
                    .setParameter("now", now)
                    .setParameter("limit", limit);
            if (!except.isEmpty()) {
                query.setParameter("except", List.copyOf(except));
            }
            return query.getResultList().map(rows -> rows.stream().map(DueReminder::of).toList());
        });
    }

    public Uni<Void> markSent(UUID reminderId, Instant sentAt, UUID replyId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update reminder set status = 'SENT', sent_at = :sentAt, reply_id = :reply where id = :id")
                .setParameter("sentAt", sentAt)
                .setParameter("reply", replyId)
                .setParameter("id", reminderId)
                .executeUpdate()
                .replaceWithVoid());
    }

    /** Skips pending reminders, each with its reason ({@link SkipReason}): reminder id → reason. */
    public Uni<Void> markSkipped(Map<UUID, String> reasons) {
        Map<String, List<UUID>> byReason = new LinkedHashMap<>();
        reasons.forEach((id, reason) -> byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(id));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<UUID>> e : byReason.entrySet()) {
            chain = chain.chain(() -> markSkipped(e.getValue(), e.getKey()));
        }
        return chain;
    }

    /** Skips pending reminders for one reason ({@link SkipReason}). */
    public Uni<Void> markSkipped(List<UUID> reminderIds, String reason) {
        if (reminderIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update reminder set status = 'SKIPPED', skip_reason = :reason
                        where id in (:ids) and status = 'PENDING'""")
                .setParameter("reason", reason)
                .setParameter("ids", reminderIds)
                .executeUpdate()
                .replaceWithVoid());
    }

    /** The reminder-experiment arm the appointment's reminders were planned under, or null. */
    public Uni<String> variantOf(UUID appointmentId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select variant from reminder where appointment_id = :appointment and variant is not null
                        order by created_at desc limit 1""", String.class)
                .setParameter("appointment", appointmentId)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : rows.get(0)));
    }
}
