package io.otklik.reminder.admin;

import io.otklik.platform.db.Rows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The operator's read of the appointment table: every tenant's booked appointments, soonest first. */
@ApplicationScoped
public class AdminAppointmentStore {

    public Uni<List<AdminAppointmentView>> list(int limit) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        select a.id, a.tenant_id, a.conversation_id, a.channel, a.status, a.starts_at, a.ends_at,
                            a.timezone
                        from appointment a where a.booked_at is not null
                        order by a.starts_at, a.id limit :limit""", Object[].class)
                .setParameter("limit", limit)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new AdminAppointmentView(Rows.uuid(r[0]), Rows.text(r[1]),
                        Rows.text(r[2]), Rows.text(r[3]), Rows.text(r[4]), Rows.instant(r[5]), Rows.instant(r[6]),
                        Rows.text(r[7])))
                        .toList())));
    }
}
