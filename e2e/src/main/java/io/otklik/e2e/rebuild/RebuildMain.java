package io.otklik.e2e.rebuild;

import io.otklik.e2e.Project;
import io.otklik.e2e.Shutdown;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ./otklik metrics-rebuild}: replays the Kafka topics from the start into a fresh metrics store
 * ({@link MetricsRebuild}), compares its numbers with the live metrics-service, and says how to switch to it
 * ({@code --swap}: writes {@code .otklik/up/metrics.env}, which {@code ./otklik up} reads).
 */
public final class RebuildMain {

    static final String USAGE = """
            usage: ./otklik metrics-rebuild [--kafka HOST:PORT] [--pg HOST:PORT] [--live URL | --no-live]
                                            [--live-group GROUP] [--swap] [--database NAME] [--from INSTANT]
                                            [--to INSTANT] [--timeout 600s]

            Replays every event topic from the start into a FRESH metrics store: creates the database
            otklik_metrics_<yyyyMMddHHmmss>, starts one metrics-service on a free port with it and the new consumer
            group metrics-service-<yyyyMMddHHmmss>, waits (with progress lines) until it has consumed every topic to
            the end offsets seen at the start, then reads GET /api/v1/metrics over the whole history (admin totals
            and each tenant) from it and from the live metrics-service, prints both, says whether they are
            identical, stops the process it started and prints how to switch to the rebuilt store.

              --kafka HOST:PORT   the broker (default: .otklik/up/infra.env of a running ./otklik up, then
                                  KAFKA_BOOTSTRAP_SERVERS)
              --pg HOST:PORT      PostgreSQL (default: .otklik/up/infra.env, then OTKLIK_PG_HOST/OTKLIK_PG_PORT);
                                  user OTKLIK_PG_USER (postgres), password OTKLIK_PG_PASSWORD
              --live URL          the live metrics-service (default http://127.0.0.1:8086, if it answers)
              --no-live           do not compare
              --live-group GROUP  the live service's consumer group (default: OTKLIK_METRICS_GROUP of
                                  .otklik/up/metrics.env, then of the environment, then metrics-service)
              --swap              write the rebuilt store's settings to .otklik/up/metrics.env (read by
                                  ./otklik up when it starts metrics-service); refused when the numbers differ
              --database NAME     the fresh database's name (must not exist)
              --from, --to        the compared window (default 1970-01-01T00:00:00Z … 2100-01-01T00:00:00Z)
              --timeout 600s      how long the replay may take

            The admin key (OTKLIK_ADMIN_API_KEY, as the services read it) is given to the rebuilt service and used
            to read both; the tenants' API keys come from the environment as for ./otklik up.
            Exit status: 0 identical (or not compared), 1 the numbers differ or the rebuild failed, 2 bad usage.""";

