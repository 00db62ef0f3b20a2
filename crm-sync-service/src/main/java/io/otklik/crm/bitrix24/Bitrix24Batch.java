package io.otklik.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.otklik.crm.CrmOutcome;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bitrix24's {@code batch} method: up to 50 commands in one request, which costs one request of the portal's limit.
 * <pre>
 * POST &lt;webhook&gt;/batch.json {"halt":0,"cmd":{"c0":"crm.lead.add?fields[TITLE]=…","c1":"crm.lead.update?id=5&amp;…"}}
 * → {"result":{"result":{"c0":3465,"c1":true},"result_error":{"c2":{"error":"…","error_description":"…"}},
 *    "result_total":{…},"result_next":{…},"result_time":{…}},"time":{…}}
 * </pre>
 * A command's parameters are a URL-encoded PHP query string ({@code fields[PHONE][0][VALUE]=%2B7916…}). With
 * {@code halt=0} one command's error does not stop the others; its error sits in {@code result_error} while the HTTP
 * status stays 200. Empty maps come as {@code []} (PHP), so every part is read with {@code path()}.
 */
public final class Bitrix24Batch {

    /** Bitrix24 refuses more with ERROR_BATCH_LENGTH_EXCEEDED. */
    public static final int MAX_COMMANDS = 50;

    /** Per-command error codes worth trying again: limits and server trouble. */
    private static final Set<String> RETRYABLE = Set.of("QUERY_LIMIT_EXCEEDED", "OPERATION_TIME_LIMIT",
            "OVERLOAD_LIMIT", "INTERNAL_SERVER_ERROR", "ERROR_UNEXPECTED_ANSWER");

    private Bitrix24Batch() {
    }

    /** The command key of the i-th call. */
    public static String key(int index) {
        return "c" + index;
    }

    /** The batch request for these calls (method name → the JSON body a single call would send). */
    public static Map<String, Object> request(List<Map.Entry<String, Map<String, Object>>> calls) {
        Map<String, Object> cmd = new LinkedHashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            cmd.put(key(i), command(calls.get(i).getKey(), calls.get(i).getValue()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("halt", 0);
        body.put("cmd", cmd);
        return body;
    }

    /** {@code method?query} with the body flattened PHP-style. */
    public static String command(String method, Map<String, ?> body) {
        StringBuilder query = new StringBuilder();
        flatten(query, "", body);
        return query.isEmpty() ? method : method + "?" + query;
    }

    private static void flatten(StringBuilder query, String prefix, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(query, prefix.isEmpty() ? encode(String.valueOf(k))
                    : prefix + "[" + encode(String.valueOf(k)) + "]", v));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(query, prefix + "[" + i + "]", list.get(i));
            }
        } else if (value instanceof JsonNode node) {
            flatten(query, prefix, io.otklik.events.EventJson.mapper().convertValue(node, Object.class));
        } else {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(prefix).append('=').append(encode(String.valueOf(value)));
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * The i-th command's answer shaped like a single call's ({@code {"result":…,"total":…}}), or null when the batch
     * answered with an error for it (see {@link #error}).
     */
    public static JsonNode answerOf(JsonNode batchAnswer, int index) {
        JsonNode outer = batchAnswer.path("result");
        JsonNode result = outer.path("result").path(key(index));
        if (result.isMissingNode()) {
            return null;
        }
        ObjectNode single = JsonNodeFactory.instance.objectNode();
        single.set("result", result);
        JsonNode total = outer.path("result_total").path(key(index));
        if (!total.isMissingNode()) {
            single.set("total", total);
        }
        return single;
    }

    /** The i-th command's failure: its entry in result_error, or an unreadable answer when it has neither. */
    public static CrmOutcome error(JsonNode batchAnswer, int index) {
        JsonNode error = batchAnswer.path("result").path("result_error").path(key(index));
        if (error.isMissingNode() || error.isNull()) {
            return CrmOutcome.failed(200, "ERROR_UNEXPECTED_ANSWER", "batch answered nothing for command "
                    + key(index), true);
        }
        String code = error.path("error").asText("");
        String description = error.path("error_description").asText("");
        return CrmOutcome.failed(200, code.isBlank() ? "BATCH_COMMAND_ERROR" : code,
                description.isBlank() ? null : description, RETRYABLE.contains(code));
    }

    /** Whether the answer is a batch answer at all (a proxy may answer 200 with something else). */
    public static boolean readable(JsonNode batchAnswer) {
        return batchAnswer != null && batchAnswer.path("result").isContainerNode();
    }
}
