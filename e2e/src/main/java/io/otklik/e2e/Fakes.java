package io.otklik.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * WireMock fakes of the external SaaS APIs, answering in their real formats (shared/reference/wire-formats.md):
 * WhatsApp Cloud API sends, Telegram Bot API sendMessage, Instagram Send API, an SMS gateway of the SMS.ru shape, and
 * Bitrix24 inbound-webhook REST methods. What they received
 * is read back from WireMock's request journal.
 */
public final class Fakes implements AutoCloseable {

    static final String GRAPH_VERSION = "v21.0";
    private static final String BITRIX_TIME = "\"time\":{\"start\":1739321030.1,\"finish\":1739321030.2,"
            + "\"duration\":0.1,\"processing\":0.05,\"date_start\":\"2026-11-25T12:00:00+03:00\","
            + "\"date_finish\":\"2026-11-25T12:00:00+03:00\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;

    private Fakes(WireMockServer server) {
        this.server = server;
    }

    /** Starts the fakes on a port (0 = any free port). */
    public static Fakes start(int port) {
        WireMockConfiguration options = WireMockConfiguration.options().bindAddress("127.0.0.1")
                .globalTemplating(true);
        WireMockServer server = new WireMockServer(port == 0 ? options.dynamicPort() : options.port(port));
        server.start();
        server.stubFor(post(urlPathMatching("/whatsapp/" + GRAPH_VERSION + "/[0-9]+/messages"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":"
                                + "\"{{jsonPath request.body '$.to'}}\",\"wa_id\":\"{{jsonPath request.body '$.to'}}\"}],"
                                + "\"messages\":[{\"id\":\"wamid.FAKE{{randomValue length=24 type='ALPHANUMERIC'}}\"}]}")));
        server.stubFor(post(urlPathMatching("/telegram/bot[^/]+/sendMessage"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"result\":{\"message_id\":{{randomInt lower=1000 upper=99999999}},"
                                + "\"chat\":{\"id\":{{jsonPath request.body '$.chat_id'}},\"type\":\"private\"},"
                                + "\"date\":1739321030,\"text\":\"ok\"}}")));
        server.stubFor(post(urlPathMatching("/telegram/bot[^/]+/answerCallbackQuery"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"result\":true}")));
        server.stubFor(post(urlPathMatching("/instagram/" + GRAPH_VERSION + "/[0-9]+/messages"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"recipient_id\":\"{{jsonPath request.body '$.recipient.id'}}\","
                                + "\"message_id\":\"aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlE{{randomValue length=20"
                                + " type='ALPHANUMERIC'}}\"}")));
        server.stubFor(post(urlPathMatching("/sms/sms/send"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"OK\",\"status_code\":100,\"sms\":{\"{{formData request.body"
                                + " 'form'}}{{form.to}}\":{\"status\":\"OK\",\"status_code\":100,\"sms_id\":"
                                + "\"000000-{{randomInt lower=10000000 upper=99999999}}\"}},\"balance\":4122.56}")));
        server.stubFor(post(urlPathMatching("/bitrix24/[^/]+/rest/[0-9]+/[^/]+/crm\\.lead\\.add\\.json"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"result\":{{randomInt lower=1000 upper=9999999}}," + BITRIX_TIME + "}")));
        server.stubFor(post(urlPathMatching("/bitrix24/[^/]+/rest/[0-9]+/[^/]+/crm\\.lead\\.update\\.json"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"result\":true," + BITRIX_TIME + "}")));
        server.stubFor(post(urlPathMatching("/bitrix24/[^/]+/rest/[0-9]+/[^/]+/crm\\.lead\\.list\\.json"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"result\":[],\"total\":0," + BITRIX_TIME + "}")));
        // no repeat clients on the fake portals: PHP encodes an empty result as []
        server.stubFor(post(urlPathMatching("/bitrix24/[^/]+/rest/[0-9]+/[^/]+/crm\\.duplicate\\.findbycomm\\.json"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"result\":[]," + BITRIX_TIME + "}")));
        return new Fakes(server);
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public String whatsAppGraphUrl() {
        return server.baseUrl() + "/whatsapp/" + GRAPH_VERSION;
    }

    public String telegramApiUrl() {
        return server.baseUrl() + "/telegram";
    }

    public String instagramGraphUrl() {
        return server.baseUrl() + "/instagram/" + GRAPH_VERSION;
    }

    /** The SMS gateway (SMS.ru API shape: POST {url}/sms/send). */
    public String smsUrl() {
        return server.baseUrl() + "/sms";
    }

    /** The inbound-webhook base URL of a fake Bitrix24 portal (methods are appended as /crm.lead.add.json). */
    public String bitrixWebhook(String portal) {
        return server.baseUrl() + "/bitrix24/" + portal + "/rest/1/demo-webhook-code";
    }

    /** Bodies of the WhatsApp messages sent to this wa_id, oldest first. */
    public List<JsonNode> whatsAppMessagesTo(String waId) {
        return bodies("/whatsapp/" + GRAPH_VERSION + "/[0-9]+/messages").stream()
                .filter(b -> waId.equals(b.path("to").asText())).toList();
    }

    /** Requests (path, headers, body) of the WhatsApp messages sent to this wa_id. */
    public List<LoggedRequest> whatsAppRequestsTo(String waId) {
        return requests("/whatsapp/" + GRAPH_VERSION + "/[0-9]+/messages").stream()
                .filter(r -> waId.equals(parse(r).path("to").asText())).toList();
    }

    /** Bodies of the Telegram messages sent to this chat. */
    public List<JsonNode> telegramMessagesTo(long chatId) {
        return bodies("/telegram/bot[^/]+/sendMessage").stream()
                .filter(b -> b.path("chat_id").asLong() == chatId).toList();
    }

    /** Bodies of the Instagram messages sent to this Instagram-scoped user id, oldest first. */
    public List<JsonNode> instagramMessagesTo(String igsid) {
        return bodies("/instagram/" + GRAPH_VERSION + "/[0-9]+/messages").stream()
                .filter(b -> igsid.equals(b.path("recipient").path("id").asText())).toList();
    }

    /** Form fields of the SMS sent to this phone (digits, no '+'), oldest first. */
    public List<Map<String, String>> smsTo(String digits) {
        return requests("/sms/sms/send").stream().map(Fakes::form)
                .filter(f -> digits.equals(f.get("to"))).toList();
    }

    /** Bodies of every crm.lead.add call on any portal. */
    public List<JsonNode> bitrixLeadAdds() {
        return bodies("/bitrix24/[^/]+/rest/[0-9]+/[^/]+/crm\\.lead\\.add\\.json");
    }

    /** Bodies of every crm.lead.update call on any portal. */
    public List<JsonNode> bitrixLeadUpdates() {
        return bodies("/bitrix24/[^/]+/rest/[0-9]+/[^/]+/crm\\.lead\\.update\\.json");
    }

    /** Distinct leads the Bitrix24 fakes received (by ORIGIN_ID, our lead id). */
    public int distinctCrmLeads() {
        Set<String> ids = new TreeSet<>();
        bitrixLeadAdds().forEach(b -> ids.add(b.path("fields").path("ORIGIN_ID").asText()));
        return ids.size();
    }

    private List<LoggedRequest> requests(String pathRegex) {
        List<LoggedRequest> found = new java.util.ArrayList<>(server.findAll(postRequestedFor(
                urlPathMatching(pathRegex))));
        found.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
        return found;
    }

    private List<JsonNode> bodies(String pathRegex) {
        return requests(pathRegex).stream().map(Fakes::parse).toList();
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static JsonNode parse(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException("a fake received a body that is not JSON: " + request.getBodyAsString(),
                    e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
