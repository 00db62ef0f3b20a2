package io.otklik.ingest.whatsapp;

import io.otklik.events.data.Button;
import io.otklik.events.data.Channel;
import io.otklik.events.data.ReplyRequested;
import io.otklik.events.data.Template;
import io.otklik.ingest.outbound.ChannelSender;
import io.otklik.ingest.outbound.Delivery;
import io.otklik.ingest.outbound.GraphErrors;
import io.otklik.ingest.outbound.OutboundSettings;
import io.otklik.ingest.outbound.Parts;
import io.otklik.ingest.outbound.RestClients;
import io.otklik.ingest.outbound.Route;
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
 * Sends through the WhatsApp Cloud API: free text (with reply buttons) or a template, as the route says. Buttons:
 * up to 3 become an interactive "button" message, 4 to 10 an interactive "list", more a numbered list in the text.
 * Graph errors come back as {@link Delivery} failures with Meta's code (131047 = outside the window).
 */
@ApplicationScoped
public class WhatsAppSender implements ChannelSender {

    /** Codes where the same request may succeed later: throughput, pair rate, upgrade, account limits. */
    public static final Set<String> RETRYABLE = Set.of("4", "80007", "130429", "131056", "131057", "131000");
    static final int TEXT_LIMIT = 4096;
    /** Meta's limits for interactive messages: body text, button title, list row title, list size. */
    static final int INTERACTIVE_BODY_LIMIT = 1024;
    static final int BUTTON_TITLE_LIMIT = 20;
    static final int ROW_TITLE_LIMIT = 24;
    static final int MAX_BUTTONS = 3;
    static final int MAX_ROWS = 10;

    private final GraphApi graph;
    private final TenantRegistry tenants;
    private final Throttle throttle;

    public WhatsAppSender(@ConfigProperty(name = "otklik.whatsapp.graph-url") String graphUrl,
                          OutboundSettings settings, TenantRegistry tenants, Throttle throttle) {
        this.graph = RestClients.build(GraphApi.class, graphUrl, settings.timeout());
        this.tenants = tenants;
        this.throttle = throttle;
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public Uni<Delivery> send(Tenant tenant, SendRequest request) {
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
        ReplyRequested reply = request.reply();
        String to = reply.recipient().channelUserId();
        List<Map<String, Object>> bodies = request.route() == Route.TEMPLATE
                ? List.of(templateBody(to, request.template()))
                : textBodies(to, reply.text(), reply.buttons());
        String phoneNumberId = reply.channelAccountId();
        return Parts.send(bodies, request.skipParts(), body -> throttle
                .acquire(Throttle.Kind.WHATSAPP, phoneNumberId, tenant.id())
                .chain(() -> sendOne(phoneNumberId, token, body)));
    }

    private Uni<Delivery> sendOne(String phoneNumberId, String token, Map<String, Object> body) {
        return graph.sendMessage(phoneNumberId, "Bearer " + token, body)
                .map(response -> {
                    String wamid = response.path("messages").path(0).path("id").asText("");
                    return wamid.isEmpty()
                            ? Delivery.failed("no_message_id", "the Graph API answered without messages[0].id", true)
                            : Delivery.sent(wamid);
                })
                .onFailure(WebApplicationException.class)
                .recoverWithItem(e -> GraphErrors.delivery((WebApplicationException) e, RETRYABLE))
                .onFailure().recoverWithItem(e -> Delivery.failed("unreachable",
                        "the Graph API did not answer: " + e.getClass().getSimpleName(), true));
    }

    /**
     * Whether a free-text reply with these buttons shows them as a numbered list in the text (more than an
     * interactive list holds): the client answers by typing a number, which inbound maps back to the button.
     */
    public static boolean numberedList(List<Button> buttons) {
        return buttons.size() > MAX_ROWS;
    }

    /** The messages of a free-text reply: text parts, the last one interactive when there are buttons. */
    static List<Map<String, Object>> textBodies(String to, String text, List<Button> buttons) {
        if (buttons.isEmpty() || numberedList(buttons)) {
            String all = buttons.isEmpty() ? text : text + numbered(buttons);
            return TextChunks.split(all, TEXT_LIMIT).stream().map(t -> textBody(to, t)).toList();
        }
        List<String> chunks = new ArrayList<>(TextChunks.split(text, TEXT_LIMIT));
        String last = chunks.remove(chunks.size() - 1);
        chunks.addAll(TextChunks.split(last, INTERACTIVE_BODY_LIMIT));
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < chunks.size() - 1; i++) {
            bodies.add(textBody(to, chunks.get(i)));
        }
        bodies.add(interactiveBody(to, chunks.get(chunks.size() - 1), buttons));
        return bodies;
    }

    static Map<String, Object> textBody(String to, String text) {
        Map<String, Object> body = envelope(to);
        body.put("type", "text");
        body.put("text", Map.of("preview_url", false, "body", text));
        return body;
    }

    static Map<String, Object> interactiveBody(String to, String text, List<Button> buttons) {
        Map<String, Object> interactive = new LinkedHashMap<>();
        if (buttons.size() <= MAX_BUTTONS) {
            interactive.put("type", "button");
            interactive.put("body", Map.of("text", text));
            interactive.put("action", Map.of("buttons", buttons.stream().map(b -> Map.of("type", "reply",
                    "reply", Map.of("id", b.id(), "title", cut(b.title(), BUTTON_TITLE_LIMIT)))).toList()));
        } else {
            interactive.put("type", "list");
            interactive.put("body", Map.of("text", text));
            interactive.put("action", Map.of("button", "Выбрать", "sections", List.of(Map.of("rows",
                    buttons.stream().map(b -> Map.of("id", b.id(), "title", cut(b.title(), ROW_TITLE_LIMIT)))
                            .toList()))));
        }
        Map<String, Object> body = envelope(to);
        body.put("type", "interactive");
        body.put("interactive", interactive);
        return body;
    }

    static Map<String, Object> templateBody(String to, Template template) {
        List<Map<String, Object>> parameters = template.parameters() == null ? List.of()
                : template.parameters().stream().<Map<String, Object>>map(p -> Map.of("type", "text",
                "text", p)).toList();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", template.name());
        t.put("language", Map.of("code", template.language()));
        t.put("components", List.of(Map.of("type", "body", "parameters", parameters)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("to", to);
        body.put("type", "template");
        body.put("template", t);
        return body;
    }

    private static Map<String, Object> envelope(String to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", to);
        return body;
    }

    private static String numbered(List<Button> buttons) {
        StringBuilder list = new StringBuilder("\n");
        for (int i = 0; i < buttons.size(); i++) {
            list.append('\n').append(i + 1).append(". ").append(buttons.get(i).title());
        }
        return list.toString();
    }

    private static String cut(String title, int limit) {
        if (title == null) {
            return "";
        }
        return title.length() <= limit ? title : title.substring(0, limit - 1) + "…";
    }
}
