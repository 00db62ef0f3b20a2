package io.otklik.e2e.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.otklik.e2e.Clients;
import io.otklik.e2e.DemoSecrets;
import io.otklik.e2e.Fakes;
import io.otklik.e2e.Http;
import io.otklik.e2e.InfraProcess;
import io.otklik.e2e.Project;
import io.otklik.e2e.Rss;
import io.otklik.e2e.Shutdown;
import io.otklik.e2e.Suite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * ./otklik demo: starts Kafka and PostgreSQL, the WireMock fakes of WhatsApp, Telegram, Instagram, an SMS gateway
 * and Bitrix24, and the six services; replays the demo conversations through the real webhooks; prints each
 * transcript; plays the reminder day ({@link ReminderDay}: reminder-service's adjustable clock moved forward); prints a
 * summary read from metrics-service; then keeps everything running until Ctrl-C ({@code --once}: stops after the summary).
 */
public final class DemoMain {

    private static final String RUN = "demo";

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean once = false;
        int portBase = 8080;
        int kafkaPort = 9092;
        int fakesPort = 8089;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--once" -> once = true;
                case "--port-base" -> portBase = Integer.parseInt(args[++i]);
                case "--kafka-port" -> kafkaPort = Integer.parseInt(args[++i]);
                case "--fakes-port" -> fakesPort = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("demo: unknown option " + args[i]
                            + "\nusage: ./otklik demo [--once] [--port-base 8080] [--kafka-port 9092] [--fakes-port 8089]");
                    System.exit(2);
                }
            }
        }
        Path root = Project.root();
        Path work = root.resolve(".otklik/demo");
        long t0 = System.nanoTime();
        List<AutoCloseable> started = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(started);
            done.countDown();
        }, "demo-shutdown"));
        int exit = 0;
        try {
            say("starting Kafka and PostgreSQL (fresh broker, databases otklik_demo_*)");
            InfraProcess infra = InfraProcess.start(root, work.resolve("infra"), kafkaPort, kafkaPort + 1,
                    Suite.databases(RUN), line -> System.out.println("  " + line));
            started.add(infra);
            Fakes fakes = Fakes.start(fakesPort);
            started.add(fakes);
            say("WireMock fakes of WhatsApp, Telegram, Instagram, an SMS gateway and Bitrix24 on %s",
                    fakes.baseUrl());
            say("starting the six services (logs in %s)", work.resolve("logs"));
            Map<String, String> env = new java.util.HashMap<>(infra.env());
            env.putAll(DemoSecrets.env(fakes));
            // only reminder-service runs on the adjustable clock: the reminder day below moves it forward
            Suite suite = Suite.start(root, work.resolve("logs"), RUN, portBase, env, List.of(Suite.Service.values()),
                    Map.of(Suite.Service.REMINDER, Map.of("OTKLIK_CLOCK_ADJUSTABLE", "true")),
                    line -> System.out.println("  " + line));
            started.add(suite);
            say("all services ready after %.1f s", seconds(t0));

            Demo demo = new Demo(suite, fakes);
            java.time.Instant replayStart = java.time.Instant.now();
            Demo.Result result = demo.replay(Conversations.all(), System.out);
            demo.settledMetrics(result, Duration.ofSeconds(60), "");

            System.out.println();
            ReminderDay.Result day = new ReminderDay(suite, fakes, System.out).run(Conversations.all());
            // events of the reminder day carry reminder-service's (advanced) time: the window reaches past it
            JsonNode metrics = demo.settledMetrics(result, Duration.ofSeconds(60), "?from="
                    + replayStart.minus(Duration.ofMinutes(1)) + "&to=" + day.virtualNow().plus(Duration.ofMinutes(1)),
                    Map.of("no_show", day.noShows() + day.missedMarks()));
            printSummary(suite, infra, fakes, result, seconds(t0));
            String summary = summaryLine(metrics, fakes.distinctCrmLeads(), day.sent());
            if (result.unanswered() > 0) {
                exit = 1;
            }
            if (once) {
                stop(started);
                System.out.println(summary);
            } else {
                say("running until Ctrl-C");
                System.out.println(summary);
                done.await();
                return;
            }
        } catch (Exception e) {
            System.err.println("demo: failed: " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }

    private static void printSummary(Suite suite, InfraProcess infra, Fakes fakes, Demo.Result result,
                                     double elapsed) {
        System.out.println();
        say("URLs");
        for (Suite.Service s : Suite.Service.values()) {
            System.out.printf("  %-17s %s  (health %s/q/health, OpenAPI %s/q/openapi)%n", s.module, suite.url(s),
                    suite.url(s), suite.url(s));
        }
        System.out.printf("  metrics (admin)   %s/api/v1/metrics  with header X-Api-Key: %s%n",
                suite.url(Suite.Service.METRICS), DemoSecrets.ADMIN_API_KEY);
        System.out.printf("  dashboard         %s/dashboard  (key: %s for the salon, %s for every tenant)%n",
                suite.url(Suite.Service.METRICS), DemoSecrets.SALON_API_KEY, DemoSecrets.ADMIN_API_KEY);
        System.out.printf("  fakes             %s/__admin/requests  (what WhatsApp, Telegram, Instagram, SMS and"
                + " Bitrix24 received)%n", fakes.baseUrl());
        System.out.printf("  kafka             %s   postgres %s (databases otklik_demo_*)%n", infra.kafka(),
                infra.postgres());
        StringBuilder rss = new StringBuilder();
        suite.rssMib().forEach((s, mib) -> rss.append(s.module).append('=').append(mib).append("MiB "));
        rss.append("kafka+infra=").append(Rss.mib(infra.pid())).append("MiB");
        say("memory (RSS): %s", rss);
        say("finished in %.1f s: %d conversations, %d messages accepted, %d duplicates detected, %d unanswered",
                elapsed, result.conversations(), result.messages(), result.duplicates(), result.unanswered());
        say("messages by channel: %s", result.byChannel());
    }

    /** The demo's last line: counts from metrics-service, crm_leads from what the Bitrix24 fake received. */
    /**
     * The last line of the demo: the counts metrics-service reports for the run, the leads the fake CRM holds, and
     * the reminders reminder-service sent during the reminder day.
     */
    static String summaryLine(JsonNode m, int crmLeads, int reminders) {
        JsonNode ttfr = m.path("ttfr");
        return String.format(Locale.ROOT, "demo: conversations=%d messages=%d leads=%d crm_leads=%d booked=%d"
                        + " reminders=%d confirmed=%d rescheduled=%d cancelled=%d no_show=%d fallback_rate=%.3f"
                        + " ttfr_p50_ms=%d ttfr_p99_ms=%d",
                m.path("conversations").asLong(), m.path("messages").asLong(), m.path("leads").asLong(), crmLeads,
                m.path("booked").asLong(), reminders, m.path("confirmed").asLong(), m.path("rescheduled").asLong(),
                m.path("cancelled").asLong(), m.path("no_show").asLong(), m.path("fallback_rate").asDouble(),
                ttfr.path("p50_ms").asLong(), ttfr.path("p99_ms").asLong());
    }

    static void say(String format, Object... args) {
        System.out.println("demo: " + String.format(format, args));
        System.out.flush();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void stop(List<AutoCloseable> started) {
        Shutdown.closeAll(started, "demo");
    }

    /** Replays conversations and reads the numbers back; shared by the demo and the end-to-end test. */
    public static final class Demo {

        /** Totals of a replay. */
        public record Result(int conversations, int messages, int duplicates, int unanswered,
                             Map<String, Integer> byChannel) {
        }

        private final Suite suite;
        private final Fakes fakes;
        private final ConversationRunner runner;

        public Demo(Suite suite, Fakes fakes) {
            this.suite = suite;
            this.fakes = fakes;
            this.runner = new ConversationRunner(new Clients(suite.url(Suite.Service.INGEST)), fakes,
                    Duration.ofSeconds(20));
        }

        public Result replay(List<Script> scripts, java.io.PrintStream out) throws Exception {
            int messages = 0;
            int duplicates = 0;
            int unanswered = 0;
            int n = 0;
            Map<String, Integer> byChannel = new java.util.TreeMap<>();
            for (Script s : scripts) {
                n++;
                ConversationRunner.Transcript t = runner.run(s);
                messages += t.messagesAccepted();
                byChannel.merge(s.channel(), t.messagesAccepted(), Integer::sum);
                duplicates += t.duplicates();
                unanswered += t.unanswered();
                out.printf("%n── %d/%d · %s · %s · %s%n", n, scripts.size(),
                        s.tenant().equals(Conversations.SALON) ? "салон «Лён»" : "клиника «Улыбка»",
                        channelName(s.channel()), s.clientName());
                for (ConversationRunner.Line line : t.lines()) {
                    out.printf("  %s %s%n", line.bot() ? "бот    →" : "клиент →", line.text());
                }
                out.flush();
            }
            return new Result(scripts.size(), messages, duplicates, unanswered, byChannel);
        }

        /** Polls metrics-service until its numbers stop changing and cover everything sent (or the timeout). */
        public JsonNode settledMetrics(Result result, Duration timeout) throws Exception {
            return settledMetrics(result, timeout, "");
        }

        /** @param query appended to /api/v1/metrics, e.g. {@code ?from=…&to=…} (empty: the default window) */
        public JsonNode settledMetrics(Result result, Duration timeout, String query) throws Exception {
            return settledMetrics(result, timeout, query, Map.of());
        }

        /**
         * @param atLeast counts the run is known to have caused (e.g. the reminder day's no-shows): the numbers are
         *                not settled before metrics-service shows at least these
         */
        public JsonNode settledMetrics(Result result, Duration timeout, String query, Map<String, Integer> atLeast)
                throws Exception {
            String url = suite.url(Suite.Service.METRICS) + "/api/v1/metrics" + query;
            long deadline = System.nanoTime() + timeout.toNanos();
            JsonNode previous = null;
            while (true) {
                JsonNode now = Http.get(url, DemoSecrets.ADMIN_API_KEY);
                boolean complete = now.path("messages").asInt() >= result.messages()
                        && fakes.distinctCrmLeads() >= now.path("leads").asInt()
                        && atLeast.entrySet().stream().allMatch(e -> now.path(e.getKey()).asInt() >= e.getValue());
                if (complete && counts(now).equals(previous == null ? null : counts(previous))) {
                    return now;
                }
                if (System.nanoTime() > deadline) {
                    say("metrics did not settle within %d s; showing the last numbers", timeout.toSeconds());
                    return now;
                }
                previous = now;
                Thread.sleep(500);
            }
        }

        /** The numbers that must stop moving (the response also echoes the query window, which moves with now). */
        private static List<Object> counts(JsonNode m) {
            return List.of(m.path("conversations").asInt(), m.path("messages").asInt(), m.path("leads").asInt(),
                    m.path("booked").asInt(), m.path("confirmed").asInt(), m.path("rescheduled").asInt(),
                    m.path("cancelled").asInt(), m.path("no_show").asInt(),
                    m.path("replies_sent").asInt(), m.path("ttfr").path("count").asInt());
        }

        private static String channelName(String channel) {
            return switch (channel) {
                case "WHATSAPP" -> "WhatsApp";
                case "TELEGRAM" -> "Telegram";
                case "INSTAGRAM" -> "Instagram";
                case "WEB_FORM" -> "веб-форма";
                default -> channel;
            };
        }
    }
}
