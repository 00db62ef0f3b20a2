package io.otklik.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.otklik.crm.CrmOutcome;
import io.otklik.crm.CrmSettings;
import io.otklik.crm.bitrix24.InboundEventStore.InboundEvent;
import io.otklik.crm.sync.Backoff;
import io.otklik.crm.sync.StatusPolicy;
import io.otklik.events.EventTypes;
import io.otklik.events.data.LeadStatus;
import io.otklik.events.data.LeadStatusChanged;
import io.otklik.platform.outbox.Outbox;
import io.otklik.platform.outbox.OutboxRelay;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.otklik.platform.work.DrainLoop;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns recorded Bitrix24 lead updates (webhook or offline queue) into {@code lead_status_changed}: reads the lead
 * with crm.lead.get outside any transaction (behind the portal's rate limit), maps its STATUS_ID
 * ({@link Bitrix24StatusMap}) and, in one transaction with the lead row locked, compares it with the status we know.
 * <ul>
 *   <li>the same status → nothing (the echo of our own write, or a change already announced: the webhook and the
 *   offline queue reporting one change give one event);</li>
 *   <li>a pending sync task writing that status → nothing (the echo of a call in flight; the worker announces it);</li>
 *   <li>otherwise → {@code crm_lead.status} updated and lead_status_changed with origin {@code crm} and the previous
 *   status, through the outbox.</li>
 * </ul>
 * Runs right after an event is recorded ({@link #wakeUp()}) and on a tick; failed reads back off like sync tasks.
 */
@ApplicationScoped
public class Bitrix24InboundProcessor {

    private static final Logger LOG = Logger.getLogger(Bitrix24InboundProcessor.class);

    private final InboundEventStore store;
    private final Bitrix24Reader reader;
    private final TenantRegistry tenants;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Backoff backoff;
    private final CrmSettings.Inbound settings;
    private final String confirmedField;
    private final DrainLoop loop;

    public Bitrix24InboundProcessor(InboundEventStore store, Bitrix24Reader reader, TenantRegistry tenants,
                                    Outbox outbox, OutboxRelay relay, Clock clock, Vertx vertx,
                                    CrmSettings settings) {
        this.store = store;
        this.reader = reader;
        this.tenants = tenants;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
        this.backoff = new Backoff(settings.retry().baseDelay(), settings.retry().maxDelay(),
                settings.retry().maxAttempts());
        this.settings = settings.inbound();
        this.confirmedField = settings.bitrix24().confirmedField();
        this.loop = new DrainLoop("crm inbound", vertx, this::runBatch, ran -> ran > 0);
    }

    /** Processes due events now (after the transaction that recorded them committed). */
    public void wakeUp() {
        loop.wakeUp();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        loop.stop();
    }

    @Scheduled(every = "${otklik.crm.inbound.poll-interval:5s}", delayed = "${otklik.crm.sync.start-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return loop.tick();
    }

    private Uni<Integer> runBatch() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> store.claim(now, now.plus(settings.lease()), settings.batchSize()))
                .chain(events -> {
                    if (events.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    // one read per lead: Bitrix24 sends only the id, the lead's current state covers all its events
                    Map<UUID, List<InboundEvent>> byLead = new LinkedHashMap<>();
                    events.forEach(e -> byLead.computeIfAbsent(e.leadId(), l -> new ArrayList<>()).add(e));
                    return Multi.createFrom().iterable(byLead.values())
                            .onItem().transformToUniAndConcatenate(this::process)
                            .collect().asList()
                            .map(done -> events.size());
                });
    }

    /** One lead's events; a failure to record leaves them leased, so they come back when the lease runs out. */
    private Uni<Void> process(List<InboundEvent> events) {
        InboundEvent event = events.get(0);
        Tenant tenant = tenants.byId(event.tenantId()).orElse(null);
        Instant readAt = clock.instant();
        Uni<Void> done;
        if (tenant == null || tenant.crm() == null || !Bitrix24Client.TYPE.equals(tenant.crm().type())) {
            done = failed(events, readAt, CrmOutcome.failed(0, "not_configured",
                    "tenant " + event.tenantId() + " has no Bitrix24 connection", false));
        } else {
            done = reader.getLead(tenant, event.crmLeadId()).chain(lead -> lead.failure() != null
                    ? failed(events, readAt, lead.failure())
                    : read(events, tenant, readAt, lead.fields()));
        }
        return done.invoke(relay::wakeUp)
                .onFailure().invoke(f -> LOG.warnf("tenant=%s lead=%s inbound event %d not recorded, retried after"
                        + " its lease: %s", event.tenantId(), event.leadId(), event.id(), f.getClass().getSimpleName()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> read(List<InboundEvent> events, Tenant tenant, Instant readAt, JsonNode fields) {
        InboundEvent event = events.get(0);
        String statusId = text(fields.path("STATUS_ID"));
        boolean confirmed = "Y".equalsIgnoreCase(fields.path(confirmedField).asText(""))
                || "1".equals(fields.path(confirmedField).asText(""));
        LeadStatus status = Bitrix24StatusMap.toOurs(tenant.crm().statuses(), settings.noShowStatusId(), statusId,
                text(fields.path("STATUS_SEMANTIC_ID")), confirmed);
        return Panache.withTransaction(() -> {
            Instant now = clock.instant();
            if (status == null) {
                LOG.infof("tenant=%s lead=%s Bitrix24 lead %s has status %s, which maps to none of ours",
                        event.tenantId(), event.leadId(), event.crmLeadId(), statusId);
                return processed(events, readAt, statusId, null, "unmapped status " + statusId, now);
            }
            return store.lockLead(event.leadId()).chain(known -> {
                if (known == null) {
                    return processed(events, readAt, statusId, status, "lead not mapped", now);
                }
                if (known.status() == status) {
                    LOG.debugf("tenant=%s lead=%s Bitrix24 lead %s is %s as we know it, nothing to announce",
                            event.tenantId(), event.leadId(), event.crmLeadId(), status);
                    return processed(events, readAt, statusId, status, null, now);
                }
                return store.writePending(event.leadId(), status).chain(pending -> {
                    // a pending write the worker would skip (it never moves a lead back) announces nothing itself
                    if (pending && StatusPolicy.movesForward(known.status(), status)) {
                        LOG.infof("tenant=%s lead=%s Bitrix24 lead %s shows %s that our pending write sets,"
                                + " left to it", event.tenantId(), event.leadId(), event.crmLeadId(), status);
                        return processed(events, readAt, statusId, status, null, now);
                    }
                    LOG.infof("tenant=%s lead=%s Bitrix24 lead %s changed in the CRM: %s -> %s (%s, %s)",
                            event.tenantId(), event.leadId(), event.crmLeadId(), known.status(), status, statusId,
                            event.source());
                    String key = known.conversationId() != null ? known.conversationId() : event.leadId().toString();
                    return store.setStatusOf(event.leadId(), status, now)
                            .chain(() -> processed(events, readAt, statusId, status, null, now))
                            .chain(() -> outbox.publish(EventTypes.LEAD_STATUS_CHANGED, event.tenantId(), key, key,
                                    new LeadStatusChanged(event.leadId(), known.conversationId(),
                                            Bitrix24Client.TYPE, event.crmLeadId(), status, known.status(), now,
                                            LeadStatusChanged.ORIGIN_CRM)))
                            .replaceWithVoid();
                });
            });
        });
    }

    private Uni<Void> processed(List<InboundEvent> events, Instant readAt, String statusId, LeadStatus status,
                                String error, Instant now) {
        Multi<InboundEvent> all = Multi.createFrom().iterable(events);
        return all.onItem().transformToUniAndConcatenate(e -> store.processed(e.id(), e.leadId(), readAt, statusId,
                        status, error, now))
                .collect().last().replaceWithVoid();
    }

    /** A failed read: again later while the error allows and attempts remain, else processed with the reason. */
    private Uni<Void> failed(List<InboundEvent> events, Instant readAt, CrmOutcome failure) {
        InboundEvent event = events.get(0);
        return Panache.withTransaction(() -> {
            Instant now = clock.instant();
            if (failure.retryable() && backoff.retries(event.attempt())) {
                Instant next = backoff.nextAttemptAt(now, event.attempt());
                LOG.infof("tenant=%s lead=%s crm.lead.get of %s attempt %d: error=%s http=%d, retry at %s",
                        event.tenantId(), event.leadId(), event.crmLeadId(), event.attempt(), failure.errorCode(),
                        failure.httpStatus(), next);
                return Multi.createFrom().iterable(events)
                        .onItem().transformToUniAndConcatenate(e -> store.retryAt(e.id(), next, failure.describe()))
                        .collect().last().replaceWithVoid();
            }
            LOG.warnf("tenant=%s lead=%s crm.lead.get of %s given up after %d attempt(s): error=%s http=%d",
                    event.tenantId(), event.leadId(), event.crmLeadId(), event.attempt(), failure.errorCode(),
                    failure.httpStatus());
            return processed(events, readAt, null, null, failure.describe(), now);
        });
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.asText().isBlank() ? null : node.asText().strip();
    }
}
