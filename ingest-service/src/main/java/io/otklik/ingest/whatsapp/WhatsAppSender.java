package io.otklik.ingest.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otklik.events.data.Channel;
import io.otklik.events.data.ReplyRequested;
import io.otklik.ingest.outbound.ChannelSender;
import io.otklik.ingest.outbound.Delivery;
import io.otklik.ingest.outbound.RestClients;
import io.otklik.ingest.outbound.TextChunks;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends through the WhatsApp Cloud API: free text inside the 24 h window, the request's template otherwise.
 * Graph errors come back as {@link Delivery} failures with Meta's code (131047 = outside the window).
 */
@ApplicationScoped
public class WhatsAppSender implements ChannelSender {

    /** Codes where the same request may succeed later: throughput, pair rate, upgrade, account limits. */
    private static final Set<String> RETRYABLE = Set.of("4", "80007", "130429", "131056", "131057", "131000");
    private static final int TEXT_LIMIT = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GraphApi graph;
    private final TenantRegistry tenants;

    public WhatsAppSender(@ConfigProperty(name = "otklik.whatsapp.graph-url") String graphUrl,
                          @ConfigProperty(name = "otklik.outbound.timeout") Duration timeout,
                          TenantRegistry tenants) {
        this.graph = RestClients.build(GraphApi.class, graphUrl, timeout);
        this.tenants = tenants;
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public Uni<Delivery> send(Tenant tenant, ReplyRequested reply) {
        Tenant.WhatsApp account = tenant.channels().whatsapp();
        if (account == null) {
            return Uni.createFrom().item(Delivery.failed("not_configured",
                    "tenant " + tenant.id() + " has no WhatsApp number", false));
        }
        String token = tenants.secret(account.accessTokenEnv()).orElse(null);
        if (token == null) {
            return Uni.createFrom().item(Delivery.failed("not_configured",
                    "the WhatsApp access token " + account.accessTokenEnv() + " is not set", false));
        }
        List<Map<String, Object>> bodies = reply.template() != null
                ? List.of(templateBody(reply))
                : TextChunks.split(reply.text(), TEXT_LIMIT).stream().map(t -> textBody(reply, t)).toList();
        Uni<Delivery> chain = Uni.createFrom().item(Delivery.sent(null));
        for (Map<String, Object> body : bodies) {
            chain = chain.chain(previous -> previous.sent()
                    ? sendOne(reply.channelAccountId(), token, body)
                    : Uni.createFrom().item(previous));
        }
        return chain;
    }

    private Uni<Delivery> sendOne(String phoneNumberId, String token, Map<String, Object> body) {
        return graph.sendMessage(phoneNumberId, "Bearer " + token, body)
                .map(response -> {
                    String wamid = response.path("messages").path(0).path("id").asText("");
                    return wamid.isEmpty()
                            ? Delivery.failed("no_message_id", "the Graph API answered without messages[0].id", true)
                            : Delivery.sent(wamid);
                })
                .onFailure(WebApplicationException.class).recoverWithItem(e -> graphError((WebApplicationException) e))
                .onFailure().recoverWithItem(e -> Delivery.failed("unreachable",
                        "the Graph API did not answer: " + e.getClass().getSimpleName(), true));
    }

    static Map<String, Object> textBody(ReplyRequested reply, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", reply.recipient().channelUserId());
        body.put("type", "text");
        body.put("text", Map.of("preview_url", false, "body", text));
        return body;
    }

    static Map<String, Object> templateBody(ReplyRequested reply) {
        List<Map<String, Object>> parameters = reply.template().parameters() == null ? List.of()
                : reply.template().parameters().stream().<Map<String, Object>>map(p -> Map.of("type", "text",
                "text", p)).toList();
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", reply.template().name());
        template.put("language", Map.of("code", reply.template().language()));
        template.put("components", List.of(Map.of("type", "body", "parameters", parameters)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("to", reply.recipient().channelUserId());
        body.put("type", "template");
        body.put("template", template);
        return body;
    }

    private static Delivery graphError(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String code = Integer.toString(status);
        String message = "HTTP " + status;
        try {
            JsonNode error = JSON.readTree(e.getResponse().readEntity(String.class)).path("error");
            if (error.has("code")) {
                code = error.path("code").asText();
                message = error.path("message").asText(message);
            }
        } catch (Exception ignored) {
            // not a Graph error envelope: keep the HTTP status as the code
        }
        return Delivery.failed(code, message, status >= 500 || RETRYABLE.contains(code));
    }
}
