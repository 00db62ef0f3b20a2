package io.otklik.e2e.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import io.otklik.e2e.Http;
import io.otklik.e2e.Shutdown;
import io.otklik.e2e.Suite;
import io.otklik.testkit.Ports;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The metrics rebuild ({@code ./otklik metrics-rebuild}, and RebuildIT): replays every event topic from the start into
 * a fresh metrics store — one metrics-service process with a new database and a new consumer group — waits until it
 * has consumed every topic to the end offsets seen at the start, and reads the report over the whole history from it
 * and, when given, from the live service, for the totals of all tenants and for each tenant.
 */
public final class MetricsRebuild {

    /** The consumer group of the live metrics-service unless OTKLIK_METRICS_GROUP says otherwise. */
    public static final String DEFAULT_LIVE_GROUP = "metrics-service";
    /** The whole history: events count by their own time, and the demo's reminder day dates some in the future. */
    public static final Instant HISTORY_FROM = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant HISTORY_TO = Instant.parse("2100-01-01T00:00:00Z");
    /** The key of the admin totals in the report maps. */
    public static final String ALL_TENANTS = "*";

    private static final int READ_ATTEMPTS = 5;

    /**
     * What to rebuild from and into.
     *
     * @param workDir   the rebuilt service's log goes to {@code workDir/logs}
     * @param adminKey  the admin API key of the rebuilt service and of the live one
     * @param liveUrl   the live metrics-service (e.g. http://127.0.0.1:8086), or null not to compare
     * @param liveGroup its consumer group: the comparison waits until it has read what the rebuild read
     * @param serviceEnv more settings for the rebuilt process (the tenants' API keys come from the environment)
     */
    public record Settings(Path root, Path workDir, String kafka, MetricsStore store, String database, String group,
                           String adminKey, Instant from, Instant to, String liveUrl, String liveGroup,
                           Duration timeout, Map<String, String> serviceEnv) {
    }

