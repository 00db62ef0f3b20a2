package io.otklik.bench;

import io.otklik.e2e.DemoSecrets;
import io.otklik.e2e.InfraProcess;
import io.otklik.e2e.Suite;
import io.otklik.events.Topics;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The ingest benchmark, run against a started suite: warm-up, the req/s ceiling of a trivial endpoint of
 * ingest-service (closed loop), the webhook rate (given, or a short step search), the measured open-loop run of
 * signed WhatsApp webhooks, the count of their message_received events in Kafka, and where the CPU went.
 */
final class IngestBench {

    private static final String WEBHOOK = "/webhooks/whatsapp";
    private static final String TRIVIAL = "/q/health/live";
    private static final Duration STEP = Duration.ofSeconds(4);
    private static final Duration PROGRESS = Duration.ofSeconds(5);
    /** Distinct clients the webhooks come from (so conversations get several messages, as in real traffic). */
    private static final int CLIENTS = 2_000;

    private final BenchMain.Options o;
    private final InfraProcess infra;
    private final Suite suite;
    private final WhatsAppWebhooks hooks = new WhatsAppWebhooks(DemoSecrets.SALON_WA_NUMBER,
            DemoSecrets.SALON_WA_APP_SECRET);
    private final AtomicLong clientSeq = new AtomicLong();
    private double lowestTried = Double.POSITIVE_INFINITY;
    private Map<String, long[]> pids;
    private Map<String, String> commands;
    private double idleSuiteShare;
    /** Where the time went, worded from the measured run's figures; printed when a target is missed. */
    private final java.util.List<String> hints = new java.util.ArrayList<>();
    private final String prefix = "wamid.BENCH" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT)
            + ".";

    private final java.nio.file.Path work;

    IngestBench(BenchMain.Options o, InfraProcess infra, Suite suite, java.nio.file.Path work) {
        this.o = o;
        this.work = work;
        this.infra = infra;
        this.suite = suite;
    }

    /** Runs the benchmark and returns the closing {@code ingest: …} line. */
    String run() throws InterruptedException {
        String ingest = suite.url(Suite.Service.INGEST);
        try (LoadClient client = new LoadClient(ingest, o.connections());
             KafkaCounter kafka = new KafkaCounter(infra.kafka(), Topics.MESSAGE_RECEIVED, prefix)) {
            say("load generator: this JVM (pid %d), Vert.x HTTP client, %d keep-alive connections to %s",
                    ProcessHandle.current().pid(), o.connections(), ingest);
            pids = new LinkedHashMap<>();
            for (Suite.Service s : Suite.Service.values()) {
                pids.put(s.module, new long[] {suite.pid(s)});
            }
            pids.put("kafka (infra JVM)", new long[] {infra.pid()});
            pids.put("bench (load generator)", new long[] {ProcessHandle.current().pid()});
            commands = Map.of("postgres (all)", "postgres");
            say("idle baseline: CPU of every process for 5 s before any load");
            CpuTimes.Snapshot idleFrom = CpuTimes.take(pids, commands);
            Thread.sleep(5_000);
            CpuTimes.Snapshot idle = CpuTimes.take(pids, commands).minus(idleFrom);
            idleSuiteShare = suiteShare(idle);
            say("warm-up: 30 webhooks/s for %d s (JIT of the services and the client; not counted)",
                    o.warmup().toSeconds());
            // the profiler starts now, not at the run: switching it on makes ingest recompile for a while
            JfrProfile jfr = JfrProfile.start(suite.pid(Suite.Service.INGEST), work.resolve("profile"));
            LoadClient.Phase warmup = phase(client, "warmup", 30, o.warmup());
            report(warmup);
            settle(kafka, "warmup.", warmup.ok());

            say("ceiling: closed loop of GET %s with %d requests in flight, 2 s warm-up + 5 s measured", TRIVIAL,
                    o.connections());
            double ceiling = client.closedLoop(new LoadClient.Request(HttpMethod.GET, TRIVIAL, Map.of(), null),
                    o.connections(), Duration.ofSeconds(2), Duration.ofSeconds(5), BenchMain::say);
            say("ceiling: %.0f req/s", ceiling);

            double rate;
            if (o.rate() != null) {
                rate = o.rate();
                say("rate: %.0f webhooks/s (--rate)", rate);
            } else {
                rate = search(client, kafka, ceiling);
                if (rate > 0) {
                    say("rate: %.0f webhooks/s — the highest step whose ack p99 stayed within %d ms with no errors",
                            rate, o.p99Target().toMillis());
                } else {
                    rate = lowestTried;
                    say("rate: %.0f webhooks/s — no step kept ack p99 within %d ms; the lowest rate tried", rate,
                            o.p99Target().toMillis());
                }
            }

            say("measured run: %.0f webhooks/s for %d s (open loop; latency = answer − intended send time)", rate,
                    o.duration().toSeconds());
            Instant runFrom = Instant.now();
            Map<String, Double> metricsBefore = Prometheus.scrape(ingest);
            CpuTimes.Snapshot cpuBefore = CpuTimes.take(pids, commands);
            LoadClient.Phase run = phase(client, "run", rate, o.duration());
            CpuTimes.Snapshot cpu = CpuTimes.take(pids, commands).minus(cpuBefore);
            Map<String, Double> metricsAfter = Prometheus.scrape(ingest);
            JfrProfile.Result jfrResult = jfr == null ? null : jfr.stop(runFrom, Instant.now());

            report(run);
            say("waiting for the run's message_received events in Kafka (up to 60 s)");
            long received = kafka.await(prefix + "run.", run.ok(), Duration.ofSeconds(60), Duration.ofSeconds(15));

            long lost = Math.max(0, run.ok() - received);
            double ratio = ceiling > 0 ? run.achievedRps() / ceiling : 0;
            say("answers: %s", run.statuses());
            if (run.rejected() + run.failed() > 0) {
                say("not acknowledged: %d rejected (not a 200 with accepted=1), %d without an answer — Meta would"
                        + " retry these", run.rejected(), run.failed());
            }
            profile(run, cpu, idle, metricsBefore, metricsAfter);
            if (jfrResult != null) {
                JfrProfile.print(jfrResult);
                double all = jfrResult.threadCpu().values().stream().mapToDouble(Double::doubleValue).sum();
                double jit = jfrResult.threadCpu().getOrDefault("JIT compiler", 0.0);
                if (all > 0 && jit / all > 0.2) {
                    hints.add(String.format(Locale.ROOT, "ingest spent %.0f%% of its CPU during the run compiling"
                            + " (JIT threads): it was still warming up — try a longer --warmup",
                            100 * jit / all));
                }
                say("(recording: %s — open with JDK Mission Control or `jfr print`)", jfr.file());
            }
            verdict(run, ratio, lost);
            return String.format(Locale.ROOT, "ingest: rps=%.0f ceiling_rps=%.0f ratio=%.3f ack_p50_ms=%.1f"
                            + " ack_p99_ms=%.1f sent=%d received_in_kafka=%d lost=%d", run.achievedRps(), ceiling,
                    ratio, run.p(50), run.p(99), run.sent(), received, lost);
        }
    }

    /**
     * Steps of {@link #STEP}: from min(50/s, ceiling / 4) up by ×1.6 while a step passes (no errors, ack p99 within
     * the target, all answered), then halving the gap to the first failing rate; returns the highest passing rate,
     * or 0 when none passed.
     */
    private double search(LoadClient client, KafkaCounter kafka, double ceiling) throws InterruptedException {
        double r = Math.max(5, Math.min(50, Math.round(ceiling / 4)));
        say("rate search: steps of %d s, ×1.6 up from %.0f/s until ack p99 > %d ms or an error, then bisect",
                STEP.toSeconds(), r, o.p99Target().toMillis());
        double pass = 0;
        double fail = Double.POSITIVE_INFINITY;
        for (int step = 1; step <= 9; step++) {
            LoadClient.Phase p = phase(client, "s" + step, r, STEP);
            lowestTried = Math.min(lowestTried, r);
            boolean ok = passes(p);
            say("step %d: rate=%.0f/s acked=%.0f/s p50=%.1fms p99=%.1fms rejected=%d failed=%d → %s", step, r,
                    p.achievedRps(), p.p(50), p.p(99), p.rejected(), p.failed(), ok ? "pass" : "fail");
            settle(kafka, "s" + step + ".", p.ok());
            if (ok) {
                pass = r;
                if (Double.isInfinite(fail)) {
                    if (r >= ceiling) {
                        break;
                    }
                    r = Math.min(Math.round(r * 1.6), Math.round(ceiling));
                    continue;
                }
            } else {
                fail = r;
                if (pass == 0) {
                    r = Math.round(r / 2);
                    if (r < 5) {
                        break;
                    }
                    continue;
                }
            }
            if (fail / pass < 1.12) {
                break;
            }
            r = Math.round((pass + fail) / 2);
        }
        return pass;
    }

    private boolean passes(LoadClient.Phase p) {
        return p.rejected() == 0 && p.failed() == 0 && p.ok() >= p.sent()
                && p.p(99) <= o.p99Target().toNanos() / 1e6;
    }

    /** Lets ingest's outbox drain and the suite settle after a phase, so the next one starts from a quiet suite. */
    private void settle(KafkaCounter kafka, String tag, long expected) throws InterruptedException {
        if (expected > 0) {
            kafka.await(prefix + tag, expected, Duration.ofSeconds(15), Duration.ofSeconds(5));
        }
        // the rest of the suite may still be working through the phase's messages (NLU, routing, CRM, replies):
        // wait until its CPU is back near the idle baseline, so the next phase is not measured against a backlog
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(90);
        double share;
        do {
            CpuTimes.Snapshot from = CpuTimes.take(pids, commands);
            Thread.sleep(1_000);
            share = suiteShare(CpuTimes.take(pids, commands).minus(from));
        } while (share > idleSuiteShare + 0.10 && System.nanoTime() < deadline);
        double waited = (System.nanoTime() - started) / 1e9;
        if (share > idleSuiteShare + 0.10) {
            say("the suite was still busy after %.0f s (%.0f%% of the machine, idle %.0f%%); going on", waited,
                    100 * share, 100 * idleSuiteShare);
        } else if (waited > 2) {
            say("the suite worked off the %s backlog in %.0f s", tag.substring(0, tag.length() - 1), waited);
        }
    }

    /** The share of the machine the suite (services, Kafka, PostgreSQL; not the generator) used in a window. */
    private static double suiteShare(CpuTimes.Snapshot window) {
        double suite = 0;
        for (Map.Entry<String, Double> e : window.seconds().entrySet()) {
            if (!e.getKey().startsWith("bench")) {
                suite += e.getValue();
            }
        }
        return window.machineTotal() > 0 ? suite / window.machineTotal() : 0;
    }

    private LoadClient.Phase phase(LoadClient client, String tag, double rate, Duration duration) {
        long epoch = Instant.now().getEpochSecond();
        return client.openLoop(tag, rate, duration, i -> {
            long c = clientSeq.getAndIncrement();
            String waId = Long.toString(79_160_000_000L + c % CLIENTS);
            byte[] body = hooks.textMessage(prefix + tag + "." + i, waId, "Bench " + (c % CLIENTS), c, epoch);
            return new LoadClient.Request(HttpMethod.POST, WEBHOOK, Map.of("Content-Type", "application/json",
                    "X-Hub-Signature-256", hooks.sign(body)), body);
        }, (status, body) -> status == 200 && body.toString().contains("\"accepted\":1"), PROGRESS,
                BenchMain::say);
    }

    private static void report(LoadClient.Phase p) {
        say("%s: %d sent at %.0f/s, %d acknowledged (%.1f/s), %d rejected, %d failed; ack latency p50=%.1fms"
                        + " p90=%.1fms p99=%.1fms p99.9=%.1fms max=%.1fms", p.name(), p.sent(), p.targetRate(),
                p.ok(), p.achievedRps(), p.rejected(), p.failed(), p.p(50), p.p(90), p.p(99), p.p(99.9),
                p.latency().getTotalCount() == 0 ? 0 : p.latency().getMaxValue() / 1000.0);
    }

    /** Where the time went during the measured run: CPU per process, ingest's own view of the webhook time. */
    private void profile(LoadClient.Phase run, CpuTimes.Snapshot cpu, CpuTimes.Snapshot idle,
                         Map<String, Double> before, Map<String, Double> after) {
        double capacity = cpu.machineTotal();
        double idleCapacity = idle.machineTotal();
        say("profile of the measured run — CPU time (%.0f core-seconds available, machine busy %.0f%%); last"
                        + " column: the same process's share with no load (idle baseline)", capacity,
                capacity > 0 ? 100 * cpu.machineBusy() / capacity : 0);
        double known = 0;
        double idleKnown = 0;
        for (Map.Entry<String, Double> e : cpu.seconds().entrySet()) {
            known += e.getValue();
            double i = idle.seconds().getOrDefault(e.getKey(), 0.0);
            idleKnown += i;
            System.out.printf(Locale.ROOT, "    %-24s %6.1f s  %5.1f%%   idle %5.1f%%%n", e.getKey(), e.getValue(),
                    capacity > 0 ? 100 * e.getValue() / capacity : 0, idleCapacity > 0 ? 100 * i / idleCapacity : 0);
        }
        double outside = cpu.machineBusy() - known;
        System.out.printf(Locale.ROOT, "    %-24s %6.1f s  %5.1f%%   idle %5.1f%%%n", "everything else", outside,
                capacity > 0 ? 100 * outside / capacity : 0,
                idleCapacity > 0 ? 100 * (idle.machineBusy() - idleKnown) / idleCapacity : 0);
        double generatorIdle = idle.seconds().getOrDefault("bench (load generator)", 0.0);
        if (idleCapacity > 0) {
            hints.add(String.format(Locale.ROOT, "with no load at all the suite (six services, Kafka, PostgreSQL)"
                    + " already used %.0f%% of the machine — pollers, schedulers and six JVMs", 100
                    * (idleKnown - generatorIdle) / idleCapacity));
        }
        if (capacity > 0 && cpu.machineBusy() / capacity >= 0.85) {
            double generator = cpu.seconds().getOrDefault("bench (load generator)", 0.0);
            hints.add(String.format(Locale.ROOT, "the machine was saturated (%.0f%% busy): %.0f%% of its CPU went"
                            + " to the suite (six services, Kafka, PostgreSQL), %.0f%% to the load generator and %.0f%%"
                            + " to other processes — every hop of a webhook waits for a core",
                    100 * cpu.machineBusy() / capacity, 100 * (known - generator) / capacity,
                    100 * generator / capacity, 100 * outside / capacity));
        }

        Predicate<String> webhook = l -> l.contains("uri=\"" + WEBHOOK + "\"") && l.contains("method=\"POST\"");
        double count = Prometheus.delta(before, after, "http_server_requests_seconds_count", webhook);
        double sum = Prometheus.delta(before, after, "http_server_requests_seconds_sum", webhook);
        double clientMean = run.serviceTime().getMean() / 1000.0;
        if (count > 0) {
            double serverMean = 1000 * sum / count;
            say("ingest's own timer of POST %s: %.0f requests, mean %.2f ms in the service (request read → answer"
                            + " written); the client saw mean %.2f ms from send to answer and p50 %.1f ms from the"
                            + " intended send time", WEBHOOK, count, serverMean, clientMean, run.p(50));
            hints.add(String.format(Locale.ROOT, "ingest's handler took %.1f ms on average of the %.1f ms the client"
                    + " waited from send to answer; the other %.1f ms were spent before the handler ran (ingest's"
                    + " event loop and accept queue, the wire, the client)", serverMean, clientMean,
                    Math.max(0, clientMean - serverMean)));
        } else {
            say("ingest's /q/metrics had no http_server_requests timer for %s; client mean send→answer %.2f ms",
                    WEBHOOK, clientMean);
        }
        poolTimes(before, after);
        double waits = Prometheus.delta(before, after, "sql_pool_queue_delay_seconds_count", l -> true);
        double uses = Prometheus.delta(before, after, "sql_pool_usage_seconds_count", l -> true);
        if (waits > 0 && uses > 0) {
            hints.add(String.format(Locale.ROOT, "a webhook's transaction waited %.1f ms on average for a connection"
                            + " of ingest's reactive SQL pool (sql_pool_queue_delay) and then held it %.1f ms"
                            + " (sql_pool_usage; PostgreSQL answered each statement in %.1f ms on average)",
                    1000 * Prometheus.delta(before, after, "sql_pool_queue_delay_seconds_sum", l -> true) / waits,
                    1000 * Prometheus.delta(before, after, "sql_pool_usage_seconds_sum", l -> true) / uses,
                    1000 * Prometheus.delta(before, after, "postgresql_processing_seconds_sum", l -> true)
                            / Math.max(1, Prometheus.delta(before, after, "postgresql_processing_seconds_count",
                            l -> true))));
        }
    }

    /** Reactive SQL pool queueing and usage times, when ingest exposes them (Vert.x pool metrics). */
    private static void poolTimes(Map<String, Double> before, Map<String, Double> after) {
        for (String metric : after.keySet().stream().map(k -> k.contains("{") ? k.substring(0, k.indexOf('{')) : k)
                .filter(k -> k.endsWith("_seconds_sum") && (k.contains("pool") || k.contains("sql")))
                .distinct().toList()) {
            String base = metric.substring(0, metric.length() - "_sum".length());
            double n = Prometheus.delta(before, after, base + "_count", l -> true);
            double s = Prometheus.delta(before, after, metric, l -> true);
            if (n > 0) {
                say("  %s: %.0f, mean %.2f ms", base, n, 1000 * s / n);
            }
        }
    }

    private void verdict(LoadClient.Phase run, double ratio, long lost) {
        double target = o.p99Target().toNanos() / 1e6;
        boolean met = lost == 0 && ratio >= 0.5 && run.p(99) <= target;
        say("targets: lost=0 %s, ratio≥0.5 %s, ack p99≤%.0fms %s", lost == 0 ? "met" : "MISSED",
                ratio >= 0.5 ? "met" : "MISSED", target, run.p(99) <= target ? "met" : "MISSED");
        if (!met) {
            say("where the time goes:");
            hints.forEach(h -> System.out.println("    - " + h));
            say("what would close the gap: see bench/README.md (measured figures and the profile)");
        }
    }

    private static void say(String format, Object... args) {
        BenchMain.say(format, args);
    }
}
