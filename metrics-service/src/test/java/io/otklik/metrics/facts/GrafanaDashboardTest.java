package io.otklik.metrics.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.otklik.events.Topics;
import io.otklik.events.data.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/grafana/otklik-metrics.json against what metrics-service really exposes: the dashboard is a valid Grafana
 * dashboard, and every series, label and label value its queries use is one {@link FactMeters} registers — read from
 * a Prometheus registry the real FactMeters wrote to — so renaming a meter or a tag breaks the build here.
 */
class GrafanaDashboardTest {

    static final Path DASHBOARD = Path.of("../deploy/grafana/otklik-metrics.json");
    /** Label selectors {@code name="v"}, {@code name=~"v"} … inside a PromQL selector. */
    static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
    static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");
    static final Pattern OTKLIK_NAME = Pattern.compile("\\botklik_[a-zA-Z0-9_]+");

    static JsonNode dashboard;
    static PrometheusMeterRegistry registry;
    /** Series name (as scraped) → its label names; label name → values seen. */
    static final Map<String, Set<String>> SERIES = new HashMap<>();
    static final Map<String, Set<String>> LABEL_VALUES = new HashMap<>();

    @BeforeAll
    static void readDashboardAndScrapeTheMeters() throws IOException {
        dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        FactMeters meters = new FactMeters(registry);
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        for (Channel channel : Channel.values()) {
            Fact answer = new Fact(UUID.randomUUID(), "demo-salon", Topics.REPLY_SENT, "conv-" + channel, now,
                    "conv-" + channel, channel,
                    new Fact.Answer(UUID.randomUUID(), now.minusMillis(1200), now, 1200));
            meters.counted(answer);
            meters.firstResponse(answer);
        }
        for (String topic : Topics.all()) {
            meters.counted(new Fact(UUID.randomUUID(), "demo-clinic", topic, "s", now, null, null, null));
        }
        for (String line : registry.scrape().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            String name = brace < 0 ? line.substring(0, line.indexOf(' ')) : line.substring(0, brace);
            Set<String> labels = SERIES.computeIfAbsent(name, n -> new TreeSet<>());
            if (brace >= 0) {
                Matcher m = MATCHER.matcher(line.substring(brace, line.lastIndexOf('}') + 1));
                while (m.find()) {
                    labels.add(m.group(1));
                    LABEL_VALUES.computeIfAbsent(m.group(1), l -> new TreeSet<>()).add(m.group(3));
                }
            }
        }
    }

    @Test
    void theConstantsNameWhatFactMetersRegisters() {
        assertThat(registry.getMeters()).extracting(m -> m.getId().getName())
                .containsOnly(FactMeters.EVENTS, FactMeters.FIRST_RESPONSE);
        assertThat(SERIES).containsKeys(FactMeters.EVENTS_PROMETHEUS, FactMeters.FIRST_RESPONSE_PROMETHEUS + "_bucket",
                FactMeters.FIRST_RESPONSE_PROMETHEUS + "_count", FactMeters.FIRST_RESPONSE_PROMETHEUS + "_sum",
                FactMeters.FIRST_RESPONSE_PROMETHEUS + "_max");
        // the 5 s target is a bucket boundary, as the dashboard's "within 5 s" panels need
        assertThat(LABEL_VALUES.get("le")).contains("5.0");
    }

    @Test
    void metersUseOnlyBoundedTags() {
        Set<String> tags = new HashSet<>();
        for (Meter meter : registry.getMeters()) {
            meter.getId().getTags().forEach(t -> tags.add(t.getKey()));
        }
        assertThat(tags).containsOnly(FactMeters.TAG_TENANT, FactMeters.TAG_CHANNEL, FactMeters.TAG_TYPE);
        assertThat(List.of(FactMeters.TAG_TENANT, FactMeters.TAG_CHANNEL, FactMeters.TAG_TYPE))
                .containsExactly("tenant", "channel", "type");
    }

    @Test
    void isAGrafanaDashboard() {
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("uid").asText()).matches("[a-zA-Z0-9_-]{1,40}");
        assertThat(dashboard.path("schemaVersion").asInt()).isBetween(36, 41);
        assertThat(dashboard.path("time").path("from").asText()).isNotBlank();

