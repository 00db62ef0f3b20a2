package io.otklik.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.otklik.crm.CrmOutcome;
import io.otklik.crm.CrmSettings;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The inbound side's Bitrix24 calls through the tenant's inbound webhook: crm.lead.get, event.offline.get and
 * event.offline.clear. They go through the same per-portal {@link Bitrix24RateLimiter} as the sync worker's writes
 * (a Bitrix24 call is a Bitrix24 call) and read errors with {@link Bitrix24Errors}. Neither the URL nor exception
 * messages (which may contain it) are ever logged or stored.
 */
@ApplicationScoped
public class Bitrix24Reader {

    private final Map<String, Bitrix24Api> apis = new ConcurrentHashMap<>();
    private final TenantRegistry tenants;
    private final Bitrix24RateLimiter limiter;
    private final CrmSettings.Bitrix24 settings;

    public Bitrix24Reader(TenantRegistry tenants, Bitrix24RateLimiter limiter, CrmSettings settings) {
        this.tenants = tenants;
        this.limiter = limiter;
        this.settings = settings.bitrix24();
    }

    /**
     * One lead's fields as crm.lead.get returns them.
     *
     * @param fields  the {@code result} object, when the call worked
     * @param failure what went wrong otherwise (400 "Not found" for a deleted lead)
     */
    public record Lead(JsonNode fields, CrmOutcome failure) {
    }

    /**
     * One page of the offline event queue.
     *
     * @param processId the id to confirm the page with (event.offline.clear), null when the queue was empty
     * @param events    the lead updates on the page
     * @param size      how many records the page had (of any event)
     */
    public record OfflinePage(String processId, List<OfflineEvent> events, int size, CrmOutcome failure) {
    }

    /** An ONCRMLEADUPDATE in the offline queue. */
    public record OfflineEvent(String messageId, String event, String crmLeadId) {
    }

    public Uni<Lead> getLead(Tenant tenant, String crmLeadId) {
        return call(tenant, api -> api.call("crm.lead.get", Map.of("id", crmLeadId))).map(answer -> {
            if (answer.failure() != null) {
                return new Lead(null, answer.failure());
            }
            JsonNode result = answer.json().path("result");
            return result.isObject() ? new Lead(result, null)
                    : new Lead(null, CrmOutcome.failed(200, "ERROR_UNEXPECTED_ANSWER",
                            "crm.lead.get answered without a lead", true));
        });
    }

    /** Reads (without removing) the oldest lead events of the offline queue. */
    public Uni<OfflinePage> offlineEvents(Tenant tenant, int limit) {
        Map<String, Object> body = Map.of("filter", Map.of("=EVENT_NAME", Bitrix24EventService.LEAD_UPDATE),
                "order", Map.of("ID", "ASC"), "limit", limit, "clear", 0);
        return call(tenant, api -> api.call("event.offline.get", body)).map(answer -> {
            if (answer.failure() != null) {
                return new OfflinePage(null, List.of(), 0, answer.failure());
            }
            JsonNode result = answer.json().path("result");
            JsonNode records = result.path("events");
            if (!result.isObject() || !(records.isArray() || records.isMissingNode())) {
                return new OfflinePage(null, List.of(), 0, CrmOutcome.failed(200, "ERROR_UNEXPECTED_ANSWER",
                        "event.offline.get answered without events", true));
            }
            List<OfflineEvent> found = new ArrayList<>();
            for (JsonNode record : records) {
                String id = record.path("EVENT_DATA").path("FIELDS").path("ID").asText("");
                String message = record.path("MESSAGE_ID").asText(record.path("ID").asText(""));
                if (!id.isBlank() && !message.isBlank()) {
                    found.add(new OfflineEvent(message, record.path("EVENT_NAME").asText(""), id.strip()));
                }
            }
            String processId = result.path("process_id").isTextual() || result.path("process_id").isNumber()
                    ? result.path("process_id").asText() : null;
            return new OfflinePage(processId, found, records.size(), null);
        });
    }

    /** Removes the page's records from the queue once they are stored on our side. */
    public Uni<CrmOutcome> clearOffline(Tenant tenant, String processId, List<String> messageIds) {
        Map<String, Object> body = messageIds.isEmpty() ? Map.of("process_id", processId)
                : Map.of("process_id", processId, "message_id", messageIds);
        return call(tenant, api -> api.call("event.offline.clear", body)).map(answer -> answer.failure() != null ? answer.failure()
                : CrmOutcome.ok(null));
    }

    private record Answer(JsonNode json, CrmOutcome failure) {
    }

    private Uni<Answer> call(Tenant tenant, Function<Bitrix24Api, Uni<JsonNode>> request) {
        Bitrix24Webhook webhook = Bitrix24Webhook.of(tenants, tenant);
        if (webhook == null) {
            return Uni.createFrom().item(new Answer(null, Bitrix24Webhook.notConfigured(tenant)));
        }
        Bitrix24Api api = apis.computeIfAbsent(webhook.url(),
                url -> Bitrix24Webhook.client(url, settings.timeout(), Bitrix24Api.class));
        return limiter.acquire(webhook.host(), tenant.crm().rps(), tenant.crm().burst())
                .chain(() -> request.apply(api))
                .map(json -> new Answer(json, null))
                .onFailure().recoverWithItem(e -> new Answer(null, Bitrix24Errors.fromFailure(e)));
    }
}
