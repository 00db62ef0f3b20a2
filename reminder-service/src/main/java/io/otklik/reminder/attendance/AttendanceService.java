package io.otklik.reminder.attendance;

import io.otklik.platform.outbox.OutboxRelay;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.web.ProblemException;
import io.otklik.reminder.appointment.AppointmentRow;
import io.otklik.reminder.appointment.AppointmentStatus;
import io.otklik.reminder.appointment.AppointmentStore;
import io.otklik.reminder.followup.FollowUpStore;
import io.otklik.reminder.noshow.NoShowService;
import io.otklik.reminder.schedule.ReminderStatus;
import io.otklik.reminder.schedule.ReminderStore;
import io.otklik.reminder.schedule.SkipReason;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Staff attendance marks: one per appointment. "Did not come" becomes a {@code no_show} event (once, even if the
 * timeout decided it before); "came" settles the appointment. The appointment row is locked for the mark, so a
 * mark and the no-show sweep never both decide.
 */
@ApplicationScoped
public class AttendanceService {

    private static final Logger LOG = Logger.getLogger(AttendanceService.class);

    private final AppointmentStore appointments;
    private final AttendanceStore marks;
    private final ReminderStore reminders;
    private final NoShowService noShows;
    private final FollowUpStore followUps;
    private final OutboxRelay relay;
    private final Clock clock;

    public AttendanceService(AppointmentStore appointments, AttendanceStore marks, ReminderStore reminders,
                             NoShowService noShows, FollowUpStore followUps, OutboxRelay relay, Clock clock) {
        this.appointments = appointments;
        this.marks = marks;
        this.reminders = reminders;
        this.noShows = noShows;
        this.followUps = followUps;
        this.relay = relay;
        this.clock = clock;
    }

    public Uni<AttendanceView> mark(Tenant tenant, UUID appointmentId, boolean attended, String markedBy) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> appointments.lock(appointmentId)
                        .chain(row -> {
                            check(tenant, appointmentId, row, attended, now);
                            return marks.find(appointmentId).chain(existing -> {
                                if (existing != null) {
                                    throw alreadyMarked(existing);
                                }
                                AttendanceStore.Mark mark = new AttendanceStore.Mark(appointmentId, attended,
                                        markedBy, now);
                                return marks.insert(tenant.id(), mark).chain(inserted -> {
                                    if (!inserted) {
                                        throw alreadyMarked(mark);
                                    }
                                    return settle(row, mark);
                                });
                            });
                        }))
                .invoke(relay::wakeUp);
    }

    private static void check(Tenant tenant, UUID id, AppointmentRow row, boolean attended, Instant now) {
        // another tenant's appointment is reported exactly like a missing one
        if (row == null || !row.tenantId().equals(tenant.id()) || !row.booked()) {
            throw ProblemException.notFound("no appointment " + id);
        }
        if (row.status() == AppointmentStatus.CANCELLED) {
            throw conflict("appointment " + id + " was cancelled; there is no attendance to mark");
        }
        if (!attended && now.isBefore(row.startsAt())) {
            throw conflict("appointment " + id + " starts at " + row.startsAt()
                    + "; a missed visit can be marked once it has started");
        }
    }

    private Uni<AttendanceView> settle(AppointmentRow row, AttendanceStore.Mark mark) {
        Uni<Void> change;
        AppointmentStatus status;
        if (mark.attended()) {
            status = AppointmentStatus.ATTENDED;
            if (row.status() == AppointmentStatus.NO_SHOW) {
                // no_show is out already and the contract has no event that takes it back: logged for the operator
                LOG.warnf("tenant=%s appointment=%s marked attended by %s after the timeout had declared a no-show",
                        row.tenantId(), row.id(), mark.markedBy());
            }
            change = appointments.setStatus(row.id(), status, mark.markedAt())
                    .chain(() -> reminders.closePending(row.id(), ReminderStatus.SKIPPED, SkipReason.ATTENDED))
                    .chain(() -> followUps.disarm(row.id())).replaceWithVoid();
        } else {
            status = AppointmentStatus.NO_SHOW;
            change = row.status() == AppointmentStatus.NO_SHOW
                    ? Uni.createFrom().voidItem() // the timeout emitted no_show already: once is enough
                    : noShows.record(row, mark.markedBy(), mark.markedAt());
        }
        return change.invoke(() -> LOG.infof("tenant=%s appointment=%s attendance marked %s by %s", row.tenantId(),
                        row.id(), mark.attended() ? "attended" : "missed", mark.markedBy()))
                .replaceWith(new AttendanceView(row.id(), mark.attended(), mark.markedBy(), mark.markedAt(),
                        status.name()));
    }

    private static ProblemException alreadyMarked(AttendanceStore.Mark existing) {
        return conflict("appointment " + existing.appointmentId() + " was already marked "
                + (existing.attended() ? "attended" : "not attended") + " by " + existing.markedBy() + " at "
                + existing.markedAt() + "; a mark is final");
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, null);
    }

    /** The stored mark of an appointment, or null (inside the caller's session). */
    public Uni<AttendanceStore.Mark> find(UUID appointmentId) {
        return marks.find(appointmentId);
    }
}
