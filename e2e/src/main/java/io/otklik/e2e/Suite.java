package io.otklik.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The six Otklik services, each started from its built jar as its own process, and stopped gracefully. */
public final class Suite implements AutoCloseable {

    /** A service: its module, default port offset and the prefix of its env settings. */
    public enum Service {
        INGEST("ingest-service", 1, "OTKLIK_INGEST"),
        NLU("nlu-service", 2, "OTKLIK_NLU"),
        ROUTING("routing-service", 3, "OTKLIK_ROUTING"),
        CRM("crm-sync-service", 4, "OTKLIK_CRM"),
        REMINDER("reminder-service", 5, "OTKLIK_REMINDER"),
        METRICS("metrics-service", 6, "OTKLIK_METRICS");

        public final String module;
        final int offset;
        final String envPrefix;

        Service(String module, int offset, String envPrefix) {
            this.module = module;
            this.offset = offset;
            this.envPrefix = envPrefix;
        }

        /** The database this service owns in a run whose databases are named otklik_{run}_{service}. */
        public String database(String run) {
            return "otklik_" + run + "_" + envPrefix.substring("OTKLIK_".length()).toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Map<Service, Process> processes = new EnumMap<>(Service.class);
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final Map<Service, Path> logs = new EnumMap<>(Service.class);

    private Suite() {
    }

    /** Every service's database name for a run. */
    public static List<String> databases(String run) {
        List<String> names = new ArrayList<>();
        for (Service s : Service.values()) {
            names.add(s.database(run));
        }
        return names;
    }

    /**
     * Starts all six and waits until each reports ready (Kafka and its database reachable).
     *
     * @param portBase services listen on portBase + 1 … portBase + 6 (8080 gives the documented 8081…8086)
     */
    public static Suite start(Path root, Path logDir, String run, int portBase, Map<String, String> env,
                              Consumer<String> progress) throws IOException, InterruptedException {
        return start(root, logDir, run, portBase, env, List.of(Service.values()), progress);
    }

    /** Starts only the given services (e.g. crm-sync-service alone for {@code ./otklik bench crm}). */
    public static Suite start(Path root, Path logDir, String run, int portBase, Map<String, String> env,
                              List<Service> services, Consumer<String> progress)
            throws IOException, InterruptedException {
        return start(root, logDir, run, portBase, env, services, Map.of(), progress);
    }

    /**
     * Starts the given services; {@code serviceEnv} adds settings for one service only (e.g. the adjustable clock of
     * reminder-service in the demo), on top of {@code env} and of the port and database this class sets.
     */
    public static Suite start(Path root, Path logDir, String run, int portBase, Map<String, String> env,
                              List<Service> services, Map<Service, Map<String, String>> serviceEnv,
                              Consumer<String> progress) throws IOException, InterruptedException {
        Suite suite = new Suite();
        Files.createDirectories(logDir);
        try {
            for (Service s : services) {
                int port = portBase + s.offset;
                Path log = logDir.resolve(s.module + ".log");
                ProcessBuilder pb = new ProcessBuilder(Project.java(), "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
                        "-jar", Project.serviceJar(root, s.module).toString())
                        .directory(root.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                pb.environment().putAll(env);
                pb.environment().put(s.envPrefix + "_PORT", Integer.toString(port));
                pb.environment().put(s.envPrefix + "_DB", s.database(run));
                pb.environment().put("OTKLIK_TENANTS_FILE", root.resolve("tenants.yaml").toString());
                pb.environment().put("OTKLIK_HTTP_HOST", "127.0.0.1");
                // last, so a service's own settings win (e.g. the database of ./otklik metrics-rebuild)
                pb.environment().putAll(serviceEnv.getOrDefault(s, Map.of()));
                suite.processes.put(s, pb.start());
                suite.ports.put(s, port);
                suite.logs.put(s, log);
            }
            suite.awaitReady(Duration.ofSeconds(180), progress);
            return suite;
        } catch (IOException | InterruptedException | RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private void awaitReady(Duration timeout, Consumer<String> progress) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        List<Service> waiting = new ArrayList<>(processes.keySet());
        while (!waiting.isEmpty()) {
            for (Service s : List.copyOf(waiting)) {
                Process p = processes.get(s);
                if (!p.isAlive()) {
                    throw new IllegalStateException(s.module + " exited with " + p.exitValue() + "; last lines of "
                            + logs.get(s) + ":\n" + tail(logs.get(s), 30));
                }
                try {
                    HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(url(s) + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (ready.statusCode() == 200) {
                        waiting.remove(s);
                        progress.accept(String.format("%-17s ready on %s (%.1f s)", s.module, url(s),
                                (System.nanoTime() - started) / 1e9));
                    }
                } catch (IOException e) {
                    // not listening yet
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready within " + timeout.toSeconds() + " s: " + waiting
                        + "; see " + logs.get(waiting.get(0)));
            }
            Thread.sleep(250);
        }
    }

    public String url(Service s) {
        return "http://127.0.0.1:" + ports.get(s);
    }

    public Path log(Service s) {
        return logs.get(s);
    }

    public long pid(Service s) {
        return processes.get(s).pid();
    }

    /** Resident memory of each service process, in MiB (from /proc). */
    public Map<Service, Long> rssMib() {
        Map<Service, Long> rss = new EnumMap<>(Service.class);
        processes.forEach((s, p) -> rss.put(s, Rss.mib(p.pid())));
        return rss;
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops every service with SIGTERM (Quarkus shuts down gracefully), forcing any that hangs. */
    @Override
    public void close() throws InterruptedException {
        processes.values().forEach(Process::destroy);
        for (Process p : processes.values()) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }
}
