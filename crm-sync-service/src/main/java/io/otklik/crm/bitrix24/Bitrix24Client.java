package io.otklik.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.otklik.crm.CrmClient;
import io.otklik.crm.CrmOutcome;
import io.otklik.crm.CrmSettings;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.LeadStatus;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.otklik.crm.LeadUpdate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Bitrix24 through the tenant's inbound webhook ({@code crm.webhookUrlEnv}): crm.duplicate.findbycomm, crm.lead.add,
 * crm.lead.list (by ORIGINATOR_ID + ORIGIN_ID, or open leads by ID), crm.lead.update and crm.timeline.comment.add,
 * each behind the per-portal rate limit. One REST client per webhook
 * URL, built on first use. Neither the URL nor exception messages (which may contain it) are ever logged or stored.
 * <p>
 * <b>Batching</b>: calls for one webhook queue up; whenever the portal's limiter hands out a token, everything queued
 * (up to {@code otklik.crm.bitrix24.batch-max}, 50) leaves as one {@code batch} request, or as the plain method when
 * only one call is waiting. So a lone call goes out at once, and a backlog costs one token per 50 calls. Each caller
 * gets its own command's answer or error ({@code result_error}); a failure of the whole request (503, timeout) is
 * every command's failure. Ordering per lead is the worker's business: it never has two calls of one lead in flight.
 */
@ApplicationScoped
public class Bitrix24Client implements CrmClient {

    public static final String TYPE = "bitrix24";
    private static final Logger LOG = Logger.getLogger(Bitrix24Client.class);

    private final Map<String, Bitrix24Api> apis = new ConcurrentHashMap<>();
    private final TenantRegistry tenants;
    private final Bitrix24RateLimiter limiter;
    private final CrmSettings.Bitrix24 settings;
    private final Map<String, Portal> portals = new ConcurrentHashMap<>();
    private final Vertx vertx;

