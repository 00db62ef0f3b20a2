package io.otklik.reminder.appointment;

import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.web.ProblemException;
import io.otklik.reminder.attendance.AttendanceStore;
import io.otklik.reminder.schedule.Reminder;
import io.otklik.reminder.schedule.ReminderStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Reads for the API: one tenant's appointment, its reminders and its attendance mark. */
@ApplicationScoped
public class AppointmentQueryService {

    private final AppointmentStore appointments;
    private final ReminderStore reminders;
    private final AttendanceStore marks;

    public AppointmentQueryService(AppointmentStore appointments, ReminderStore reminders, AttendanceStore marks) {
        this.appointments = appointments;
        this.reminders = reminders;
        this.marks = marks;
    }

    public Uni<AppointmentView> view(Tenant tenant, UUID id) {
        return Panache.withSession(() -> owned(tenant, id).chain(a -> marks.find(id).map(mark -> new AppointmentView(
                a.id(), a.status().name(), a.startsAt(), a.endsAt(), a.timezone(), a.serviceName(), a.staffName(),
                a.channel(), a.conversationId(), a.leadId(), mark == null ? null
                        : new AppointmentView.Attendance(mark.attended(), mark.markedBy(), mark.markedAt())))));
    }

    public Uni<List<Reminder>> reminders(Tenant tenant, UUID id) {
        return Panache.withSession(() -> owned(tenant, id).chain(a -> reminders.list(tenant.id(), id)));
    }

    /** The tenant's booked appointment; anything else (missing, another tenant's, not booked yet) is a 404. */
    private Uni<AppointmentRow> owned(Tenant tenant, UUID id) {
        return appointments.find(id).map(a -> {
            if (a == null || !a.tenantId().equals(tenant.id()) || !a.booked()) {
                throw ProblemException.notFound("no appointment " + id);
            }
            return a;
        });
    }
}
