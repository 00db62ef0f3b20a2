package io.otklik.reminder.noshow;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.InvalidEventException;
import io.otklik.events.data.LeadStatus;
import io.otklik.events.data.LeadStatusChanged;
import io.otklik.events.data.NoShow;
import io.otklik.platform.experiment.Experiments;
import io.otklik.platform.outbox.Outbox;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.otklik.reminder.appointment.AppointmentRow;
import io.otklik.reminder.appointment.AppointmentStatus;
import io.otklik.reminder.appointment.AppointmentStore;
import io.otklik.reminder.followup.FollowUpStore;
import io.otklik.reminder.schedule.ReminderStatus;
import io.otklik.reminder.schedule.ReminderStore;
import io.otklik.reminder.schedule.SkipReason;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns missed visits into {@code no_show}, exactly once per appointment: by the tenant's timeout
 * ({@link NoShowPolicy}, only where the tenant enables it), a staff member's mark, or the lead's CRM status set to
 * NO_SHOW by a manager. Every path decides on the locked appointment row while it is still open, so no two of them
 * both emit.
 */
@ApplicationScoped
public class NoShowService {

    private static final Logger LOG = Logger.getLogger(NoShowService.class);
    static final int BATCH = 100;

    private final AppointmentStore appointments;
    private final ReminderStore reminders;
    private final FollowUpStore followUps;
    private final TenantRegistry tenants;
    private final Outbox outbox;
    private final Clock clock;

    public NoShowService(AppointmentStore appointments, ReminderStore reminders, FollowUpStore followUps,
                         TenantRegistry tenants, Outbox outbox, Clock clock) {
        this.appointments = appointments;
        this.reminders = reminders;
        this.followUps = followUps;
        this.tenants = tenants;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Decides every no-show due at {@code now}, tenant by tenant (those with the timeout on), a transaction per
     * batch; returns the appointments marked. The caller relays the outbox afterwards.
     */
    public Uni<List<UUID>> decideDue(Instant now) {
        List<UUID> marked = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Tenant tenant : tenants.all()) {
            if (tenant.reminders().noShowByTimeout()) {
                chain = chain.chain(() -> decideDue(tenant, now, marked));
            }
        }
        return chain.replaceWith(marked);
    }

    private Uni<Void> decideDue(Tenant tenant, Instant now, List<UUID> marked) {
        Integer hours = tenant.reminders().noShowAfterHours();
        Instant endedBy = now.minus(Duration.ofHours(hours));
        return Panache.withTransaction(() -> appointments.lockUnmarkedEndedBy(tenant.id(), endedBy, BATCH)
                        .chain(rows -> {
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (AppointmentRow row : rows) {
                                // the query selects exactly these; the policy stays the one place that decides
                                if (NoShowPolicy.isNoShow(new NoShowPolicy.Visit(row.status(), false, row.startsAt(),
                                        row.endsAt()), hours, now)) {
                                    chain = chain.chain(() -> record(row, NoShowPolicy.MARKED_BY, now))
                                            .invoke(() -> marked.add(row.id()));
                                }
                            }
                            return chain.replaceWith(rows.size());
                        }))
                .chain(count -> count == BATCH ? decideDue(tenant, now, marked) : Uni.createFrom().voidItem());
    }

