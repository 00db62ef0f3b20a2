package io.otklik.crm.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.otklik.crm.CrmClient;
import io.otklik.crm.CrmOutcome;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.LeadStatus;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * amoCRM v4 with the account's long-lived bearer token ({@code crm.baseUrl}, {@code crm.accessTokenEnv}):
 * {@code POST /api/v4/leads/complex} (lead + contact + tags in one call), {@code GET /api/v4/leads?query=<leadId>}
 * (our lead id is stored in a lead custom field) and {@code PATCH /api/v4/leads/{id}}, each behind the per-account
 * limit of 7 requests a second. A 429 pauses the account and is retried by the worker. One REST client per account,
 * built on first use; neither the token nor exception messages are ever logged or stored.
 */
@ApplicationScoped
public class AmoCrmClient implements CrmClient {

    public static final String TYPE = "amocrm";
    private static final Logger LOG = Logger.getLogger(AmoCrmClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, AmoCrmApi> apis = new ConcurrentHashMap<>();
    private final TenantRegistry tenants;
    private final AmoCrmRateLimiter limiter;
    private final AmoCrmSettings settings;

    public AmoCrmClient(TenantRegistry tenants, AmoCrmRateLimiter limiter, AmoCrmSettings settings) {
        this.tenants = tenants;
        this.limiter = limiter;
        this.settings = settings;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Uni<CrmOutcome> addLead(Tenant tenant, LeadCreated lead) {
        var body = AmoCrmBodies.addLead(lead, tenant.crm(), settings.leadIdFieldCode());
        return call(tenant, (api, auth) -> api.addComplex(auth, body), answer -> {
            JsonNode id = answer.path(0).path("id");
            return id.isIntegralNumber() ? CrmOutcome.ok(id.asText())
                    : unexpected("leads/complex answered without a lead id");
        });
    }

    @Override
    public Uni<CrmOutcome> findLead(Tenant tenant, UUID leadId) {
        String marker = leadId.toString();
        return call(tenant, (api, auth) -> api.search(auth, marker, 50), answer -> {
            if (answer.isMissingNode()) {
                return CrmOutcome.none();
            }
            JsonNode leads = answer.path("_embedded").path("leads");
            if (!leads.isArray()) {
                return unexpected("the lead search answered without _embedded.leads");
            }
            // query is a full-text search: only a lead whose lead-id field holds exactly our id is ours
            for (JsonNode lead : leads) {
                for (JsonNode field : lead.path("custom_fields_values")) {
                    if (settings.leadIdFieldCode().equals(field.path("field_code").asText())) {
                        for (JsonNode value : field.path("values")) {
                            if (marker.equals(value.path("value").asText()) && lead.path("id").isIntegralNumber()) {
                                return CrmOutcome.ok(lead.path("id").asText());
                            }
                        }
                    }
                }
            }
            return CrmOutcome.none();
        });
    }

    @Override
    public Uni<CrmOutcome> setStatus(Tenant tenant, String crmLeadId, LeadStatus status) {
        Optional<Long> statusId;
        long id;
        try {
            statusId = AmoCrmBodies.statusId(tenant.crm(), status);
            id = Long.parseLong(crmLeadId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(CrmOutcome.failed(0, "not_configured", e.getMessage(), false));
        }
        if (statusId.isEmpty()) {
            return Uni.createFrom().item(CrmOutcome.failed(0, "not_configured", "crm.statuses has no amoCRM status"
                    + " id for " + status.name(), false));
        }
        var body = AmoCrmBodies.setStatus(tenant.crm(), statusId.get());
        return call(tenant, (api, auth) -> api.update(auth, id, body), answer -> answer.path("id").isIntegralNumber()
                ? CrmOutcome.ok(crmLeadId) : unexpected("the lead update answered without the lead id"));
    }

    private Uni<CrmOutcome> call(Tenant tenant, Request request, Function<JsonNode, CrmOutcome> read) {
        Tenant.Crm crm = tenant.crm();
        URI base = baseUri(crm == null ? null : crm.baseUrl());
        if (base == null) {
            return Uni.createFrom().item(CrmOutcome.failed(0, "not_configured",
                    "crm.baseUrl is not an http(s) URL of the amoCRM account", false));
        }
        String token = tenants.secret(crm.accessTokenEnv()).map(String::strip).orElse(null);
        if (token == null) {
            return Uni.createFrom().item(CrmOutcome.failed(0, "not_configured",
                    "the amoCRM token " + crm.accessTokenEnv() + " is not set", false));
        }
        String account = base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "");
        AmoCrmApi api = apis.computeIfAbsent(base.toString(), this::build);
        double rps = crm.rps() != null && crm.rps() > 0 ? crm.rps() : settings.requestsPerSecond();
        int burst = crm.burst() != null && crm.burst() > 0 ? crm.burst() : settings.burst();
        return limiter.acquire(account, rps, burst)
                .chain(() -> request.send(api, "Bearer " + token))
                .map(response -> read(response, read, tenant, account))
                .onFailure(WebApplicationException.class).recoverWithItem(e ->
                        failure(((WebApplicationException) e).getResponse(), tenant, account))
                .onFailure().recoverWithItem(e -> CrmOutcome.failed(0, isTimeout(e) ? "timeout" : "unreachable",
                        "no answer from amoCRM: " + e.getClass().getSimpleName(), true));
    }

    private CrmOutcome read(Response response, Function<JsonNode, CrmOutcome> read, Tenant tenant, String account) {
        if (response.getStatus() >= 300) {
            return failure(response, tenant, account);
        }
        if (response.getStatus() == 204) {
            return read.apply(MissingNode.getInstance());
        }
        try {
            String body = response.readEntity(String.class);
            return read.apply(body == null || body.isBlank()
                    ? MissingNode.getInstance() : JSON.readTree(body));
        } catch (Exception e) {
            return unexpected("an unreadable answer: " + e.getClass().getSimpleName());
        }
    }

    private CrmOutcome failure(Response response, Tenant tenant, String account) {
        String body;
        try {
            body = response.readEntity(String.class);
        } catch (RuntimeException unreadable) {
            body = null;
        }
        if (response.getStatus() == 429) {
            Duration pause = retryAfter(response.getHeaderString("Retry-After")).orElse(settings.pauseAfter429());
            limiter.pause(account, pause);
            LOG.warnf("tenant=%s amoCRM answered 429 (over its request limit), the account pauses for %d ms",
                    tenant.id(), pause.toMillis());
        }
        return AmoCrmErrors.fromResponse(response.getStatus(), body);
    }

    static Optional<Duration> retryAfter(String header) {
        if (header == null || !header.strip().matches("\\d{1,4}")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
    }

    private AmoCrmApi build(String base) {
        long timeout = settings.timeout().toMillis();
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(base))
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                // error answers come back as a Response on the event loop (where the worker's database session
                // lives) and are read here, not thrown by the default exception mapper
                .disableDefaultMapper(true)
                .build(AmoCrmApi.class);
    }

    static URI baseUri(String baseUrl) {
        if (baseUrl == null || !baseUrl.strip().matches("https?://.+")) {
            return null;
        }
        try {
            URI uri = URI.create(baseUrl.strip().replaceAll("/+$", ""));
            return uri.getHost() == null ? null : uri;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A 2xx answer we cannot read: retry (a lead it may have added is found by our lead id on the next attempt). */
    private static CrmOutcome unexpected(String reason) {
        return CrmOutcome.failed(200, "ERROR_UNEXPECTED_ANSWER", reason, true);
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    @FunctionalInterface
    private interface Request {
        Uni<Response> send(AmoCrmApi api, String authorization);
    }
}
