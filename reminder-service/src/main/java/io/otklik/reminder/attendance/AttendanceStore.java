package io.otklik.reminder.attendance;

import io.otklik.platform.db.Rows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** The attendance table, through native SQL in the caller's session or transaction. */
@ApplicationScoped
public class AttendanceStore {

    /** A staff member's mark of one appointment. */
    public record Mark(UUID appointmentId, boolean attended, String markedBy, Instant markedAt) {
    }

    /** The appointment's mark, or null. */
    public Uni<Mark> find(UUID appointmentId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select appointment_id, attended, marked_by, marked_at from attendance"
                                + " where appointment_id = :id", Object[].class)
                .setParameter("id", appointmentId)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : new Mark(Rows.uuid(rows.get(0)[0]), Rows.bool(rows.get(0)[1]),
                        Rows.text(rows.get(0)[2]), Rows.instant(rows.get(0)[3]))));
    }

    /** Stores the mark; false when the appointment has one already. */
    public Uni<Boolean> insert(String tenantId, Mark mark) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into attendance (appointment_id, tenant_id, attended, marked_by, marked_at)
                        values (:id, :tenant, :attended, :markedBy, :markedAt)
                        on conflict (appointment_id) do nothing""")
                .setParameter("id", mark.appointmentId())
                .setParameter("tenant", tenantId)
                .setParameter("attended", mark.attended())
                .setParameter("markedBy", mark.markedBy())
                .setParameter("markedAt", mark.markedAt())
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }
}