    /**
     * Inside the consuming transaction: a manager set the lead's CRM status to NO_SHOW ({@code origin} {@code crm};
     * our own writes echo back as {@code otklik} and are ignored). The lead's open appointment that has started
     * (the latest), else its latest open one, becomes NO_SHOW with {@code markedBy} {@code crm}. When that visit is
     * a no-show already (a repeated change, or the timeout or staff decided first), or the lead has no open
     * appointment, it is logged and ignored: no second event, no dead letter.
     */
    public Uni<Void> crmStatusChanged(EventEnvelope<LeadStatusChanged> event) {
        Tenant tenant = tenants.byId(event.tenantId()).orElseThrow(() -> new InvalidEventException(
                event.type() + " " + event.id() + " names unknown tenant '" + event.tenantId() + "'"));
        LeadStatusChanged d = event.data();
        if (d.status() != LeadStatus.NO_SHOW) {
            return Uni.createFrom().voidItem(); // only the no-show status concerns reminders
        }
        if (!LeadStatusChanged.ORIGIN_CRM.equals(d.origin())) {
            LOG.debugf("tenant=%s lead=%s NO_SHOW with origin %s (not a manager's change): ignored", tenant.id(),
                    d.leadId(), d.origin());
            return Uni.createFrom().voidItem();
        }
        if (d.leadId() == null) {
            LOG.infof("tenant=%s CRM lead %s NO_SHOW names no Otklik lead: ignored", tenant.id(), d.crmLeadId());
            return Uni.createFrom().voidItem();
        }
        if (d.previousStatus() == LeadStatus.NO_SHOW) {
            LOG.infof("tenant=%s lead=%s was NO_SHOW already in the CRM: ignored", tenant.id(), d.leadId());
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return appointments.lockForLeadStatus(tenant.id(), d.leadId(), now).chain(row -> {
            if (row == null) {
                LOG.infof("tenant=%s lead=%s CRM status NO_SHOW (event %s): no open appointment of this lead,"
                        + " nothing to mark", tenant.id(), d.leadId(), event.id());
                return Uni.createFrom().voidItem();
            }
            if (row.status() == AppointmentStatus.NO_SHOW) {
                LOG.infof("tenant=%s lead=%s appointment=%s is a no-show already; CRM status change %s adds"
                        + " nothing", tenant.id(), d.leadId(), row.id(), event.id());
                return Uni.createFrom().voidItem();
            }
            return record(row, NoShowPolicy.MARKED_BY_CRM, now);
        });
    }

    /**
     * Inside the caller's transaction, on the locked open appointment: it becomes NO_SHOW, its pending reminders are
     * skipped ({@code no_show}), its follow-up is disarmed, and {@code no_show} is written to the outbox.
     */
    public Uni<Void> record(AppointmentRow a, String markedBy, Instant now) {
        return variants(a).chain(variants -> {
            NoShow data = new NoShow(a.id(), a.conversationId(), a.leadId(), a.startsAt(), now, markedBy, variants);
            return appointments.setStatus(a.id(), AppointmentStatus.NO_SHOW, now)
                    .chain(() -> reminders.closePending(a.id(), ReminderStatus.SKIPPED, SkipReason.NO_SHOW))
                    .chain(() -> followUps.disarm(a.id()))
                    .chain(() -> outbox.publish(EventTypes.NO_SHOW, a.tenantId(), a.key(), a.key(), data))
                    .invoke(() -> LOG.infof("tenant=%s appointment=%s conversation=%s no-show (started %s), marked"
                            + " by %s", a.tenantId(), a.id(), a.conversationId(), a.startsAt(), markedBy))
                    .replaceWithVoid();
        });
    }

    /**
     * The experiment arms the no-show is judged under: the conversation's arm of every experiment of the tenant (the
     * stable assignment routing-service put on appointment_booked), with the reminder experiment's arm taken from
     * the appointment's reminders where they name one.
     */
    private Uni<Map<String, String>> variants(AppointmentRow a) {
        Optional<Tenant> tenant = tenants.byId(a.tenantId());
        if (tenant.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Map<String, String> arms = new LinkedHashMap<>(Experiments.variants(tenant.get(), a.conversationId()));
        List<Tenant.Experiment> reminderExperiments = tenant.get().experiments("reminders");
        if (reminderExperiments.isEmpty()) {
            return Uni.createFrom().item(arms);
        }
        return reminders.variantOf(a.id()).map(variant -> {
            if (variant != null) {
                arms.put(reminderExperiments.get(0).id(), variant);
            }
            return arms;
        });
    }
}