    /**
     * What the rebuild found.
     *
     * @param events      records the rebuilt store consumed (the topics' retained history when it read the reports)
     * @param rebuilt     report per scope ({@link #ALL_TENANTS} first, then the tenants, sorted)
     * @param live        the live service's reports of the same scopes, or null when not compared
     * @param liveProblem why the live service was not compared (null when it was, or was not asked for)
     * @param differences one line per field that differs (empty when identical or not compared)
     */
    public record Outcome(String database, String group, long events, Map<String, JsonNode> rebuilt,
                          Map<String, JsonNode> live, String liveProblem, List<String> differences) {

        public boolean compared() {
            return live != null;
        }

        public boolean identical() {
            return compared() && differences.isEmpty();
        }

        /** The settings that switch metrics-service to the rebuilt store (its database and its consumer group). */
        public Map<String, String> switchEnv() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("OTKLIK_METRICS_DB", database);
            env.put("OTKLIK_METRICS_GROUP", group);
            return env;
        }
    }

    private MetricsRebuild() {
    }

    /**
     * Runs the rebuild; the metrics-service it starts is in {@code started} (a synchronized list) while it runs, so a
     * shutdown hook can stop it, and is stopped before this returns. The rebuilt database is kept.
     */
    public static Outcome run(Settings s, Consumer<String> out, List<AutoCloseable> started) throws Exception {
        try (TopicOffsets offsets = TopicOffsets.connect(s.kafka())) {
            List<String> topics = offsets.eventTopics();
            TopicOffsets.Snapshot start = offsets.snapshot(topics);
            out.accept(String.format("rebuild: broker %s: %d event topics, %d events retained; reading them from the"
                    + " start into database %s (consumer group %s)", s.kafka(), topics.size(), start.events(),
                    s.database(), s.group()));
            s.store().check();
            s.store().createFresh(s.database());
            out.accept("rebuild: created database " + s.database() + " on " + s.store());
            try {
                return rebuild(s, offsets, topics, start, out, started);
            } catch (Exception | Error e) {
                // a half-filled store is of no use: the next rebuild starts from the topics again
                out.accept("rebuild: failed; dropping database " + s.database());
                s.store().drop(s.database());
                throw e;
            }
        }
    }

    private static Outcome rebuild(Settings s, TopicOffsets offsets, List<String> topics, TopicOffsets.Snapshot start,
                                   Consumer<String> out, List<AutoCloseable> started) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", s.kafka());
        env.put("OTKLIK_PG_HOST", s.store().host());
        env.put("OTKLIK_PG_PORT", Integer.toString(s.store().port()));
        env.put("OTKLIK_PG_USER", s.store().user());
        if (s.store().password() != null) {
            env.put("OTKLIK_PG_PASSWORD", s.store().password());
        }
        Map<String, String> metricsEnv = new HashMap<>(s.serviceEnv());
        metricsEnv.put("OTKLIK_METRICS_DB", s.database());
        metricsEnv.put("OTKLIK_METRICS_GROUP", s.group());
        metricsEnv.put("OTKLIK_ADMIN_API_KEY", s.adminKey());
        // the live service sent each unreadable event to its dead-letter topic already
        metricsEnv.put("OTKLIK_METRICS_FAILURE_STRATEGY", "ignore");
        Suite suite = Suite.start(s.root(), s.workDir().resolve("logs"), "rebuild", Ports.freeBlock(6), env,
                List.of(Suite.Service.METRICS), Map.of(Suite.Service.METRICS, metricsEnv),
                line -> out.accept("rebuild: " + line));
        started.add(suite);
        try {
            String rebuiltUrl = suite.url(Suite.Service.METRICS);
            offsets.awaitConsumed(s.group(), start, s.timeout(), Duration.ofSeconds(3), "rebuild", out);
            return read(s, offsets, topics, rebuiltUrl, out);
        } finally {
            started.remove(suite);
            Shutdown.closeAll(new ArrayList<>(List.of(suite)), "rebuild");
        }
    }

    /**
     * Reads both services' reports at a moment when both have consumed the same end offsets, and nothing was published
     * while reading (else reads again).
     */
    private static Outcome read(Settings s, TopicOffsets offsets, List<String> topics, String rebuiltUrl,
                                Consumer<String> out) throws Exception {
        for (int attempt = 1; ; attempt++) {
            TopicOffsets.Snapshot ends = offsets.snapshot(topics);
            offsets.awaitConsumed(s.group(), ends, s.timeout(), Duration.ofSeconds(3), "rebuild", line -> { });
            String liveProblem = null;
            if (s.liveUrl() != null) {
                liveProblem = awaitLive(s, offsets, ends, out);
            }
            List<String> tenants = s.store().tenants(s.database());
            Map<String, JsonNode> rebuilt = reports(rebuiltUrl, s, tenants);
            Map<String, JsonNode> live = null;
            if (s.liveUrl() != null && liveProblem == null) {
                try {
                    live = reports(s.liveUrl(), s, tenants);
                } catch (IOException e) {
                    liveProblem = "the live metrics-service at " + s.liveUrl() + " did not answer: " + e.getMessage();
                }
            }
            if (offsets.snapshot(topics).sameEnds(ends) || attempt == READ_ATTEMPTS) {
                if (attempt == READ_ATTEMPTS && !offsets.snapshot(topics).sameEnds(ends)) {
                    out.accept("rebuild: events keep arriving; the reports were read while the topics moved");
                }
                List<String> differences = live == null ? List.of() : ReportDiff.differences(rebuilt, live);
                return new Outcome(s.database(), s.group(), ends.events(), rebuilt, live, liveProblem, differences);
            }
            out.accept("rebuild: new events arrived while the reports were read; reading again");
        }
    }

    /** Waits (at most a minute) until the live group has read what the rebuild read; null when it has. */
    private static String awaitLive(Settings s, TopicOffsets offsets, TopicOffsets.Snapshot ends,
                                    Consumer<String> out) throws InterruptedException {
        if (offsets.committed(s.liveGroup()).isEmpty()) {
            return "consumer group " + s.liveGroup() + " has no offsets on " + s.kafka()
                    + ": the live metrics-service does not read this broker (or --live-group is wrong)";
        }
        try {
            offsets.awaitConsumed(s.liveGroup(), ends, Duration.ofSeconds(60), Duration.ofSeconds(10), "live",
                    line -> { });
            return null;
        } catch (IllegalStateException e) {
            return "the live metrics-service is behind: " + e.getMessage();
        }
    }

    /** The admin totals and each tenant's report over the settings' window; tenants unknown to the service skipped. */
    static Map<String, JsonNode> reports(String baseUrl, Settings s, List<String> tenants)
            throws IOException, InterruptedException {
        String window = baseUrl + "/api/v1/metrics?from=" + s.from() + "&to=" + s.to();
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        reports.put(ALL_TENANTS, Http.get(window, s.adminKey()));
        for (String tenant : tenants) {
            JsonNode report = Http.getIfFound(window + "&tenant=" + URLEncoder.encode(tenant, StandardCharsets.UTF_8),
                    s.adminKey());
            if (report != null) {
                reports.put(tenant, report);
            }
        }
        return Collections.unmodifiableMap(reports);
    }
}
