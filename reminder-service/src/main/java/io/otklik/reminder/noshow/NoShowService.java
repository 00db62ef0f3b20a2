package io.otklik.reminder.noshow;

import io.otklik.events.EventTypes;
import io.otklik.events.data.NoShow;
import io.otklik.platform.outbox.Outbox;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.otklik.reminder.appointment.AppointmentRow;
import io.otklik.reminder.appointment.AppointmentStatus;
import io.otklik.reminder.appointment.AppointmentStore;
import io.otklik.reminder.schedule.ReminderStatus;
import io.otklik.reminder.schedule.ReminderStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Turns missed visits into {@code no_show}: by the tenant's timeout ({@link NoShowPolicy}) or a staff member's mark. */
@ApplicationScoped
public class NoShowService {

    private static final Logger LOG = Logger.getLogger(NoShowService.class);
    static final int BATCH = 100;

    private final AppointmentStore appointments;
    private final ReminderStore reminders;
    private final TenantRegistry tenants;
    private final Outbox outbox;

    public NoShowService(AppointmentStore appointments, ReminderStore reminders, TenantRegistry tenants,
                         Outbox outbox) {
        this.appointments = appointments;
        this.reminders = reminders;
        this.tenants = tenants;
        this.outbox = outbox;
    }

    /**
     * Decides every no-show due at {@code now}, tenant by tenant, a transaction per batch; returns the appointments
     * marked. The caller relays the outbox afterwards.
     */
    public Uni<List<UUID>> decideDue(Instant now) {
        List<UUID> marked = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Tenant tenant : tenants.all()) {
            chain = chain.chain(() -> decideDue(tenant, now, marked));
        }
        return chain.replaceWith(marked);
    }

    private Uni<Void> decideDue(Tenant tenant, Instant now, List<UUID> marked) {
        int hours = tenant.reminders().noShowAfterHours();
        Instant startedBy = now.minus(Duration.ofHours(hours));
        return Panache.withTransaction(() -> appointments.lockUnmarkedStartedBy(tenant.id(), startedBy, BATCH)
                        .chain(rows -> {
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (AppointmentRow row : rows) {
                                // the query selects exactly these; the policy stays the one place that decides
                                if (NoShowPolicy.isNoShow(new NoShowPolicy.Visit(row.status(), false, row.startsAt()),
                                        hours, now)) {
                                    chain = chain.chain(() -> record(row, NoShowPolicy.MARKED_BY, now))
                                            .invoke(() -> marked.add(row.id()));
                                }
                            }
                            return chain.replaceWith(rows.size());
                        }))
                .chain(count -> count == BATCH ? decideDue(tenant, now, marked) : Uni.createFrom().voidItem());
    }

    /**
     * Inside the caller's transaction: the appointment becomes NO_SHOW, its pending reminders are skipped, and
     * {@code no_show} is written to the outbox.
     */
    public Uni<Void> record(AppointmentRow a, String markedBy, Instant now) {
        NoShow data = new NoShow(a.id(), a.conversationId(), a.leadId(), a.startsAt(), now, markedBy);
        return appointments.setStatus(a.id(), AppointmentStatus.NO_SHOW, now)
                .chain(() -> reminders.closePending(a.id(), ReminderStatus.SKIPPED))
                .chain(() -> outbox.publish(EventTypes.NO_SHOW, a.tenantId(), a.key(), a.key(), data))
                .invoke(() -> LOG.infof("tenant=%s appointment=%s conversation=%s no-show (started %s), marked by %s",
                        a.tenantId(), a.id(), a.conversationId(), a.startsAt(), markedBy))
                .replaceWithVoid();
    }
}
