package io.otklik.reminder.followup;

import io.otklik.events.EventTypes;
import io.otklik.events.data.Channel;
import io.otklik.events.data.HandoffRequested;
import io.otklik.platform.experiment.Experiments;
import io.otklik.platform.outbox.Outbox;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.otklik.reminder.appointment.AppointmentRow;
import io.otklik.reminder.appointment.AppointmentStatus;
import io.otklik.reminder.appointment.AppointmentStore;
import io.otklik.reminder.schedule.SkipReason;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Follows up unconfirmed bookings (issue 8, item 4): keeps each appointment's follow-up in line with its state
 * (armed at {@code startsAt − confirmBy} while BOOKED, disarmed otherwise) and, on every tick, hands the clients who
 * have still not confirmed to the on-duty staff member as {@code handoff_requested}. Due follow-ups are claimed with
 * {@code for update skip locked} on the appointment row, the same row confirmations and cancellations lock, so each
 * one goes out once even with several replicas.
 */
@ApplicationScoped
public class FollowUpService {

    private static final Logger LOG = Logger.getLogger(FollowUpService.class);
    static final int BATCH = 100;

    private final AppointmentStore appointments;
    private final FollowUpStore followUps;
    private final TenantRegistry tenants;
    private final Outbox outbox;

    public FollowUpService(AppointmentStore appointments, FollowUpStore followUps, TenantRegistry tenants,
                           Outbox outbox) {
        this.appointments = appointments;
        this.followUps = followUps;
        this.tenants = tenants;
        this.outbox = outbox;
    }

    /** Refuses to start with a {@code reminders.confirmBy} that would fail at the first booking. */
    void onStart(@Observes StartupEvent start) {
        for (Tenant tenant : tenants.all()) {
            try {
                FollowUpPolicy.confirmBy(tenant.reminders());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("tenants.yaml: tenant '" + tenant.id() + "': " + e.getMessage());
            }
        }
    }

    /**
     * Inside the caller's transaction, after an appointment event changed the (locked) row: arms the follow-up of a
     * booked, unconfirmed appointment whose deadline is still ahead (booking, reschedule) and disarms it otherwise
     * (confirmed, cancelled, moved too close to the visit). A placeholder waits for its booking.
     */
    public Uni<Void> track(Tenant tenant, UUID appointmentId, Instant now) {
        return appointments.find(appointmentId).chain(row -> {
            if (row == null || !row.booked() || !row.tenantId().equals(tenant.id())) {
                return Uni.createFrom().voidItem();
            }
            Optional<Instant> due = row.status() == AppointmentStatus.BOOKED
                    ? FollowUpPolicy.dueAt(row.startsAt(), tenant.reminders(), now) : Optional.empty();
            if (due.isPresent()) {
                return followUps.arm(row.id(), due.get(), now).invoke(changed -> {
                    if (changed) {
                        LOG.infof("tenant=%s appointment=%s follow-up armed for %s", row.tenantId(), row.id(),
                                due.get());
                    }
                }).replaceWithVoid();
            }
            return followUps.disarm(row.id()).invoke(changed -> {
                if (changed) {
                    LOG.infof("tenant=%s appointment=%s (%s, starts %s) follow-up disarmed", row.tenantId(), row.id(),
                            row.status(), row.startsAt());
                }
            }).replaceWithVoid();
        });
    }

    /**
     * Hands every follow-up due at {@code now} to staff, a transaction per batch; returns the appointments handed
     * over. The caller relays the outbox afterwards.
     */
    public Uni<List<UUID>> sendDue(Instant now) {
        List<UUID> sent = new ArrayList<>();
        return sendDue(now, sent).replaceWith(sent);
    }

    private Uni<Void> sendDue(Instant now, List<UUID> sent) {
        return Panache.withTransaction(() -> followUps.lockDue(now, BATCH)
                        .chain(rows -> {
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (AppointmentRow row : rows) {
                                chain = chain.chain(() -> handle(row, now, sent));
                            }
                            return chain.replaceWith(rows.size());
                        }))
                .chain(count -> count == BATCH ? sendDue(now, sent) : Uni.createFrom().voidItem());
    }

    private Uni<Void> handle(AppointmentRow row, Instant now, List<UUID> sent) {
        Optional<Tenant> tenant = tenants.byId(row.tenantId());
        FollowUpPolicy.Decision decision = tenant.isEmpty()
                ? new FollowUpPolicy.Decision(FollowUpPolicy.Outcome.SKIP, SkipReason.TENANT_MISSING)
                : FollowUpPolicy.decide(new FollowUpPolicy.Visit(row.status(), row.startsAt(), missing(row)), now);
        Optional<Tenant.Staff> staff = tenant.flatMap(t -> FollowUpPolicy.assignee(t, now));
        if (decision.outcome() == FollowUpPolicy.Outcome.SEND && staff.isEmpty()) {
            decision = new FollowUpPolicy.Decision(FollowUpPolicy.Outcome.SKIP, "no_staff");
        }
        switch (decision.outcome()) {
            case CANCEL -> {
                LOG.infof("tenant=%s appointment=%s follow-up dropped: %s", row.tenantId(), row.id(),
                        decision.reason());
                return followUps.close(row.id(), "CANCELLED", null);
            }
            case SKIP -> {
                LOG.warnf("tenant=%s appointment=%s conversation=%s follow-up skipped: %s", row.tenantId(), row.id(),
                        row.conversationId(), decision.reason());
                return followUps.close(row.id(), "SKIPPED", decision.reason());
            }
            default -> {
                return send(row, tenant.get(), staff.get(), now).invoke(marked -> {
                    if (marked) {
                        sent.add(row.id());
                    }
                }).replaceWithVoid();
            }
        }
    }

    /** Marks the follow-up SENT and writes handoff_requested; false when it was no longer pending. */
    private Uni<Boolean> send(AppointmentRow row, Tenant tenant, Tenant.Staff staff, Instant now) {
        String summary = FollowUpPolicy.summary(row.startsAt(), row.zone(tenant.zone()), row.serviceName(),
                row.staffName(), tenant.segment(), row.contactName(), row.contactPhone());
        HandoffRequested handoff = new HandoffRequested(row.leadId(), row.conversationId(),
                Channel.valueOf(row.channel()), staff.id(), staff.role(), staff.telegramChatId(), summary, false,
                Experiments.variants(tenant, row.conversationId()), HandoffRequested.NOT_CONFIRMED, row.id());
        return followUps.markSent(row.id(), staff.id(), now)
                .chain(marked -> !marked ? Uni.createFrom().item(false)
                        : outbox.publish(EventTypes.HANDOFF_REQUESTED, row.tenantId(), row.key(), row.key(), handoff)
                        .invoke(() -> LOG.infof("tenant=%s appointment=%s conversation=%s not confirmed by %s:"
                                        + " handed to staff=%s (%s) for a call", row.tenantId(), row.id(),
                                row.conversationId(), now, staff.id(), FollowUpPolicy.REASON))
                        .replaceWith(true));
    }

    /** What handoff_requested needs and the booking lacks, or null. */
    private static String missing(AppointmentRow row) {
        if (row.leadId() == null) {
            return "lead";
        }
        if (row.conversationId() == null) {
            return "conversation";
        }
        try {
            Channel.valueOf(String.valueOf(row.channel()));
        } catch (IllegalArgumentException e) {
            return "channel";
        }
        return null;
    }
}
