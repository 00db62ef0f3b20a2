package io.otklik.reminder.appointment;

import io.otklik.events.EventEnvelope;
import io.otklik.events.InvalidEventException;
import io.otklik.events.data.AppointmentBooked;
import io.otklik.events.data.AppointmentCancelled;
import io.otklik.events.data.AppointmentConfirmed;
import io.otklik.events.data.AppointmentRescheduled;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.otklik.reminder.followup.FollowUpService;
import io.otklik.reminder.schedule.ReminderPlanner;
import io.otklik.reminder.schedule.ReminderSettings;
import io.otklik.reminder.schedule.ReminderStatus;
import io.otklik.reminder.schedule.ReminderStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Applies routing-service's appointment events to the stored appointments and their reminders. Each method runs
 * inside the consuming transaction (EventHandling), so the change and the inbox mark commit together.
 *
 * <p>The four events travel on four topics, so one may overtake another (a confirmation processed before its
 * booking). An event for an appointment not seen yet is kept as a placeholder row holding what it says; the booking
 * completes that row later and plans reminders only if the appointment is still open. Booking is always the first
 * fact of an appointment, so whatever a placeholder holds (status, start) is newer than the booking and wins.
 */
@ApplicationScoped
public class AppointmentEventService {

    private static final Logger LOG = Logger.getLogger(AppointmentEventService.class);

    private final AppointmentStore appointments;
    private final ReminderStore reminders;
    private final TenantRegistry tenants;
    private final ReminderSettings settings;
    private final java.time.Clock clock;
    private final FollowUpService followUps;

    public AppointmentEventService(AppointmentStore appointments, ReminderStore reminders, TenantRegistry tenants,
                                   ReminderSettings settings, java.time.Clock clock, FollowUpService followUps) {
        this.appointments = appointments;
        this.reminders = reminders;
        this.tenants = tenants;
        this.settings = settings;
        this.clock = clock;
        this.followUps = followUps;
    }

    public Uni<Void> booked(EventEnvelope<AppointmentBooked> event) {
        Tenant tenant = tenant(event);
        AppointmentBooked d = event.data();
        UUID id = required(d.appointmentId(), "appointmentId", event);
        required(d.startsAt(), "startsAt", event);
        String timezone = validZone(d.timezone()) ? d.timezone() : tenant.timezone();
        Instant now = clock.instant();
        return upsert(id,
                () -> appointments.insertBooked(tenant.id(), d, timezone, now),
                () -> plan(tenant, id, d.conversationId(), timezone, d.startsAt(), now).invoke(planned -> LOG.infof(
                        "tenant=%s appointment=%s conversation=%s booked for %s: %d reminder(s) planned",
                        tenant.id(), id, d.conversationId(), d.startsAt(), planned)).replaceWithVoid(),
                row -> completeBooking(tenant, event, row, timezone, now))
                .chain(() -> followUps.track(tenant, id, now));
    }

    private Uni<Void> completeBooking(Tenant tenant, EventEnvelope<AppointmentBooked> event, AppointmentRow row,
                                      String timezone, Instant now) {
        AppointmentBooked d = event.data();
        if (!sameTenant(row, event)) {
            return Uni.createFrom().voidItem();
        }
        if (row.booked()) {
            LOG.infof("tenant=%s appointment=%s is booked already; booking event %s changes nothing", tenant.id(),
                    row.id(), event.id());
            return Uni.createFrom().voidItem();
        }
        // The placeholder's start came from a later event (confirmed, cancelled, rescheduled); keep the duration.
        Instant endsAt = row.endsAt() != null ? row.endsAt()
                : d.endsAt() == null ? null : row.startsAt().plus(Duration.between(d.startsAt(), d.endsAt()));
        AppointmentRow merged = new AppointmentRow(row.id(), row.tenantId(),
                row.conversationId() != null ? row.conversationId() : d.conversationId(),
                row.leadId() != null ? row.leadId() : d.leadId(), d.clientId(),
                d.channel() == null ? null : d.channel().name(), d.channelAccountId(),
                d.contact() == null ? null : d.contact().channelUserId(),
                d.contact() == null ? null : d.contact().displayName(),
                d.contact() == null ? null : d.contact().phone(), d.serviceCode(), d.serviceName(), d.staffId(),
                d.staffName(), row.startsAt(), endsAt, timezone, row.status(), now, now);
        Uni<Void> complete = appointments.completePlaceholder(merged, now);
        if (!row.status().open()) {
            LOG.infof("tenant=%s appointment=%s booked after it became %s: stored, no reminders", tenant.id(),
                    row.id(), row.status());
            return complete;
        }
        return complete.chain(() -> plan(tenant, row.id(), merged.conversationId(), timezone, row.startsAt(), now))
                .invoke(planned -> LOG.infof("tenant=%s appointment=%s booking arrived after a later event (%s, %s):"
                        + " %d reminder(s) planned", tenant.id(), row.id(), row.status(), row.startsAt(), planned))
                .replaceWithVoid();
    }

