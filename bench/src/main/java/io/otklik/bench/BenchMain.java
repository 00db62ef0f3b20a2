package io.otklik.bench;

import io.otklik.bench.nlu.NluBench;
import io.otklik.e2e.DemoSecrets;
import io.otklik.e2e.Fakes;
import io.otklik.e2e.InfraProcess;
import io.otklik.e2e.Project;
import io.otklik.e2e.Shutdown;
import io.otklik.e2e.Suite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ./otklik bench nlu: the JMH benchmark of nlu-service's classifier ({@link NluBench}).
 * <p>
 * ./otklik bench crm: a backlog of leads through crm-sync-service into a fake Bitrix24 portal ({@link CrmBench}).
 * <p>
 * ./otklik bench ingest: starts Kafka, PostgreSQL, the API fakes and the six services (like the demo, on other
 * ports and with fresh otklik_bench_* databases), then {@link IngestBench} drives signed WhatsApp webhooks at
 * ingest-service from this JVM. Stops everything it started at the end, on failure and on Ctrl-C.
 */
public final class BenchMain {

    static final String USAGE = NluBench.USAGE + CrmBench.USAGE + """

            usage: ./otklik bench ingest [options]
              --duration 30s       length of the measured run (s, ms or m suffix)
              --rate N             webhooks per second of the measured run (default: the highest rate of a short
                                   step search whose ack p99 stays within --p99-target with no errors)
              --p99-target 15ms    the ack p99 the step search keeps to
              --warmup 10s         webhooks at 30/s before measuring, to warm up the services' JIT (not counted)
              --service-jvm-options "-XX:TieredStopAtLevel=1"
                                   extra JVM options for the six services (through JAVA_TOOL_OPTIONS)
              --connections 64     keep-alive connections of the load generator
              --port-base 18080    services on port-base+1 … +6 (ingest-service on 18081)
              --kafka-port 19192   the bench's own fresh Kafka broker (and port+1 for its controller)
              --fakes-port 18089   WireMock fakes of WhatsApp, Telegram, Instagram, an SMS gateway and Bitrix24""";

    private static final String RUN = "bench";

    private BenchMain() {
    }

    /** The options of a bench run. */
    record Options(Duration duration, Double rate, Duration p99Target, int connections, int portBase, int kafkaPort,
                   int fakesPort, Duration warmup, String serviceJvmOptions) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "nlu".equals(args[0])) {
            System.exit(NluBench.main(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && "crm".equals(args[0])) {
            System.exit(CrmBench.main(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length == 0 || !"ingest".equals(args[0])) {
            System.err.println(args.length == 0 ? USAGE : "bench: unknown benchmark '" + args[0] + "'\n" + USAGE);
            System.exit(2);
        }
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        Path root = Project.root();
        Path work = root.resolve(".otklik/bench");
        List<AutoCloseable> started = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started), "bench-shutdown"));
        int exit = 0;
        try {
            long t0 = System.nanoTime();
            say("starting Kafka on 127.0.0.1:%d and PostgreSQL (fresh broker, databases otklik_bench_*)",
                    o.kafkaPort());
            InfraProcess infra = InfraProcess.start(root, work.resolve("infra"), o.kafkaPort(), o.kafkaPort() + 1,
                    Suite.databases(RUN), line -> System.out.println("  " + line));
            started.add(infra);
            Fakes fakes = Fakes.start(o.fakesPort());
            started.add(fakes);
            say("WireMock fakes of WhatsApp, Telegram, Instagram, an SMS gateway and Bitrix24 on %s",
                    fakes.baseUrl());
            say("starting the six services (logs in %s)", work.resolve("logs"));
            Map<String, String> env = new HashMap<>(infra.env());
            env.putAll(DemoSecrets.env(fakes));
            // six JVMs starting at once on a busy 2-core machine: give Flyway's JDBC connection more than 5 s
            env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S");
            if (o.serviceJvmOptions() != null) {
                env.put("JAVA_TOOL_OPTIONS", o.serviceJvmOptions());
                say("services' extra JVM options: %s", o.serviceJvmOptions());
            }
            Suite suite = Suite.start(root, work.resolve("logs"), RUN, o.portBase(), env,
                    line -> System.out.println("  " + line));
            started.add(suite);
            say("whole suite ready after %.1f s", (System.nanoTime() - t0) / 1e9);
            String line = new IngestBench(o, infra, suite, work).run();
            stop(started);
            System.out.println(line);
        } catch (Exception e) {
            System.err.println("bench: failed: " + e);
            exit = 1;
        }
        System.exit(exit);
    }

    static Options parse(String[] args) {
        Duration duration = Duration.ofSeconds(30);
        Double rate = null;
        Duration p99 = Duration.ofMillis(15);
        int connections = 64;
        int portBase = 18080;
        int kafkaPort = 19192;
        int fakesPort = 18089;
        Duration warmup = Duration.ofSeconds(10);
        String serviceJvmOptions = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--duration" -> duration = duration(v);
                case "--rate" -> rate = Double.parseDouble(v);
                case "--p99-target" -> p99 = duration(v);
                case "--connections" -> connections = Integer.parseInt(v);
                case "--port-base" -> portBase = Integer.parseInt(v);
                case "--kafka-port" -> kafkaPort = Integer.parseInt(v);
                case "--fakes-port" -> fakesPort = Integer.parseInt(v);
                case "--warmup" -> warmup = duration(v);
                case "--service-jvm-options" -> serviceJvmOptions = v;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (rate != null && rate <= 0) {
            throw new IllegalArgumentException("--rate must be positive");
        }
        return new Options(duration, rate, p99, connections, portBase, kafkaPort, fakesPort, warmup,
                serviceJvmOptions);
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)?");

    /** "30s", "500ms", "2m" or plain seconds. */
    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use 30s, 500ms or 2m)");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> n;
            case "m" -> n * 60_000;
            default -> n * 1_000;
        };
        if (millis <= 0) {
            throw new IllegalArgumentException("the duration must be positive: '" + text + "'");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    static void say(String format, Object... args) {
        System.out.println("bench: " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    private static synchronized void stop(List<AutoCloseable> started) {
        Shutdown.closeAll(started, "bench");
    }
}