    private RebuildMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        return 0;
                    }
                    case "--no-live", "--swap" -> opts.put(a.substring(2), "true");
                    case "--kafka", "--pg", "--live", "--live-group", "--database", "--from", "--to", "--timeout" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(a + " needs a value");
                        }
                        opts.put(a.substring(2), args[++i]);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("metrics-rebuild: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }

        Path root = Project.root();
        Path upDir = root.resolve(".otklik/up");
        String stamp = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        MetricsRebuild.Settings settings;
        try {
            Map<String, String> infra = readEnv(upDir.resolve("infra.env"));
            Map<String, String> swapped = readEnv(upDir.resolve("metrics.env"));
            String kafka = first(opts.get("kafka"), infra.get("KAFKA_BOOTSTRAP_SERVERS"),
                    System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
            String pg = opts.get("pg");
            String pgHost = pg != null ? hostOf(pg) : first(infra.get("OTKLIK_PG_HOST"), System.getenv("OTKLIK_PG_HOST"));
            String pgPort = pg != null ? portOf(pg) : first(infra.get("OTKLIK_PG_PORT"), System.getenv("OTKLIK_PG_PORT"));
            if (kafka == null || pgHost == null) {
                throw new IllegalArgumentException("no running ./otklik up (" + upDir.resolve("infra.env")
                        + " is missing) and no " + (kafka == null ? "--kafka" : "--pg")
                        + ": start the suite with ./otklik up, or say where the broker and PostgreSQL are");
            }
            MetricsStore store = new MetricsStore(pgHost, Integer.parseInt(first(pgPort, "5432")),
                    first(infra.get("OTKLIK_PG_USER"), System.getenv("OTKLIK_PG_USER"), "postgres"),
                    System.getenv("OTKLIK_PG_PASSWORD"));
            String adminKey = System.getenv("OTKLIK_ADMIN_API_KEY");
            String liveUrl = opts.containsKey("no-live") ? null : first(opts.get("live"), "http://127.0.0.1:"
                    + first(System.getenv("OTKLIK_METRICS_PORT"), "8086"));
            if (liveUrl != null && (adminKey == null || adminKey.isBlank())) {
                say("OTKLIK_ADMIN_API_KEY is not set: the live totals cannot be read, so nothing is compared (set it"
                        + " to the live service's admin key)");
                liveUrl = null;
            }
            if (adminKey == null || adminKey.isBlank()) {
                adminKey = "rebuild-" + UUID.randomUUID();
            }
            if (liveUrl != null && !answers(liveUrl)) {
                say("no live metrics-service answers at %s: nothing to compare with", liveUrl);
                liveUrl = null;
            }
            String liveGroup = first(opts.get("live-group"), swapped.get("OTKLIK_METRICS_GROUP"),
                    System.getenv("OTKLIK_METRICS_GROUP"), MetricsRebuild.DEFAULT_LIVE_GROUP);
            Instant from = instant(opts.getOrDefault("from", MetricsRebuild.HISTORY_FROM.toString()), "--from");
            Instant to = instant(opts.getOrDefault("to", MetricsRebuild.HISTORY_TO.toString()), "--to");
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("--from must be before --to");
            }
            settings = new MetricsRebuild.Settings(root, root.resolve(".otklik/rebuild/" + stamp), kafka, store,
                    opts.getOrDefault("database", "otklik_metrics_" + stamp), "metrics-service-" + stamp, adminKey,
                    from, to, liveUrl, liveGroup, duration(opts.getOrDefault("timeout", "600s")), Map.of());
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("metrics-rebuild: " + e.getMessage());
            return 2;
        }

        List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
        Thread hook = new Thread(() -> Shutdown.closeAll(new ArrayList<>(started), "rebuild"), "rebuild-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        MetricsRebuild.Outcome outcome;
        try {
            outcome = MetricsRebuild.run(settings, RebuildMain::println, started);
        } catch (Exception e) {
            System.err.println("metrics-rebuild: failed: " + e.getMessage());
            return 1;
        }
        return report(settings, outcome, opts.containsKey("swap"), upDir);
    }

    private static int report(MetricsRebuild.Settings s, MetricsRebuild.Outcome o, boolean swap, Path upDir) {
        say("window %s … %s, %d events in the topics", s.from(), s.to(), o.events());
        o.rebuilt().forEach((scope, report) -> {
            String name = scope.equals(MetricsRebuild.ALL_TENANTS) ? "all tenants" : scope;
            say("%-12s rebuilt %s", name, ReportDiff.compact(report));
            if (o.live() != null && o.live().get(scope) != null) {
                say("%-12s live    %s", name, ReportDiff.compact(o.live().get(scope)));
            }
        });
        int exit = 0;
        if (o.liveProblem() != null) {
            say("not compared: %s", o.liveProblem());
        } else if (o.compared() && o.identical()) {
            int fields = o.rebuilt().values().stream().mapToInt(ReportDiff::fields).sum();
            say("IDENTICAL: the rebuilt store and the live one (%s) agree on all %d reports, %d fields",
                    s.liveUrl(), o.rebuilt().size(), fields);
        } else if (o.compared()) {
            say("DIFFERENT: %d fields differ between the rebuilt store and the live one (%s):",
                    o.differences().size(), s.liveUrl());
            o.differences().forEach(d -> System.out.println("  " + d));
            exit = 1;
        }
        StringBuilder env = new StringBuilder();
        o.switchEnv().forEach((k, v) -> env.append(k).append('=').append(v).append(' '));
        if (swap && exit == 0) {
            try {
                Files.createDirectories(upDir);
                StringBuilder text = new StringBuilder("# written by ./otklik metrics-rebuild --swap; read by ./otklik up"
                        + " when it starts metrics-service\n");
                o.switchEnv().forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
                Files.writeString(upDir.resolve("metrics.env"), text);
            } catch (IOException e) {
                System.err.println("metrics-rebuild: cannot write " + upDir.resolve("metrics.env") + ": " + e);
                return 1;
            }
            say("swapped: %s now holds %s", upDir.resolve("metrics.env"), env.toString().trim());
            say("restart metrics-service to use it: ./otklik down && ./otklik up (the broker and the databases are"
                    + " kept); the old database stays until you drop it");
        } else {
            if (exit != 0) {
                say("%sthe rebuilt store is kept; if the live store is the one that is wrong, switch"
                        + " metrics-service to the rebuilt one by starting it with", swap ? "not swapped: " : "");
            } else {
                say("the rebuilt store is kept; to switch metrics-service to it, start it with");
            }
            System.out.println("  " + env.toString().trim());
            say("(with ./otklik up: %swrite these lines to %s, then ./otklik down && ./otklik up)",
                    exit == 0 ? "run ./otklik metrics-rebuild --swap, or " : "", upDir.resolve("metrics.env"));
        }
        return exit;
    }

    private static boolean answers(String url) {
        try {
            HttpResponse<Void> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(url + "/q/health/live")).timeout(Duration.ofSeconds(3))
                            .build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() / 100 == 2;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Map<String, String> readEnv(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    env.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        }
        return env;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String hostOf(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    private static String portOf(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            return "5432";
        }
        String port = hostPort.substring(colon + 1);
        if (!port.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("--pg must be HOST:PORT, was '" + hostPort + "'");
        }
        return port;
    }

    private static Instant instant(String value, String option) {
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(option + " must be an ISO-8601 instant such as 2025-03-01T00:00:00Z,"
                    + " was '" + value + "'");
        }
    }

    /** "600s", "10m", "1h" or an ISO-8601 duration. */
    static Duration duration(String value) {
        try {
            String v = value.trim().toLowerCase(java.util.Locale.ROOT);
            if (v.matches("\\d+[smh]")) {
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                return switch (v.charAt(v.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            }
            return Duration.parse(value.trim());
        } catch (DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("--timeout must be like 600s, 10m or PT10M, was '" + value + "'");
        }
    }

    private static void say(String format, Object... args) {
        println("rebuild: " + String.format(format, args));
    }

    private static void println(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
