package io.otklik.reminder.schedule;

import io.otklik.events.EventTypes;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.ReminderSent;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplyRequested;
import io.otklik.events.data.Template;
import io.otklik.platform.outbox.Outbox;
import io.otklik.platform.outbox.OutboxRelay;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.otklik.platform.work.SafeContext;
import io.otklik.reminder.appointment.AppointmentStatus;
import io.otklik.reminder.followup.FollowUpService;
import io.otklik.reminder.noshow.NoShowService;
import io.otklik.reminder.text.ReminderTexts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The clock of the service: every tick sends the reminders that came due (reply_requested + reminder_sent, written
 * to the outbox in the transaction that marks them SENT), hands unconfirmed clients to staff (follow-ups) and decides
 * the no-shows. Several replicas may tick at once: rows are taken with {@code for update skip locked}, so each
 * reminder is sent by one of them.
 */
@ApplicationScoped
public class ReminderDispatcher {

    private static final Logger LOG = Logger.getLogger(ReminderDispatcher.class);
    static final int BATCH = 100;

    private final ReminderStore reminders;
    private final NoShowService noShows;
    private final FollowUpService followUps;
    private final TenantRegistry tenants;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Vertx vertx;
    private final Clock clock;

    private volatile boolean stopped;

    public ReminderDispatcher(ReminderStore reminders, NoShowService noShows, FollowUpService followUps,
                              TenantRegistry tenants, Outbox outbox, OutboxRelay relay, Vertx vertx, Clock clock) {
        this.reminders = reminders;
        this.noShows = noShows;
        this.followUps = followUps;
        this.tenants = tenants;
        this.outbox = outbox;
        this.relay = relay;
        this.vertx = vertx;
        this.clock = clock;
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopped = true;
    }

