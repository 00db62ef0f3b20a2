package io.otklik.e2e.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Compares metrics reports field by field, and prints one compactly. */
public final class ReportDiff {

    private ReportDiff() {
    }

    /** One line per field (JSON path) whose value differs, prefixed with the scope; also scopes only one side has. */
    public static List<String> differences(Map<String, JsonNode> rebuilt, Map<String, JsonNode> live) {
        List<String> lines = new ArrayList<>();
        TreeSet<String> scopes = new TreeSet<>(rebuilt.keySet());
        scopes.addAll(live.keySet());
        for (String scope : scopes) {
            JsonNode a = rebuilt.get(scope);
            JsonNode b = live.get(scope);
            if (a == null || b == null) {
                lines.add(scope + ": report only in the " + (a == null ? "live" : "rebuilt") + " store");
            } else {
                diff(scope + ": ", "", a, b, lines);
            }
        }
        return lines;
    }

    private static void diff(String prefix, String path, JsonNode a, JsonNode b, List<String> lines) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(prefix, path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), lines);
            }
        } else if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(prefix, path + "[" + i + "]", a.get(i), b.get(i), lines);
            }
        } else if (a == null || !a.equals(b)) {
            lines.add(prefix + path + " rebuilt=" + a + " live=" + b);
        }
    }

    /** The report's counts and rates on one line. */
    public static String compact(JsonNode r) {
        StringBuilder line = new StringBuilder();
        for (String field : List.of("conversations", "messages", "leads", "booked", "confirmed", "cancelled",
                "rescheduled", "no_show", "replies_sent", "replies_failed")) {
            line.append(field).append('=').append(r.path(field).asText("-")).append(' ');
        }
        line.append(String.format(Locale.ROOT, "fallback_rate=%.3f chat_to_lead=%.3f",
                r.path("fallback_rate").asDouble(), r.path("chat_to_lead").asDouble()));
        JsonNode ttfr = r.path("ttfr");
        line.append(" ttfr_count=").append(ttfr.path("count").asText("-"))
                .append(" ttfr_p50_ms=").append(ttfr.path("p50_ms").asText("-"))
                .append(" ttfr_p90_ms=").append(ttfr.path("p90_ms").asText("-"))
                .append(" under_5s=").append(ttfr.path("under_5s_share").asText("-"));
        return line.toString();
    }

    /** Number of leaf fields of a report, for "N fields compared". */
    public static int fields(JsonNode node) {
        if (node == null || !(node.isContainerNode())) {
            return 1;
        }
        int n = 0;
        Iterator<JsonNode> children = node.elements();
        while (children.hasNext()) {
            n += fields(children.next());
        }
        return n;
    }
}
