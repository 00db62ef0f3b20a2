package io.otklik.crm.bitrix24;

import io.otklik.crm.CrmSettings;
import io.otklik.crm.sync.SyncTaskStore;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Bitrix24 never retries an outbound event, so a webhook call that was lost (we were down, the network failed) is
 * found again in the portal's offline event queue: every {@code otklik.crm.inbound.reconcile-interval} this job reads
 * {@code event.offline.get} ({@code clear=0}), records the ONCRMLEADUPDATE of our leads like webhook ones (once per
 * MESSAGE_ID), and only then confirms the page with {@code event.offline.clear} (process id and message ids), so a
 * crash in between loses nothing. The processor then reads each lead; a change already announced from the webhook
 * gives no second event. Needs the portal to deliver ONCRMLEADUPDATE offline (an app that bound the event with
 * {@code event_type=offline}); without it the call fails and the job logs it once per run.
 */
@ApplicationScoped
public class Bitrix24OfflineReconciler {

    public static final String SOURCE = "offline";
    /** Pages read per tenant and run, so one busy portal cannot hold the job for long. */
    static final int MAX_PAGES = 20;
    private static final Logger LOG = Logger.getLogger(Bitrix24OfflineReconciler.class);

    private final TenantRegistry tenants;
    private final Bitrix24Reader reader;
    private final InboundEventStore store;
    private final SyncTaskStore leads;
    private final Bitrix24InboundProcessor processor;
    private final Clock clock;
    private final CrmSettings.Inbound settings;
    /** Tenants whose last event.offline.get failed (warned about once). */
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    public Bitrix24OfflineReconciler(TenantRegistry tenants, Bitrix24Reader reader, InboundEventStore store,
                                     SyncTaskStore leads, Bitrix24InboundProcessor processor, Clock clock,
                                     CrmSettings settings) {
        this.tenants = tenants;
        this.reader = reader;
        this.store = store;
        this.leads = leads;
        this.processor = processor;
        this.clock = clock;
        this.settings = settings.inbound();
    }

    @Scheduled(every = "${otklik.crm.inbound.reconcile-interval:5m}", delayed = "${otklik.crm.sync.start-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return reconcile().onFailure().invoke(f -> LOG.warnf("Bitrix24 offline reconcile failed: %s",
                f.getClass().getSimpleName())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Reads every Bitrix24 tenant's offline queue; returns how many lead events were recorded. */
    public Uni<Integer> reconcile() {
        List<Tenant> bitrix = tenants.all().stream()
                .filter(t -> t.crm() != null && Bitrix24Client.TYPE.equals(t.crm().type())
                        && tenants.secret(t.crm().webhookUrlEnv()).isPresent())
                .toList();
        return Multi.createFrom().iterable(bitrix)
                .onItem().transformToUniAndConcatenate(t -> pages(t, 0, 0))
                .collect().asList()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum())
                .invoke(recorded -> {
                    if (recorded > 0) {
                        processor.wakeUp();
                    }
                });
    }

    private Uni<Integer> pages(Tenant tenant, int page, int recordedSoFar) {
        int limit = settings.offlinePageSize();
        return reader.offlineEvents(tenant, limit).chain(found -> {
            if (found.failure() != null) {
                // a portal without offline delivery fails every run: warn once, then until it works again quietly
                boolean first = failing.add(tenant.id());
                LOG.logf(first ? Logger.Level.WARN : Logger.Level.DEBUG, "tenant=%s Bitrix24 event.offline.get"
                        + " failed: error=%s http=%d (offline events need the portal's app to bind ONCRMLEADUPDATE"
                        + " with event_type=offline)", tenant.id(), found.failure().errorCode(),
                        found.failure().httpStatus());
                return Uni.createFrom().item(recordedSoFar);
            }
            if (failing.remove(tenant.id())) {
                LOG.infof("tenant=%s Bitrix24 event.offline.get works again", tenant.id());
            }
            if (found.size() == 0 || found.processId() == null) {
                return Uni.createFrom().item(recordedSoFar);
            }
            return Panache.withTransaction(() -> record(tenant, found.events()))
                    .chain(recorded -> reader.clearOffline(tenant, found.processId(),
                                    found.events().stream().map(Bitrix24Reader.OfflineEvent::messageId).toList())
                            .chain(cleared -> {
                                if (!cleared.ok()) {
                                    // the records stay in the queue and come back; MESSAGE_ID keeps them recorded once
                                    LOG.warnf("tenant=%s Bitrix24 event.offline.clear failed: error=%s http=%d",
                                            tenant.id(), cleared.errorCode(), cleared.httpStatus());
                                    return Uni.createFrom().item(recordedSoFar + recorded);
                                }
                                if (recorded > 0) {
                                    LOG.infof("tenant=%s %d Bitrix24 lead update(s) recorded from the offline"
                                            + " queue", tenant.id(), recorded);
                                }
                                return found.size() >= limit && page + 1 < MAX_PAGES
                                        ? pages(tenant, page + 1, recordedSoFar + recorded)
                                        : Uni.createFrom().item(recordedSoFar + recorded);
                            }));
        });
    }

    private Uni<Integer> record(Tenant tenant, List<Bitrix24Reader.OfflineEvent> events) {
        Instant now = clock.instant();
        return Multi.createFrom().iterable(events)
                .filter(e -> Bitrix24EventService.LEAD_UPDATE.equalsIgnoreCase(e.event())
                        && e.crmLeadId().matches("[1-9][0-9]{0,18}"))
                .onItem().transformToUniAndConcatenate(e -> leads.leadOf(tenant.id(), Bitrix24Client.TYPE,
                                e.crmLeadId())
                        .chain(leadId -> leadId == null ? Uni.createFrom().item(false)
                                : store.record(tenant.id(), Bitrix24Client.TYPE, Bitrix24EventService.LEAD_UPDATE,
                                        e.crmLeadId(), leadId, SOURCE, e.messageId(), now)))
                .collect().asList()
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count());
    }
}