    public Uni<Void> confirmed(EventEnvelope<AppointmentConfirmed> event) {
        Tenant tenant = tenant(event);
        AppointmentConfirmed d = event.data();
        UUID id = required(d.appointmentId(), "appointmentId", event);
        Instant startsAt = required(d.startsAt(), "startsAt", event);
        Instant now = clock.instant();
        return upsert(id,
                () -> appointments.insertPlaceholder(tenant.id(), id, d.conversationId(), d.leadId(), startsAt, null,
                        AppointmentStatus.CONFIRMED, now),
                () -> placeholderLogged(tenant, id, "confirmation"),
                row -> {
                    if (!sameTenant(row, event)) {
                        return Uni.createFrom().voidItem();
                    }
                    if (row.status() != AppointmentStatus.BOOKED) {
                        LOG.infof("tenant=%s appointment=%s is %s; confirmation %s changes nothing", tenant.id(), id,
                                row.status(), event.id());
                        return Uni.createFrom().voidItem();
                    }
                    // Reminders stay: a confirmed client is still reminded, with a text that does not ask again.
                    LOG.infof("tenant=%s appointment=%s confirmed via %s", tenant.id(), id, d.via());
                    return appointments.setStatus(id, AppointmentStatus.CONFIRMED, now);
                }).chain(() -> followUps.track(tenant, id, now));
    }

    public Uni<Void> cancelled(EventEnvelope<AppointmentCancelled> event) {
        Tenant tenant = tenant(event);
        AppointmentCancelled d = event.data();
        UUID id = required(d.appointmentId(), "appointmentId", event);
        Instant startsAt = required(d.startsAt(), "startsAt", event);
        Instant now = clock.instant();
        return upsert(id,
                () -> appointments.insertPlaceholder(tenant.id(), id, d.conversationId(), d.leadId(), startsAt, null,
                        AppointmentStatus.CANCELLED, now),
                () -> placeholderLogged(tenant, id, "cancellation"),
                row -> {
                    if (!sameTenant(row, event)) {
                        return Uni.createFrom().voidItem();
                    }
                    if (!row.status().open()) {
                        LOG.infof("tenant=%s appointment=%s is %s; cancellation %s changes nothing", tenant.id(), id,
                                row.status(), event.id());
                        return Uni.createFrom().voidItem();
                    }
                    return appointments.setStatus(id, AppointmentStatus.CANCELLED, now)
                            .chain(() -> reminders.closePending(id, ReminderStatus.CANCELLED))
                            .invoke(n -> LOG.infof("tenant=%s appointment=%s cancelled: %d pending reminder(s)"
                                    + " cancelled", tenant.id(), id, n))
                            .replaceWithVoid();
                }).chain(() -> followUps.track(tenant, id, now));
    }

