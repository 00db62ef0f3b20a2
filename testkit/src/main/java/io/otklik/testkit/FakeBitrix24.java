package io.otklik.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * A stateful fake Bitrix24 portal for WireMock that really keeps leads: {@code crm.lead.add} creates one (ids count
 * up), {@code crm.lead.list} finds them by {@code ORIGIN_ID}, {@code crm.lead.update} records each update in order,
 * and {@code batch} runs its commands (PHP query strings) one by one. Answers are Bitrix24's real wire format
 * ({@code {"result":…,"time":{…}}}, batch {@code {"result":{"result":{…},"result_error":{…},…}}}, errors
 * {@code {"error":"QUERY_LIMIT_EXCEEDED","error_description":"…"}} with HTTP 503).
 * <p>
 * It can misbehave on purpose: a share of requests answer 503 QUERY_LIMIT_EXCEEDED before doing anything, a share do
 * their work and then answer late (the client times out: a lost answer), a share of batch commands fail alone in
 * {@code result_error}; and it can enforce Bitrix24's own leaky bucket (rps, burst), answering 503 when a request
 * comes too early ({@link #limitErrors()}). Every request's arrival time is kept for rate checks.
 * <p>
 * Register it with {@code WireMockConfiguration.options().extensions(fake)} and call {@link #install}.
 */
public class FakeBitrix24 implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "otklik-fake-bitrix24";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern METHOD = Pattern.compile(".*/([a-z.]+)\\.json$");
    private static final String TIME = "{\"start\":1764064800.12,\"finish\":1764064800.31,\"duration\":0.19,"
            + "\"processing\":0.05,\"date_start\":\"2026-11-25T13:00:00+03:00\","
            + "\"date_finish\":\"2026-11-25T13:00:00+03:00\",\"operating_reset_at\":1764065400,\"operating\":0.05}";

    /** A lead the portal holds: our lead id and every update it received, in order. */
    public record Lead(long id, String originId, List<Map<String, String>> updates) {
    }

    private final Random random;
    private double failShare;
    private double slowShare;
    private int slowMillis = 5000;
    private double commandFailShare;
    private double bucketRps;
    private int bucketBurst;
    private double bucketLevel;
    private long bucketAt;

    private long nextId = 1000;
    private final Map<Long, Lead> leads = new LinkedHashMap<>();
    private final Map<String, List<Long>> byOrigin = new LinkedHashMap<>();
    private final List<Long> arrivals = new ArrayList<>();
    private int requests;
    private int commands;
    private int batches;
    private int failed;
    private int slow;
    private int limitErrors;
    private int updatesOfUnknownLeads;
    private long firstRequestNanos;
    private long lastNewLeadNanos;

    public FakeBitrix24(long seed) {
        this.random = new Random(seed);
    }

    /** Shares (0…1) of requests answering 503 at once, answering after {@code slowMillis}, and of failing commands. */
    public synchronized FakeBitrix24 faults(double failShare, double slowShare, int slowMillis,
                                            double commandFailShare) {
        this.failShare = failShare;
        this.slowShare = slowShare;
        this.slowMillis = slowMillis;
        this.commandFailShare = commandFailShare;
        return this;
    }

    /** Enforces Bitrix24's leaky bucket: {@code burst} requests at once, drained at {@code rps}. */
    public synchronized FakeBitrix24 enforceLimit(double rps, int burst) {
        this.bucketRps = rps;
        this.bucketBurst = burst;
        return this;
    }

    /** Routes every POST under {@code webhookPath} (e.g. /rest/1/code) to this fake. */
    public void install(WireMockServer server, String webhookPath) {
        server.stubFor(post(urlPathMatching(Pattern.quote(webhookPath) + "/[a-z.]+\\.json"))
                .willReturn(aResponse().withTransformers(NAME)));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
        long now = System.nanoTime();
        if (arrivals.isEmpty()) {
            firstRequestNanos = now;
        }
        arrivals.add(now);
        requests++;
        if (bucketRps > 0 && !leak(now)) {
            limitErrors++;
            return error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests");
        }
        if (random.nextDouble() < failShare) {
            failed++;
            return error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests");
        }
        var matcher = METHOD.matcher(serveEvent.getRequest().getUrl().replaceAll("\\?.*", ""));
        if (!matcher.matches()) {
            return error(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
        }
        String method = matcher.group(1);
        JsonNode body;
        try {
            body = JSON.readTree(serveEvent.getRequest().getBodyAsString());
        } catch (Exception e) {
            return error(400, "INVALID_REQUEST", "unreadable body");
        }
        ObjectNode answer;
        if (method.equals("batch")) {
            batches++;
            answer = batch(body);
        } else {
            Object[] result = run(method, body);
            if (result[1] != null) {
                ObjectNode error = (ObjectNode) result[1];
                return json(400, error.toString());
            }
            answer = JsonNodeFactory.instance.objectNode();
            answer.set("result", (JsonNode) result[0]);
            if (result[0] instanceof ArrayNode list) {
                answer.put("total", list.size());
            }
        }
        answer.set("time", parse(TIME));
        ResponseDefinition response = json(200, answer.toString());
        if (random.nextDouble() < slowShare) {
            // the work is done, the answer comes too late for the client: it must not add the lead again
            slow++;
            return ResponseDefinitionBuilder.like(response).withFixedDelay(slowMillis).build();
        }
        return response;
    }

    private ObjectNode batch(JsonNode body) {
        ObjectNode results = JsonNodeFactory.instance.objectNode();
        ObjectNode errors = JsonNodeFactory.instance.objectNode();
        ObjectNode totals = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> cmd = body.path("cmd").fields();
        int count = 0;
        while (cmd.hasNext()) {
            Map.Entry<String, JsonNode> entry = cmd.next();
            if (++count > 50) {
                ObjectNode error = JsonNodeFactory.instance.objectNode();
                error.put("error", "ERROR_BATCH_LENGTH_EXCEEDED");
                error.put("error_description", "Max batch length exceeded");
                return error;
            }
            String command = entry.getValue().asText();
            int q = command.indexOf('?');
            String method = q < 0 ? command : command.substring(0, q);
            JsonNode params = JSON.valueToTree(parseQuery(q < 0 ? "" : command.substring(q + 1)));
            if (random.nextDouble() < commandFailShare) {
                ObjectNode error = JsonNodeFactory.instance.objectNode();
                error.put("error", "QUERY_LIMIT_EXCEEDED");
                error.put("error_description", "Too many requests");
                errors.set(entry.getKey(), error);
                continue;
            }
            Object[] result = run(method, params);
            if (result[1] != null) {
                errors.set(entry.getKey(), (JsonNode) result[1]);
            } else {
                results.set(entry.getKey(), (JsonNode) result[0]);
                if (result[0] instanceof ArrayNode list) {
                    totals.put(entry.getKey(), list.size());
                }
            }
        }
        ObjectNode inner = JsonNodeFactory.instance.objectNode();
        // PHP serialises empty maps as []
        inner.set("result", results.isEmpty() ? JsonNodeFactory.instance.arrayNode() : results);
        inner.set("result_error", errors.isEmpty() ? JsonNodeFactory.instance.arrayNode() : errors);
        inner.set("result_total", totals.isEmpty() ? JsonNodeFactory.instance.arrayNode() : totals);
        inner.set("result_next", JsonNodeFactory.instance.arrayNode());
        inner.set("result_time", JsonNodeFactory.instance.arrayNode());
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.set("result", inner);
        return answer;
    }

    /** One method: {result, null} or {null, error}. */
    private Object[] run(String method, JsonNode params) {
        commands++;
        switch (method) {
            case "crm.lead.add" -> {
                String origin = params.path("fields").path("ORIGIN_ID").asText("");
                long id = ++nextId;
                leads.put(id, new Lead(id, origin, new ArrayList<>()));
                byOrigin.computeIfAbsent(origin, o -> {
                    lastNewLeadNanos = System.nanoTime();
                    return new ArrayList<>();
                }).add(id);
                return new Object[] {JsonNodeFactory.instance.numberNode(id), null};
            }
            case "crm.lead.list" -> {
                String origin = params.path("filter").path("ORIGIN_ID").asText("");
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                for (long id : byOrigin.getOrDefault(origin, List.of())) {
                    list.addObject().put("ID", Long.toString(id));
                }
                return new Object[] {list, null};
            }
            case "crm.lead.update" -> {
                Lead lead = leads.get(params.path("id").asLong(-1));
                if (lead == null) {
                    updatesOfUnknownLeads++;
                    ObjectNode error = JsonNodeFactory.instance.objectNode();
                    error.put("error", "");
                    error.put("error_description", "Not found");
                    return new Object[] {null, error};
                }
                Map<String, String> fields = new LinkedHashMap<>();
                params.path("fields").fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
                lead.updates().add(fields);
                return new Object[] {JsonNodeFactory.instance.booleanNode(true), null};
            }
            default -> {
                ObjectNode error = JsonNodeFactory.instance.objectNode();
                error.put("error", "ERROR_METHOD_NOT_FOUND");
                error.put("error_description", "Method not found!");
                return new Object[] {null, error};
            }
        }
    }

    private boolean leak(long now) {
        if (bucketAt != 0) {
            bucketLevel = Math.max(0, bucketLevel - (now - bucketAt) / 1e9 * bucketRps);
        }
        bucketAt = now;
        if (bucketLevel + 1 > bucketBurst + 1e-9) {
            return false;
        }
        bucketLevel += 1;
        return true;
    }

    /**
     * The largest excess of requests over {@code rps × window + burst} in any window between two arrivals, where each
     * window is widened by {@code slackMillis} (network and scheduling delay between the client's token and the
     * arrival here). 0 or less means the client kept to the limit.
     */
    public synchronized double maxExcess(double rps, int burst, long slackMillis) {
        double worst = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < arrivals.size(); i++) {
            for (int j = i; j < arrivals.size(); j++) {
                double window = (arrivals.get(j) - arrivals.get(i)) / 1e9 + slackMillis / 1000.0;
                worst = Math.max(worst, (j - i + 1) - (rps * window + burst));
            }
        }
        return arrivals.isEmpty() ? 0 : worst;
    }

    /** PHP's parse_str for what the client sends: {@code a[b][0][c]=v} → nested maps (list indexes as keys). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseQuery(String query) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            List<String> path = new ArrayList<>();
            int open = key.indexOf('[');
            path.add(open < 0 ? key : key.substring(0, open));
            while (open >= 0) {
                int close = key.indexOf(']', open);
                path.add(key.substring(open + 1, close));
                open = key.indexOf('[', close);
            }
            Map<String, Object> node = root;
            for (int i = 0; i < path.size() - 1; i++) {
                node = (Map<String, Object>) node.computeIfAbsent(path.get(i), k -> new LinkedHashMap<>());
            }
            node.put(path.get(path.size() - 1), value);
        }
        return root;
    }

    private static ResponseDefinition error(int status, String code, String description) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("error", code);
        error.put("error_description", description);
        return json(status, error.toString());
    }

    private static ResponseDefinition json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body).build();
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized Map<Long, Lead> leads() {
        Map<Long, Lead> copy = new LinkedHashMap<>();
        leads.forEach((id, lead) -> copy.put(id, new Lead(id, lead.originId(), List.copyOf(lead.updates()))));
        return copy;
    }

    /** ORIGIN_IDs (our lead ids) added more than once. */
    public synchronized int duplicates() {
        return (int) byOrigin.values().stream().filter(ids -> ids.size() > 1).count();
    }

    /** Distinct ORIGIN_IDs added. */
    public synchronized int distinctLeads() {
        return byOrigin.size();
    }

    /** {@link System#nanoTime()} of the first request, 0 before it. */
    public synchronized long firstRequestNanos() {
        return firstRequestNanos;
    }

    /** {@link System#nanoTime()} when the last new ORIGIN_ID was added. */
    public synchronized long lastNewLeadNanos() {
        return lastNewLeadNanos;
    }

    public synchronized int requests() {
        return requests;
    }

    public synchronized int commands() {
        return commands;
    }

    public synchronized int batches() {
        return batches;
    }

    public synchronized int injectedFailures() {
        return failed;
    }

    public synchronized int slowAnswers() {
        return slow;
    }

    public synchronized int limitErrors() {
        return limitErrors;
    }

    public synchronized int updatesOfUnknownLeads() {
        return updatesOfUnknownLeads;
    }
}
