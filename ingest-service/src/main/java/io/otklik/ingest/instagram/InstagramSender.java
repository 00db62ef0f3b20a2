package io.otklik.ingest.instagram;

import io.otklik.events.data.Button;
import io.otklik.events.data.Channel;
import io.otklik.events.data.ReplyRequested;
import io.otklik.ingest.outbound.ChannelSender;
import io.otklik.ingest.outbound.Delivery;
import io.otklik.ingest.outbound.GraphErrors;
import io.otklik.ingest.outbound.OutboundSettings;
import io.otklik.ingest.outbound.Parts;
import io.otklik.ingest.outbound.RestClients;
import io.otklik.ingest.outbound.SendRequest;
import io.otklik.ingest.outbound.TextChunks;
import io.otklik.ingest.outbound.Throttle;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends Instagram direct messages: {@code POST /{accountId}/messages} with the account's bearer token, texts split
 * under Instagram's 1000-character limit, buttons as quick replies on the last piece (at most 13, titles of 20).
 */
@ApplicationScoped
public class InstagramSender implements ChannelSender {

    /** Instagram refuses texts of 1000 characters or more. */
    static final int TEXT_LIMIT = 999;
    static final int MAX_QUICK_REPLIES = 13;
    static final int TITLE_LIMIT = 20;
    /** Graph codes where the same request may succeed later: temporary errors and call-rate limits. */
    static final Set<String> RETRYABLE = Set.of("1", "2", "4", "17", "32", "613", "80002");
    /**
     * Our code for Meta's code 10 with subcode 2018278, "This message is sent outside of allowed window": the
     * client's last message is more than 24 h old. Not retried; {@code OutboundService} falls back to SMS.
     */
    public static final String OUTSIDE_WINDOW = "10/2018278";

    private final InstagramApi api;
    private final TenantRegistry tenants;
    private final Throttle throttle;

    public InstagramSender(@ConfigProperty(name = "otklik.instagram.graph-url") String graphUrl,
                           OutboundSettings settings, TenantRegistry tenants, Throttle throttle) {
        this.api = RestClients.build(InstagramApi.class, graphUrl, settings.timeout());
        this.tenants = tenants;
        this.throttle = throttle;
    }

    @Override
    public Channel channel() {
        return Channel.INSTAGRAM;
    }

    @Override
    public Uni<Delivery> send(Tenant tenant, SendRequest request) {
        Tenant.Instagram account = tenant.channels().instagram();
        if (account == null) {
            return Uni.createFrom().item(Delivery.failed("not_configured",
                    "tenant " + tenant.id() + " has no Instagram account", false));
        }
        String token = tenants.secret(account.accessTokenEnv()).orElse(null);
        if (token == null) {
            return Uni.createFrom().item(Delivery.failed("not_configured",
                    "the Instagram access token " + account.accessTokenEnv() + " is not set", false));
        }
        ReplyRequested reply = request.reply();
        String accountId = reply.channelAccountId() == null ? account.accountId() : reply.channelAccountId();
        return Parts.send(bodies(reply.recipient().channelUserId(), reply.text(), reply.buttons()),
                request.skipParts(), body -> throttle.acquire(Throttle.Kind.INSTAGRAM, accountId, tenant.id())
                        .chain(() -> sendOne(accountId, token, body)));
    }

    static List<Map<String, Object>> bodies(String igsid, String text, List<Button> buttons) {
        List<String> chunks = TextChunks.split(text, TEXT_LIMIT);
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("text", chunks.get(i));
            if (i == chunks.size() - 1 && !buttons.isEmpty()) {
                message.put("quick_replies", buttons.stream().limit(MAX_QUICK_REPLIES)
                        .map(b -> Map.of("content_type", "text", "title", cut(b.title()), "payload", b.id()))
                        .toList());
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("recipient", Map.of("id", igsid));
            body.put("message", message);
            bodies.add(body);
        }
        return bodies;
    }

    private Uni<Delivery> sendOne(String accountId, String token, Map<String, Object> body) {
        return api.sendMessage(accountId, "Bearer " + token, body)
                .map(response -> {
                    String mid = response.path("message_id").asText("");
                    return mid.isEmpty()
                            ? Delivery.failed("no_message_id", "the Send API answered without message_id", true)
                            : Delivery.sent(mid);
                })
                .onFailure(WebApplicationException.class)
                .recoverWithItem(e -> error(GraphErrors.read((WebApplicationException) e)))
                .onFailure().recoverWithItem(e -> Delivery.failed("unreachable",
                        "the Instagram API did not answer: " + e.getClass().getSimpleName(), true));
    }

    static Delivery error(GraphErrors.GraphError error) {
        if ("10".equals(error.code()) && "2018278".equals(error.subcode())) {
            return Delivery.failed(OUTSIDE_WINDOW, error.message(), false);
        }
        return GraphErrors.delivery(error, RETRYABLE);
    }

    private static String cut(String title) {
        if (title == null) {
            return "";
        }
        return title.length() <= TITLE_LIMIT ? title : title.substring(0, TITLE_LIMIT - 1) + "…";
    }
}