    @Scheduled(every = "${otklik.reminders.tick:30s}", delayed = "${otklik.reminders.start-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        if (stopped) {
            return Uni.createFrom().voidItem(); // shutting down: the database pool is closing
        }
        return dispatchDue(clock.instant()).replaceWithVoid()
                .onFailure().invoke(f -> LOG.warnf("reminder tick failed, retrying on the next one: %s", f.toString()))
                .onFailure().recoverWithNull();
    }

    /**
     * Does what a tick at {@code now} does. Callable from any thread (tests drive time through it); the work runs
     * on a fresh Vert.x context, as the reactive session requires.
     */
    public Uni<DispatchResult> dispatchDue(Instant now) {
        return SafeContext.run(vertx, () -> {
            List<UUID> sent = new ArrayList<>();
            List<UUID> skipped = new ArrayList<>();
            Set<UUID> held = new LinkedHashSet<>();
            List<UUID> followedUp = new ArrayList<>();
            return remind(now, sent, skipped, held)
                    .chain(() -> followUps.sendDue(now)).invoke(followedUp::addAll)
                    .chain(() -> noShows.decideDue(now))
                    .map(marked -> new DispatchResult(List.copyOf(sent), List.copyOf(skipped), List.copyOf(marked),
                            followedUp, List.copyOf(held)));
        }).invoke(result -> {
            if (!result.sentReminders().isEmpty() || !result.noShows().isEmpty() || !result.followUps().isEmpty()) {
                relay.wakeUp();
            }
        });
    }

    /**
     * One transaction per batch, until a batch comes back short. Reminders held for quiet hours stay PENDING and are
     * left out of the following batches of this tick, so it ends.
     */
    private Uni<Void> remind(Instant now, List<UUID> sent, List<UUID> skipped, Set<UUID> held) {
        return Panache.withTransaction(() -> reminders.lockDue(now, BATCH, held).chain(due -> {
                    List<UUID> quietSkip = new ArrayList<>();
                    List<DueReminder> rest = quiet(due, now, held, quietSkip);
                    return reminders.markSkipped(quietSkip, SkipReason.QUIET_HOURS)
                            .invoke(() -> skipped.addAll(quietSkip))
                            .chain(() -> handle(rest, now, sent, skipped)).replaceWith(due.size());
                }))
                .chain(count -> count == BATCH ? remind(now, sent, skipped, held) : Uni.createFrom().voidItem());
    }

    /**
     * The due reminders a tick may send: during the tenant's quiet hours none is, each is held (joins {@code held})
     * or, when its visit starts before they end, skipped (joins {@code skip}); see {@link QuietHours#atTick}.
     */
    private List<DueReminder> quiet(List<DueReminder> due, Instant now, Set<UUID> held, List<UUID> skip) {
        List<DueReminder> rest = new ArrayList<>();
        for (DueReminder d : due) {
            Optional<Tenant> tenant = tenants.byId(d.tenantId());
            QuietHours.AtTick decision = tenant.isEmpty() ? QuietHours.AtTick.SEND
                    : QuietHours.of(tenant.get().reminders()).atTick(now, d.startsAt(),
                    zone(d.timezone(), tenant.get()));
            switch (decision) {
                case SEND -> rest.add(d);
                case HOLD -> held.add(d.reminderId());
                case SKIP -> skip.add(d.reminderId());
            }
            if (decision != QuietHours.AtTick.SEND) {
                LOG.infof("tenant=%s appointment=%s reminder=%s (%s, due %s) %s: quiet hours", d.tenantId(),
                        d.appointmentId(), d.reminderId(), d.kind(), d.dueAt(),
                        decision == QuietHours.AtTick.HOLD ? "held until they end" : "skipped, the visit starts"
                                + " before they end");
            }
        }
        return rest;
    }

    private Uni<Void> handle(List<DueReminder> due, Instant now, List<UUID> sent, List<UUID> skipped) {
        ReminderPlanner.Triage triage = ReminderPlanner.triage(due.stream()
                .map(d -> new ReminderPlanner.Due(d.reminderId(), d.appointmentId(), d.dueAt(), d.startsAt()))
                .toList(), now);
        Set<UUID> toSend = new HashSet<>(triage.send());
        Map<UUID, String> skip = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (DueReminder d : due) {
            if (!toSend.contains(d.reminderId())) {
                String reason = now.isBefore(d.startsAt()) ? SkipReason.SUPERSEDED : SkipReason.VISIT_STARTED;
                LOG.infof("tenant=%s appointment=%s reminder=%s (%s, due %s) skipped: %s", d.tenantId(),
                        d.appointmentId(), d.reminderId(), d.kind(), d.dueAt(), reason);
                skip.put(d.reminderId(), reason);
                continue;
            }
            Optional<Tenant> tenant = tenants.byId(d.tenantId());
            Optional<String> unsendable = tenant.isEmpty() ? Optional.of(SkipReason.TENANT_MISSING)
                    : unsendable(d);
            if (unsendable.isPresent()) {
                LOG.warnf("tenant=%s appointment=%s reminder=%s (%s) skipped: %s", d.tenantId(), d.appointmentId(),
                        d.reminderId(), d.kind(), unsendable.get());
                skip.put(d.reminderId(), unsendable.get());
                continue;
            }
            chain = chain.chain(() -> send(d, tenant.get(), now)).invoke(() -> sent.add(d.reminderId()));
        }
        return chain.chain(() -> reminders.markSkipped(skip)).invoke(() -> skipped.addAll(skip.keySet()));
    }

    /** Why a reminder cannot be requested at all: reply_requested needs a conversation, an account and a recipient. */
    private static Optional<String> unsendable(DueReminder d) {
        if (d.conversationId() == null) {
            return Optional.of(SkipReason.unsendable("conversation"));
        }
        if (d.channelAccountId() == null) {
            return Optional.of(SkipReason.unsendable("channel_account"));
        }
        if (d.contactUserId() == null) {
            return Optional.of(SkipReason.unsendable("contact"));
        }
        try {
            Channel.valueOf(String.valueOf(d.channel()));
        } catch (IllegalArgumentException e) {
            return Optional.of(SkipReason.unsendable("channel"));
        }
        return Optional.empty();
    }

    private Uni<Void> send(DueReminder d, Tenant tenant, Instant now) {
        Channel channel = Channel.valueOf(d.channel());
        ReminderTexts.Visit visit = new ReminderTexts.Visit(d.startsAt(), zone(d.timezone(), tenant), d.serviceName(),
                d.staffName(), d.contactName(), tenant.segment(),
                d.appointmentStatus() == AppointmentStatus.CONFIRMED, tenant.reminders().note());
        // a reminder is usually outside WhatsApp's 24-hour window, where only an approved template gets through;
        // without one ingest-service falls back to the tenant's reply template, else SMS
        Tenant.WhatsApp account = tenant.channels().whatsapp();
        Template template = channel == Channel.WHATSAPP && account != null
                ? ReminderTexts.whatsAppTemplate(visit, account.reminderTemplate()) : null;
        UUID replyId = UUID.randomUUID();
        ReplyRequested reply = new ReplyRequested(replyId, d.conversationId(), channel, d.channelAccountId(),
                new Contact(d.contactUserId(), d.contactName(), d.contactPhone()), ReminderTexts.text(visit, now),
                ReplyKind.REMINDER, null, null, template, ReminderTexts.buttons(visit));
        ReminderSent reminderSent = new ReminderSent(d.reminderId(), d.appointmentId(), d.conversationId(), channel,
                d.kind(), d.dueAt(), now, d.variant(),
                ReminderExperiments.variants(tenant, d.conversationId(), d.variant()));
        return reminders.markSent(d.reminderId(), now, replyId)
                .chain(() -> outbox.publish(EventTypes.REPLY_REQUESTED, d.tenantId(), d.key(), d.key(), reply))
                .chain(() -> outbox.publish(EventTypes.REMINDER_SENT, d.tenantId(), d.key(), d.key(), reminderSent))
                .invoke(() -> LOG.infof("tenant=%s appointment=%s conversation=%s reminder=%s (%s) sent on %s as"
                                + " reply %s", d.tenantId(), d.appointmentId(), d.conversationId(), d.reminderId(),
                        d.kind(), channel, replyId))
                .replaceWithVoid();
    }

    private static ZoneId zone(String timezone, Tenant tenant) {
        if (timezone != null) {
            try {
                return ZoneId.of(timezone);
            } catch (DateTimeException e) {
                // fall back to the tenant's zone
            }
        }
        return tenant.zone();
    }
}
