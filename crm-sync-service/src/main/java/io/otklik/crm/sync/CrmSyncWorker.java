package io.otklik.crm.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.otklik.crm.CrmClient;
import io.otklik.crm.CrmOutcome;
import io.otklik.crm.CrmSettings;
import io.otklik.crm.LeadUpdate;
import io.otklik.events.EventJson;
import io.otklik.events.EventTypes;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.LeadStatus;
import io.otklik.events.data.LeadStatusChanged;
import io.otklik.platform.outbox.Outbox;
import io.otklik.platform.outbox.OutboxRelay;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.otklik.platform.work.DrainLoop;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Carries out the CRM sync tasks: claims due tasks in order, calls the CRM outside any transaction, then records the
 * outcome with its lead_status_changed in one transaction. Runs right after a task is written ({@link #wakeUp()})
 * and on a tick as a safety net (retries come due, a crashed replica's leases run out).
 * <p>
 * A lost answer never duplicates a lead: every attempt after the first asks the CRM for the lead stored under our
 * lead id before adding it. Retryable errors back off exponentially; others fail the task at once.
 */
@ApplicationScoped
public class CrmSyncWorker {

    private static final Logger LOG = Logger.getLogger(CrmSyncWorker.class);

    private final SyncTaskStore store;
    private final CrmClients clients;
    private final TenantRegistry tenants;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Backoff backoff;
    private final CrmSettings.Sync settings;
    private final DrainLoop loop;

    public CrmSyncWorker(SyncTaskStore store, CrmClients clients, TenantRegistry tenants, Outbox outbox,
                         OutboxRelay relay, Clock clock, Vertx vertx, CrmSettings settings) {
        this.store = store;
        this.clients = clients;
        this.tenants = tenants;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
        this.backoff = new Backoff(settings.retry().baseDelay(), settings.retry().maxDelay(),
                settings.retry().maxAttempts());
        this.settings = settings.sync();
        // a finished ADD_LEAD may have released its lead's SET_STATUS tasks: look again until idle
        this.loop = new DrainLoop("crm sync", vertx, this::runBatch, ran -> ran > 0);
    }

    /** Works off due tasks now (after the transaction that wrote them committed). */
    public void wakeUp() {
        loop.wakeUp();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        loop.stop();
    }

    @Scheduled(every = "${otklik.crm.sync.poll-interval:1s}", delayed = "${otklik.crm.sync.start-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return loop.tick();
    }

    private Uni<Integer> runBatch() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> store.claim(now, now.plus(settings.lease()), settings.batchSize()))
                .chain(tasks -> tasks.isEmpty() ? Uni.createFrom().item(0)
                        // every task's CRM call starts at once (the client batches those of one portal); the
                        // claim never hands out two tasks of one lead, so a lead's calls stay in order
                        : Multi.createFrom().iterable(tasks)
                                .onItem().transformToUni(this::call).merge(tasks.size())
                                .collect().asList()
                                // then the outcomes are recorded one after the other on this context's session
                                .chain(steps -> Multi.createFrom().iterable(steps)
                                        .onItem().transformToUniAndConcatenate(Step::record)
                                        .collect().asList())
                                .map(List::size));
    }

    /** What records a task's outcome in the database, once its CRM call is over. */
    @FunctionalInterface
    private interface Recording {
        Uni<Void> run();
    }

    private static Uni<Recording> ready(Recording recording) {
        return Uni.createFrom().item(recording);
    }

    /** A task whose CRM call is over, with what records its outcome. */
    private record Step(SyncTask task, Recording recording) {

        /** A failure to record leaves the task leased, so it comes back when the lease runs out. */
        Uni<Void> record() {
            return Uni.createFrom().deferred(recording::run)
                    .onFailure().invoke(f -> LOG.warnf("tenant=%s lead=%s task=%d not recorded, retried after its"
                            + " lease: %s", task.tenantId(), task.leadId(), task.id(), f.getClass().getSimpleName()))
                    .onFailure().recoverWithNull();
        }
    }

    /** Makes the task's CRM call(s); never fails. */
    private Uni<Step> call(SyncTask task) {
        Tenant tenant = tenants.byId(task.tenantId()).orElse(null);
        CrmClient client = clients.forTenant(tenant).orElse(null);
        Uni<Recording> recording;
        if (client == null) {
            recording = ready(() -> record(task, null, CrmOutcome.failed(0, "not_configured",
                    "tenant " + task.tenantId() + " has no supported CRM", false)));
        } else if (task.operation() == SyncTask.Operation.ADD_LEAD) {
            recording = addLead(task, tenant, client);
        } else {
            recording = setStatus(task, tenant, client);
        }
        return recording
                .onFailure().recoverWithItem(f -> (Recording) () -> record(task, client, CrmOutcome.failed(0, "internal",
                        f.getClass().getSimpleName(), true)))
                .map(r -> new Step(task, () -> r.run().invoke(relay::wakeUp)));
    }

    private Uni<Recording> addLead(SyncTask task, Tenant tenant, CrmClient client) {
        LeadCreated lead;
        try {
            lead = EventJson.mapper().readValue(task.payload(), LeadCreated.class);
        } catch (JsonProcessingException e) {
            return ready(() -> record(task, client, CrmOutcome.failed(0, "bad_payload",
                    "unreadable lead", false)));
        }
        if (task.crmLeadId() != null) {
            return ready(() -> Panache.withTransaction(() -> store.done(task.id(), clock.instant())));
        }
        Uni<CrmOutcome> outcome;
        if (task.attempt() > 1) {
            // an earlier call may have added the lead and lost the answer: reuse it rather than add a duplicate
            outcome = client.findLead(tenant, task.leadId()).chain(found -> {
                if (found.found()) {
                    LOG.infof("tenant=%s lead=%s found in %s as %s from an earlier attempt, not added again",
                            task.tenantId(), task.leadId(), client.type(), found.crmLeadId());
                    return Uni.createFrom().item(found);
                }
                return found.ok() ? client.addLead(tenant, lead) : Uni.createFrom().item(found);
            });
        } else {
            outcome = client.addLead(tenant, lead);
        }
        return outcome.map(o -> (Recording) () -> o.ok()
                ? Panache.withTransaction(() -> leadAdded(task, client, lead, o.crmLeadId()))
                : record(task, client, o));
    }

    private Uni<Void> leadAdded(SyncTask task, CrmClient client, LeadCreated lead, String crmLeadId) {
        Instant now = clock.instant();
        return store.map(task.leadId(), task.tenantId(), client.type(), crmLeadId, lead.conversationId(),
                        LeadStatus.NEW, now)
                .chain(mapped -> {
                    if (!mapped) {
                        LOG.warnf("tenant=%s lead=%s %s lead %s is mapped already, no status change", task.tenantId(),
                                task.leadId(), client.type(), crmLeadId);
                        return store.done(task.id(), now);
                    }
                    LOG.infof("tenant=%s lead=%s is %s lead %s, status NEW (attempt %d)", task.tenantId(),
                            task.leadId(), client.type(), crmLeadId, task.attempt());
                    return store.done(task.id(), now).chain(() -> publish(task, client.type(), crmLeadId,
                            lead.conversationId(), LeadStatus.NEW, null, now));
                });
    }

    private Uni<Recording> setStatus(SyncTask task, Tenant tenant,
                                                                  CrmClient client) {
        StatusChange change;
        try {
            change = EventJson.mapper().readValue(task.payload(), StatusChange.class);
        } catch (JsonProcessingException e) {
            return ready(() -> record(task, client, CrmOutcome.failed(0, "bad_payload",
                    "unreadable status change", false)));
        }
        if (task.crmLeadId() == null) {
            return ready(() -> record(task, client, CrmOutcome.failed(0, "lead_not_in_crm",
                    "the lead was never added to the CRM, its status cannot be set", false)));
        }
        LeadStatus current = task.crmStatus();
        LeadStatus target = StatusPolicy.target(current, change);
        boolean time = StatusPolicy.writesAppointment(current, change, target);
        Boolean confirmed = target == LeadStatus.CONFIRMED ? Boolean.TRUE
                : (change.cancelled() && time) || (target == LeadStatus.IN_PROCESSING && change.appointmentAt() != null)
                ? Boolean.FALSE : null;
        String crmUser = change.assignee() == null || tenant.crm() == null ? null
                : tenant.crm().users().get(change.assignee());
        LeadUpdate update = new LeadUpdate(target, time && !change.cancelled() ? change.appointmentAt() : null,
                time && change.cancelled(), confirmed, crmUser);
        if (update.isEmpty()) {
            LOG.infof("tenant=%s lead=%s is %s already, %s from %s changes nothing", task.tenantId(), task.leadId(),
                    current, change.status(), change.cause());
            return ready(() -> Panache.withTransaction(() -> store.done(task.id(), clock.instant())));
        }
        String conversationId = task.conversationId() != null ? task.conversationId() : change.conversationId();
        return client.updateLead(tenant, task.crmLeadId(), update).map(o -> (Recording) () -> {
            if (!o.ok()) {
                return record(task, client, o);
            }
            return Panache.withTransaction(() -> {
                Instant now = clock.instant();
                if (target == null) {
                    LOG.infof("tenant=%s lead=%s %s lead %s updated from %s (status %s kept, attempt %d)",
                            task.tenantId(), task.leadId(), client.type(), task.crmLeadId(), change.cause(), current,
                            task.attempt());
                    return store.done(task.id(), now);
                }
                LOG.infof("tenant=%s lead=%s %s lead %s set to %s (was %s, attempt %d)", task.tenantId(),
                        task.leadId(), client.type(), task.crmLeadId(), target, current, task.attempt());
                return store.setStatus(task.leadId(), target, now)
                        .chain(() -> store.done(task.id(), now))
                        .chain(() -> publish(task, client.type(), task.crmLeadId(), conversationId, target,
                                current, now));
            });
        });
    }

    /** A failed call: try again later while the error allows and attempts remain, else FAILED. */
    private Uni<Void> record(SyncTask task, CrmClient client, CrmOutcome failure) {
        String crm = client == null ? "crm" : client.type();
        return Panache.withTransaction(() -> {
            Instant now = clock.instant();
            if (failure.retryable() && backoff.retries(task.attempt())) {
                Instant next = backoff.nextAttemptAt(now, task.attempt());
                LOG.infof("tenant=%s lead=%s task=%d %s attempt %d: %s error=%s http=%d, retry at %s",
                        task.tenantId(), task.leadId(), task.id(), task.operation(), task.attempt(), crm,
                        failure.errorCode(), failure.httpStatus(), next);
                return store.retryAt(task.id(), next, failure.describe(), now);
            }
            // the code and status only: the CRM's description may quote the client's data
            LOG.warnf("tenant=%s lead=%s task=%d %s FAILED after %d attempt(s): %s error=%s http=%d",
                    task.tenantId(), task.leadId(), task.id(), task.operation(), task.attempt(), crm,
                    failure.errorCode(), failure.httpStatus());
            return store.failed(task.id(), failure.describe(), now);
        });
    }

    private Uni<Void> publish(SyncTask task, String crm, String crmLeadId, String conversationId, LeadStatus status,
                              LeadStatus previous, Instant now) {
        String key = conversationId != null ? conversationId : task.leadId().toString();
        return outbox.publish(EventTypes.LEAD_STATUS_CHANGED, task.tenantId(), key, key,
                        new LeadStatusChanged(task.leadId(), conversationId, crm, crmLeadId, status, previous, now,
                                LeadStatusChanged.ORIGIN_OTKLIK))
                .replaceWithVoid();
    }
}
