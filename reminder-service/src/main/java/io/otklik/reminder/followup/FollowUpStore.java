package io.otklik.reminder.followup;

import io.otklik.reminder.appointment.AppointmentRow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The follow-up columns of the appointment table, through native SQL in the caller's session or transaction. */
@ApplicationScoped
public class FollowUpStore {

    /**
     * Arms the follow-up for {@code dueAt}; returns whether anything changed. A follow-up already SENT for the same
     * deadline stays SENT (a redelivered booking must not hand the client over twice); a new deadline (a reschedule)
     * arms it again.
     */
    public Uni<Boolean> arm(UUID appointmentId, Instant dueAt, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update appointment set follow_up_due_at = :due, follow_up_status = 'PENDING',
                            follow_up_sent_at = null, follow_up_staff_id = null, follow_up_skip_reason = null,
                            updated_at = :now
                        where id = :id
                          and not (coalesce(follow_up_status, '') in ('PENDING', 'SENT')
                                   and follow_up_due_at = :due)""")
                .setParameter("due", dueAt)
                .setParameter("now", now)
                .setParameter("id", appointmentId)
                .executeUpdate()
                .map(n -> n == 1));
    }

    /** Disarms a pending follow-up (CANCELLED); returns whether there was one. */
    public Uni<Boolean> disarm(UUID appointmentId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update appointment set follow_up_status = 'CANCELLED'
                        where id = :id and follow_up_status = 'PENDING'""")
                .setParameter("id", appointmentId)
                .executeUpdate()
                .map(n -> n == 1));
    }

    /**
     * Booked appointments whose follow-up is PENDING and due by {@code now}, earliest first, locked; rows another
     * replica (or a consumer changing the appointment) holds are skipped and taken by a later tick.
     */
    public Uni<List<AppointmentRow>> lockDue(Instant now, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select " + AppointmentRow.COLUMNS
                        + """
                         from appointment a
                        where a.follow_up_status = 'PENDING' and a.follow_up_due_at <= :now
                          and a.booked_at is not null
                        order by a.follow_up_due_at
                        limit :limit
                        for update of a skip locked""", Object[].class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList()
                .map(rows -> rows.stream().map(AppointmentRow::of).toList()));
    }

    /** The follow-up went out to {@code staffId}. Only a PENDING one changes, so it is marked SENT once. */
    public Uni<Boolean> markSent(UUID appointmentId, String staffId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update appointment set follow_up_status = 'SENT', follow_up_sent_at = :now,
                            follow_up_staff_id = :staff
                        where id = :id and follow_up_status = 'PENDING'""")
                .setParameter("now", now)
                .setParameter("staff", staffId)
                .setParameter("id", appointmentId)
                .executeUpdate()
                .map(n -> n == 1));
    }

    /** A due follow-up that does not go out: SKIPPED with the reason, or CANCELLED (reason null). */
    public Uni<Void> close(UUID appointmentId, String status, String skipReason) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update appointment set follow_up_status = :status, follow_up_skip_reason = :reason
                        where id = :id and follow_up_status = 'PENDING'""")
                .setParameter("status", status)
                .setParameter("reason", skipReason)
                .setParameter("id", appointmentId)
                .executeUpdate()
                .replaceWithVoid());
    }
}