        JsonNode vars = dashboard.path("templating").path("list");
        JsonNode datasource = variable(vars, "datasource");
        assertThat(datasource.path("type").asText()).isEqualTo("datasource");
        assertThat(datasource.path("query").asText()).isEqualTo("prometheus");
        JsonNode tenant = variable(vars, "tenant");
        assertThat(tenant.path("type").asText()).isEqualTo("query");
        assertThat(tenant.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
        assertThat(tenant.path("query").path("query").asText())
                .isEqualTo("label_values(" + FactMeters.EVENTS_PROMETHEUS + ", " + FactMeters.TAG_TENANT + ")");
        assertThat(tenant.path("definition").asText()).isEqualTo(tenant.path("query").path("query").asText());

        Set<Integer> ids = new HashSet<>();
        int queryPanels = 0;
        for (JsonNode panel : panels()) {
            String title = panel.path("title").asText();
            assertThat(panel.path("id").isInt()).as(title + ": id").isTrue();
            assertThat(ids.add(panel.path("id").asInt())).as("panel id " + panel.path("id") + " unique").isTrue();
            assertThat(title).as("every panel has a title").isNotBlank();
            assertThat(panel.path("type").asText()).as(title).isIn("row", "text", "stat", "timeseries", "gauge",
                    "bargauge", "table", "heatmap");
            JsonNode grid = panel.path("gridPos");
            for (String k : List.of("x", "y", "w", "h")) {
                assertThat(grid.path(k).isInt()).as(title + ": gridPos." + k).isTrue();
            }
            assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(title + ": fits 24 columns")
                    .isLessThanOrEqualTo(24);
            if (panel.path("type").asText().equals("row") || panel.path("type").asText().equals("text")) {
                continue;
            }
            queryPanels++;
            assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo("${datasource}");
            JsonNode targets = panel.path("targets");
            assertThat(targets.isArray() && targets.size() > 0).as(title + ": has targets").isTrue();
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : targets) {
                assertThat(refIds.add(target.path("refId").asText())).as(title + ": refIds unique").isTrue();
                assertThat(target.path("expr").asText()).as(title + ": expr").isNotBlank();
                assertThat(target.path("datasource").path("uid").asText()).as(title).isEqualTo("${datasource}");
            }
        }
        assertThat(queryPanels).isGreaterThanOrEqualTo(8);
    }

    @Test
    void everyQueryUsesRegisteredSeriesLabelsAndValues() {
        List<String> exprs = new ArrayList<>();
        panels().forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
        exprs.add(variable(dashboard.path("templating").path("list"), "tenant").path("query").path("query").asText());
        Set<String> allLabels = new TreeSet<>();
        SERIES.values().forEach(allLabels::addAll);
        Set<String> used = new TreeSet<>();
        for (String expr : exprs) {
            Matcher names = OTKLIK_NAME.matcher(expr);
            boolean any = false;
            while (names.find()) {
                any = true;
                used.add(names.group());
                assertThat(SERIES).as("'" + names.group() + "' in: " + expr).containsKey(names.group());
            }
            assertThat(any).as("queries an otklik_ metric: " + expr).isTrue();
            Matcher selector = SELECTOR.matcher(expr);
            while (selector.find()) {
                Set<String> labels = SERIES.getOrDefault(selector.group(1), Set.of());
                Matcher m = MATCHER.matcher(selector.group(2));
                while (m.find()) {
                    assertThat(labels).as("label " + m.group(1) + " of " + selector.group(1) + " in: " + expr)
                            .contains(m.group(1));
                    if (m.group(2).equals("=")) {
                        assertThat(LABEL_VALUES.get(m.group(1))).as(m.group(1) + " value in: " + expr)
                                .contains(m.group(3));
                    }
                }
            }
            Matcher grouping = GROUPING.matcher(expr);
            while (grouping.find()) {
                for (String label : grouping.group(1).split(",")) {
                    assertThat(allLabels).as("grouping label in: " + expr).contains(label.strip());
                }
            }
        }
        // both meters are on the dashboard; a type="…" value passes above only if it is an event type (the registry
        // was fed one event of every topic of io.otklik.events.Topics)
        assertThat(used).contains(FactMeters.EVENTS_PROMETHEUS, FactMeters.FIRST_RESPONSE_PROMETHEUS + "_bucket");
    }

    static List<JsonNode> panels() {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            all.add(panel);
            panel.path("panels").forEach(all::add);
        }
        assertThat(all).isNotEmpty();
        return all;
    }

    static JsonNode variable(JsonNode vars, String name) {
        for (JsonNode v : vars) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no templating variable '" + name + "' in " + DASHBOARD);
    }
}
