package io.otklik.ingest.webform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otklik.platform.web.Problem.FieldError;
import io.otklik.platform.web.ProblemException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The raw fields of a lead as a site sent them: a JSON object or an {@code application/x-www-form-urlencoded} body
 * (what a plain HTML form posts), with the same field names. Wrong types are collected as field errors, not thrown,
 * so a client learns about every bad field in one answer.
 *
 * @param values   the known fields present, as text
 * @param problems fields whose JSON type was wrong
 */
public record LeadFields(Map<String, String> values, List<FieldError> problems) {

    /** Every field a lead may carry. */
    public static final List<String> NAMES = List.of("name", "phone", "message", "utm_source", "utm_medium",
            "utm_campaign", "utm_content", "utm_term", "pageUrl", "formId", "submissionId");

    private static final List<String> UTM_PARTS = List.of("source", "medium", "campaign", "content", "term");
    private static final ObjectMapper JSON = new ObjectMapper();

    public String get(String field) {
        return values.get(field);
    }

    /**
     * Reads the body by its content type: form-encoded, or JSON for anything else a browser or server sends
     * (application/json, text/plain from a preflight-free fetch, none).
     *
     * @throws ProblemException 400 naming {@code body} when it is not a JSON object, 415 for multipart
     */
    public static LeadFields read(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return form(body);
        }
        if (type.startsWith("multipart/")) {
            throw new ProblemException(415, "Unsupported media type",
                    "send application/json or application/x-www-form-urlencoded", "body");
        }
        return json(body);
    }

    static LeadFields form(byte[] body) {
        Map<String, String> values = new LinkedHashMap<>();
        String text = new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key;
            String value;
            try {
                key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("the form body is not valid application/x-www-form-urlencoded",
                        "body");
            }
            if (NAMES.contains(key)) {
                values.putIfAbsent(key, value);
            }
        }
        return new LeadFields(values, List.of());
    }

    static LeadFields json(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? new byte[0] : body);
        } catch (IOException e) {
            throw ProblemException.badRequest("the body is not valid JSON", "body");
        }
        if (root == null || root.isMissingNode()) {
            throw ProblemException.badRequest("the body is empty: send a JSON object with 'message' and/or 'phone'",
                    "body");
        }
        if (!root.isObject()) {
            throw ProblemException.badRequest("the body is not a JSON object", "body");
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<FieldError> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (NAMES.contains(field.getKey())) {
                text(field.getKey(), field.getValue(), values, problems);
            }
        }
        // the older form shape: "utm": {"source": ...}; flat utm_* fields win
        JsonNode utm = root.get("utm");
        if (utm != null && !utm.isNull()) {
            if (!utm.isObject()) {
                problems.add(new FieldError("utm", "must be an object with source, medium, campaign, content, term"));
            } else {
                for (String part : UTM_PARTS) {
                    JsonNode v = utm.get(part);
                    if (v != null && !values.containsKey("utm_" + part)) {
                        text("utm_" + part, v, values, problems);
                    }
                }
            }
        }
        return new LeadFields(values, problems);
    }

    private static void text(String name, JsonNode value, Map<String, String> values, List<FieldError> problems) {
        if (value.isNull()) {
            return;
        }
        if (value.isTextual()) {
            values.put(name, value.asText());
        } else if (name.equals("phone") && value.isIntegralNumber()) {
            values.put(name, value.asText()); // 79161234567 sent as a number
        } else {
            problems.add(new FieldError(name, "must be a string, not " + kind(value)));
        }
    }

    private static String kind(JsonNode value) {
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        return value.isArray() ? "an array" : "an object";
    }
}
