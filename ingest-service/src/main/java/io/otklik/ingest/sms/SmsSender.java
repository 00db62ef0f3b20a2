package io.otklik.ingest.sms;

import com.fasterxml.jackson.databind.JsonNode;
import io.otklik.events.data.ReplyRequested;
import io.otklik.ingest.outbound.Delivery;
import io.otklik.ingest.outbound.OutboundSettings;
import io.otklik.ingest.outbound.RestClients;
import io.otklik.ingest.outbound.Throttle;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SMS fallback where a messenger cannot carry a reply (outside the 24 h window without a template): one SMS to
 * the client's phone through the tenant's gateway account. The gateway answers HTTP 200 with
 * {@code status: OK | ERROR} and a {@code status_code}, overall and per number; the SMS id becomes the reply's
 * external id.
 *
 * <p>Codes of the SMS.ru shape retried later: 220 (service temporarily unavailable), 231 (too many identical
 * messages to the number this minute) and 500 (gateway error), like HTTP 5xx and timeouts. Every other code is
 * permanent for this reply (200/300/301 bad credentials, 201 no money, 202/207 bad or refused number, 204 sender
 * not approved, 206/230/232 daily limits, 209 stop list...).
 */
@ApplicationScoped
public class SmsSender {

    static final Set<Integer> RETRYABLE = Set.of(220, 231, 500);

    private final SmsGateway gateway;
    private final TenantRegistry tenants;
    private final Throttle throttle;

    public SmsSender(@ConfigProperty(name = "otklik.sms.url") String url, OutboundSettings settings,
                     TenantRegistry tenants, Throttle throttle) {
        this.gateway = RestClients.build(SmsGateway.class, url, settings.timeout());
        this.tenants = tenants;
        this.throttle = throttle;
    }

    public Uni<Delivery> send(Tenant tenant, ReplyRequested reply) {
        Tenant.Sms sms = tenant.sms();
        String apiId = sms == null ? null : tenants.secret(sms.apiKeyEnv()).orElse(null);
        if (apiId == null) {
            return Uni.createFrom().item(Delivery.failed("not_configured",
                    "tenant " + tenant.id() + " has no SMS gateway key", false));
        }
        String phone = reply.recipient() == null ? null : reply.recipient().phone();
        String digits = phone == null ? "" : phone.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return Uni.createFrom().item(Delivery.failed("no_phone", "the client's phone is unknown", false));
        }
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("api_id", apiId);
        form.add("to", digits);
        form.add("msg", reply.text());
        form.add("json", "1");
        if (sms.sender() != null && !sms.sender().isBlank()) {
            form.add("from", sms.sender());
        }
        return throttle.acquire(Throttle.Kind.SMS, tenant.id(), tenant.id())
                .chain(() -> gateway.send(form))
                .map(response -> outcome(response, digits))
                .onFailure(WebApplicationException.class).recoverWithItem(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    return Delivery.failed(Integer.toString(status), "the SMS gateway answered HTTP " + status,
                            status >= 500 || status == 429);
                })
                .onFailure().recoverWithItem(e -> Delivery.failed("unreachable",
                        "the SMS gateway did not answer: " + e.getClass().getSimpleName(), true));
    }

    /** Reads the gateway's answer for the one number sent to. */
    static Delivery outcome(JsonNode response, String digits) {
        if (!"OK".equals(response.path("status").asText())) {
            return error(response);
        }
        JsonNode one = response.path("sms").path(digits);
        if (one.isMissingNode()) {
            return Delivery.failed("no_sms_id", "the SMS gateway did not report on the number", true);
        }
        if (!"OK".equals(one.path("status").asText())) {
            return error(one);
        }
        String id = one.path("sms_id").asText("");
        return id.isEmpty() ? Delivery.failed("no_sms_id", "the SMS gateway answered without sms_id", true)
                : Delivery.sent(id);
    }

    private static Delivery error(JsonNode node) {
        int code = node.path("status_code").asInt(0);
        String text = node.path("status_text").asText("status " + node.path("status").asText("?"));
        return Delivery.failed("sms_" + code, "SMS gateway: " + text, RETRYABLE.contains(code));
    }
}