    public Uni<Void> rescheduled(EventEnvelope<AppointmentRescheduled> event) {
        Tenant tenant = tenant(event);
        AppointmentRescheduled d = event.data();
        UUID id = required(d.appointmentId(), "appointmentId", event);
        Instant startsAt = required(d.startsAt(), "startsAt", event);
        Instant now = clock.instant();
        return upsert(id,
                () -> appointments.insertPlaceholder(tenant.id(), id, d.conversationId(), d.leadId(), startsAt,
                        d.endsAt(), AppointmentStatus.BOOKED, now),
                () -> placeholderLogged(tenant, id, "reschedule"),
                row -> {
                    if (!sameTenant(row, event)) {
                        return Uni.createFrom().voidItem();
                    }
                    if (!row.status().open()) {
                        LOG.infof("tenant=%s appointment=%s is %s; reschedule %s changes nothing", tenant.id(), id,
                                row.status(), event.id());
                        return Uni.createFrom().voidItem();
                    }
                    Instant endsAt = d.endsAt() != null ? d.endsAt()
                            : row.endsAt() == null ? null
                            : startsAt.plus(Duration.between(row.startsAt(), row.endsAt()));
                    Uni<Integer> moved = appointments.moveTo(id, startsAt, endsAt, now)
                            .chain(() -> reminders.closePending(id, ReminderStatus.CANCELLED));
                    if (!row.booked()) {
                        // a placeholder: the booking, when it comes, plans from the new start
                        return moved.replaceWithVoid();
                    }
                    return moved.chain(cancelled -> plan(tenant, id, row.conversationId(), row.timezone(), startsAt,
                            now)
                            .invoke(planned -> LOG.infof("tenant=%s appointment=%s moved %s -> %s: %d pending"
                                    + " reminder(s) replaced by %d", tenant.id(), id, row.startsAt(), startsAt,
                                    cancelled, planned)))
                            .replaceWithVoid();
                }).chain(() -> followUps.track(tenant, id, now));
    }

    /**
     * Inserts when the appointment is new; otherwise (or when a concurrent consumer inserted it first) applies the
     * event to the locked row, so two topics racing on one new appointment never fail each other.
     */
    private Uni<Void> upsert(UUID id, java.util.function.Supplier<Uni<Boolean>> insert,
                             java.util.function.Supplier<Uni<Void>> afterInsert,
                             Function<AppointmentRow, Uni<Void>> applyToExisting) {
        return appointments.lock(id).chain(row -> {
            if (row != null) {
                return applyToExisting.apply(row);
            }
            return insert.get().chain(inserted -> inserted
                    ? afterInsert.get()
                    : appointments.lock(id).chain(existing -> applyToExisting.apply(existing)));
        });
    }

    /** Plans the visit's reminders (ReminderPlanner: experiment arm, quiet hours in the visit's zone). */
    private Uni<Integer> plan(Tenant tenant, UUID id, String conversationId, String timezone, Instant startsAt,
                              Instant now) {
        ZoneId zone = validZone(timezone) ? ZoneId.of(timezone) : tenant.zone();
        ReminderPlanner.Plan plan = ReminderPlanner.plan(tenant, conversationId, id, startsAt, zone, now,
                settings.minLead());
        return reminders.addPending(tenant.id(), id, plan.reminders(), plan.variant(), now)
                .replaceWith(plan.reminders().size());
    }

    private static Uni<Void> placeholderLogged(Tenant tenant, UUID id, String what) {
        LOG.infof("tenant=%s appointment=%s %s arrived before the booking: kept, applied when the booking comes",
                tenant.id(), id, what);
        return Uni.createFrom().voidItem();
    }

    private static boolean sameTenant(AppointmentRow row, EventEnvelope<?> event) {
        if (row.tenantId().equals(event.tenantId())) {
            return true;
        }
        LOG.warnf("appointment=%s belongs to tenant %s but event %s (%s) says tenant %s: ignored", row.id(),
                row.tenantId(), event.id(), event.type(), event.tenantId());
        return false;
    }

    /** The event's tenant; an unknown one makes the event a dead letter (with this reason) rather than a guess. */
    private Tenant tenant(EventEnvelope<?> event) {
        return tenants.byId(event.tenantId()).orElseThrow(() -> new InvalidEventException(
                event.type() + " " + event.id() + " names unknown tenant '" + event.tenantId() + "'"));
    }

    private static <T> T required(T value, String field, EventEnvelope<?> event) {
        if (value == null) {
            throw new InvalidEventException(event.type() + " " + event.id() + " has no data." + field);
        }
        return value;
    }

    private static boolean validZone(String zone) {
        if (zone == null || zone.isBlank()) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