    public Bitrix24Client(TenantRegistry tenants, Bitrix24RateLimiter limiter, CrmSettings settings, Vertx vertx) {
        this.tenants = tenants;
        this.limiter = limiter;
        this.settings = settings.bitrix24();
        this.vertx = vertx;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * Adds the lead; a lead with a phone is first looked up with {@code crm.duplicate.findbycomm}: when the phone
     * belongs to an open lead (a repeat client whose earlier request is still being worked on), that lead is linked —
     * the outcome carries its id, and the new request is added to its timeline — instead of a second lead. A
     * refused check (no right for it) falls back to adding; a retryable failure of it is the outcome.
     */
    @Override
    public Uni<CrmOutcome> addLead(Tenant tenant, LeadCreated lead) {
        String phone = lead.contact() == null ? null : lead.contact().phone();
        if (!settings.linkDuplicates() || phone == null || phone.isBlank()) {
            return add(tenant, lead);
        }
        return openLeadWithPhone(tenant, phone).chain(found -> {
            if (!found.ok() && found.retryable()) {
                return Uni.createFrom().item(found);
            }
            if (!found.ok()) {
                // the check is best effort: a webhook without the right for it (403) still adds the lead
                LOG.infof("tenant=%s lead=%s duplicate check refused (error=%s http=%d), adding the lead",
                        tenant.id(), lead.leadId(), found.errorCode(), found.httpStatus());
                return add(tenant, lead);
            }
            if (found.crmLeadId() == null) {
                return add(tenant, lead);
            }
            String crmLeadId = found.crmLeadId();
            return call(tenant, "crm.timeline.comment.add", Bitrix24Bodies.linkedComment(crmLeadId, lead),
                    answer -> CrmOutcome.ok(crmLeadId))
                    .map(commented -> {
                        if (commented.ok() || !commented.retryable()) {
                            LOG.infof("tenant=%s lead=%s linked to the repeat client's open lead %s%s", tenant.id(),
                                    lead.leadId(), crmLeadId, commented.ok() ? ""
                                            : " (timeline comment refused: " + commented.errorCode() + ")");
                            return CrmOutcome.ok(crmLeadId);
                        }
                        return commented;
                    });
        });
    }

    private Uni<CrmOutcome> add(Tenant tenant, LeadCreated lead) {
        String sourceId = tenant.crm().sourceId() == null || tenant.crm().sourceId().isBlank()
                ? settings.defaultSourceId() : tenant.crm().sourceId();
        return call(tenant, "crm.lead.add", Bitrix24Bodies.addLead(lead, sourceId, fields(), null), answer -> {
            JsonNode result = answer.path("result");
            return result.isIntegralNumber() || (result.isTextual() && result.asText().matches("\\d+"))
                    ? CrmOutcome.ok(result.asText())
                    : unexpected("crm.lead.add answered without a lead id");
        });
    }

    /** The newest open lead with this phone: found, none, or the failure of one of the two calls. */
    Uni<CrmOutcome> openLeadWithPhone(Tenant tenant, String phone) {
        return call(tenant, "crm.duplicate.findbycomm", Bitrix24Bodies.findByPhone(phone), answer -> {
            // {"result":{"LEAD":[12,40]}}; PHP encodes "none" as an empty list: {"result":[]}
            List<String> ids = new ArrayList<>();
            answer.path("result").path("LEAD").forEach(id -> {
                if (id.isIntegralNumber() || id.asText("").matches("\\d+")) {
                    ids.add(id.asText());
                }
            });
            return ids.isEmpty() ? CrmOutcome.none() : CrmOutcome.ok(String.join(",", ids));
        }).chain(duplicates -> !duplicates.found() ? Uni.createFrom().item(duplicates)
                : call(tenant, "crm.lead.list", Bitrix24Bodies.openLeads(List.of(duplicates.crmLeadId()
                        .split(","))), answer -> {
                    JsonNode result = answer.path("result");
                    if (!result.isArray()) {
                        return unexpected("crm.lead.list answered without a result list");
                    }
                    for (JsonNode open : result) {
                        String id = open.path("ID").asText("");
                        if (!id.isBlank()) {
                            return CrmOutcome.ok(id);
                        }
                    }
                    return CrmOutcome.none();
                }));
    }

    @Override
    public Uni<CrmOutcome> findLead(Tenant tenant, UUID leadId) {
        return call(tenant, "crm.lead.list", Bitrix24Bodies.findByOrigin(leadId), answer -> {
            JsonNode result = answer.path("result");
            if (!result.isArray()) {
                return unexpected("crm.lead.list answered without a result list");
            }
            for (JsonNode lead : result) {
                String id = lead.path("ID").asText("");
                if (!id.isBlank()) {
                    return CrmOutcome.ok(id);
                }
            }
            return CrmOutcome.none();
        });
    }

    @Override
    public Uni<CrmOutcome> setStatus(Tenant tenant, String crmLeadId, LeadStatus status) {
        return updateLead(tenant, crmLeadId, LeadUpdate.status(status));
    }

    @Override
    public Uni<CrmOutcome> updateLead(Tenant tenant, String crmLeadId, LeadUpdate update) {
        Map<String, String> statuses = tenant.crm() == null ? Map.of() : tenant.crm().statuses();
        return call(tenant, "crm.lead.update", Bitrix24Bodies.update(crmLeadId, update, fields(), statuses,
                zone(tenant)), answer -> answer.path("result").asBoolean(false)
                ? CrmOutcome.ok(crmLeadId)
                : CrmOutcome.failed(200, "UPDATE_REJECTED", "crm.lead.update answered result=false", false));
    }

    private Bitrix24Bodies.Fields fields() {
        return new Bitrix24Bodies.Fields(settings.qualityField(), settings.confirmedField(),
                settings.appointmentField());
    }

    static ZoneId zone(Tenant tenant) {
        try {
            return tenant.timezone() == null ? ZoneOffset.UTC : ZoneId.of(tenant.timezone());
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** A call that may share a batch with other calls due for the same portal. */
    Uni<CrmOutcome> call(Tenant tenant, String method, Map<String, Object> body,
                         Function<JsonNode, CrmOutcome> read) {
        Bitrix24Webhook webhook = Bitrix24Webhook.of(tenants, tenant);
        if (webhook == null) {
            return Uni.createFrom().item(Bitrix24Webhook.notConfigured(tenant));
        }
        Portal portal = portals.computeIfAbsent(webhook.url(), u -> new Portal(webhook.host(),
                apis.computeIfAbsent(u, this::build), tenant.crm().rps(), tenant.crm().burst()));
        return submit(portal, method, body).map(answer -> answer.failure() != null ? answer.failure()
                : read.apply(answer.body()));
    }

    /** What one queued call got: the body a single call would have answered, or the failure. */
    record Answer(JsonNode body, CrmOutcome failure) {
    }

    /** One call waiting for its portal's next token, with the context its caller continues on. */
    private record Pending(String method, Map<String, Object> body, UniEmitter<? super Answer> emitter,
                           Context context) {

        void complete(Answer answer) {
            if (context == null) {
                emitter.complete(answer);
            } else {
                // back on the caller's (duplicated) context, where its reactive database session lives
                context.runOnContext(ignored -> emitter.complete(answer));
            }
        }
    }

    /** The queue of one webhook URL; its limiter bucket is per portal host. */
    private static final class Portal {
        final String host;
        final Bitrix24Api api;
        final Double rps;
        final Integer burst;
        final ArrayDeque<Pending> queue = new ArrayDeque<>();
        boolean draining;

        Portal(String host, Bitrix24Api api, Double rps, Integer burst) {
            this.host = host;
            this.api = api;
            this.rps = rps;
            this.burst = burst;
        }
    }

    private Uni<Answer> submit(Portal portal, String method, Map<String, Object> body) {
        return Uni.createFrom().emitter(emitter -> {
            Context caller = Vertx.currentContext();
            boolean start;
            synchronized (portal) {
                portal.queue.add(new Pending(method, body, emitter, caller));
                start = !portal.draining;
                portal.draining = true;
            }
            if (start) {
                // after the current event-loop turn: the calls a worker round starts together share one batch
                if (caller != null) {
                    caller.runOnContext(ignored -> drain(portal));
                } else if (vertx != null) {
                    vertx.runOnContext(ignored -> drain(portal));
                } else {
                    drain(portal);
                }
            }
        });
    }

    /** Takes a token, sends everything queued (up to batch-max) as one request, repeats while calls are waiting. */
    private void drain(Portal portal) {
        limiter.acquire(portal.host, portal.rps, portal.burst).subscribe().with(ignored -> {
            List<Pending> taken = new ArrayList<>();
            boolean more;
            int max = Math.max(1, Math.min(Bitrix24Batch.MAX_COMMANDS, settings.batchMax()));
            synchronized (portal) {
                while (taken.size() < max && !portal.queue.isEmpty()) {
                    taken.add(portal.queue.poll());
                }
                more = !portal.queue.isEmpty();
                portal.draining = more;
            }
            if (!taken.isEmpty()) {
                send(portal, taken);
            }
            if (more) {
                drain(portal);
            }
        }, failure -> {
            List<Pending> taken;
            synchronized (portal) {
                taken = new ArrayList<>(portal.queue);
                portal.queue.clear();
                portal.draining = false;
            }
            Answer answer = new Answer(null, CrmOutcome.failed(0, "limiter", "rate limiter failed: "
                    + failure.getClass().getSimpleName(), true));
            taken.forEach(p -> p.complete(answer));
        });
    }

    private void send(Portal portal, List<Pending> calls) {
        if (calls.size() == 1) {
            Pending only = calls.get(0);
            recover(portal.api.call(only.method(), only.body()).map(body -> new Answer(body, null)))
                    .subscribe().with(only::complete);
            return;
        }
        List<Map.Entry<String, Map<String, Object>>> commands = calls.stream()
                .map(p -> (Map.Entry<String, Map<String, Object>>) new AbstractMap.SimpleImmutableEntry<>(
                        p.method(), p.body()))
                .toList();
        recover(portal.api.batch(Bitrix24Batch.request(commands)).map(body -> new Answer(body, null)))
                .subscribe().with(batch -> {
                    for (int i = 0; i < calls.size(); i++) {
                        Answer answer;
                        if (batch.failure() != null) {
                            answer = batch;
                        } else if (!Bitrix24Batch.readable(batch.body())) {
                            answer = new Answer(null, unexpected("batch answered without a result"));
                        } else {
                            JsonNode single = Bitrix24Batch.answerOf(batch.body(), i);
                            answer = single != null ? new Answer(single, null)
                                    : new Answer(null, Bitrix24Batch.error(batch.body(), i));
                        }
                        calls.get(i).complete(answer);
                    }
                });
    }

    /** HTTP errors and missing answers as failed outcomes (never a failed Uni). */
    private static Uni<Answer> recover(Uni<Answer> call) {
        return call.onFailure().recoverWithItem(e -> new Answer(null, Bitrix24Errors.fromFailure(e)));
    }

    private Bitrix24Api build(String url) {
        return Bitrix24Webhook.client(url, settings.timeout(), Bitrix24Api.class);
    }

    /** A 2xx answer we cannot read: retry (a lead it may have added is found by ORIGIN_ID on the next attempt). */
    private static CrmOutcome unexpected(String reason) {
        return CrmOutcome.failed(200, "ERROR_UNEXPECTED_ANSWER", reason, true);
    }
}
