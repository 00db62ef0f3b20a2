package io.otklik.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts what the services need on a developer or CI machine, in one process: a single-node KRaft Kafka broker with
 * every Otklik topic, and PostgreSQL (the local server, or an embedded one when none answers) with the services'
 * databases. Writes {@code <dir>/infra.env} when ready, and stops everything it started on SIGTERM or Ctrl-C.
 *
 * <pre>
 * java -cp 'infra/target/infra.jar:infra/target/lib/*' io.otklik.infra.InfraMain \
 *     --dir .otklik/infra --kafka-port 9092 --pg auto --databases otklik_ingest,otklik_nlu
 * </pre>
 */
public final class InfraMain {

    private InfraMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("infra: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        Files.createDirectories(options.dir());
        System.setProperty("otklik.infra.dir", options.dir().toAbsolutePath().toString());

        List<AutoCloseable> started = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll(started, options.dir());
            stopped.countDown();
        }, "infra-shutdown"));

        try {
            long t0 = System.nanoTime();
            KafkaBroker broker = KafkaBroker.start(options.dir().resolve("kafka"), options.kafkaPort(),
                    options.controllerPort(), options.fresh());
            started.add(broker);
            say("kafka broker up on %s (%d ms)", broker.bootstrapServers(), ms(t0));
            int created = broker.createTopics();
            say("topics ready: %d created, %d in all", created, broker.topicCount());

            long t1 = System.nanoTime();
            Postgres postgres = Postgres.ensure(options.pgMode(), options.pgHost(), options.pgPort(),
                    options.embeddedPgPort(), options.dir().resolve("postgres"));
            started.add(postgres);
            if (options.resetDatabases()) {
                postgres.dropDatabases(options.databases());
            }
            List<String> made = postgres.createDatabases(options.databases());
            say("postgres %s on %s:%d (%d ms); databases created: %s", postgres.kind(), postgres.host(),
                    postgres.port(), ms(t1), made.isEmpty() ? "none needed" : String.join(",", made));

            Map<String, String> env = new LinkedHashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            env.put("OTKLIK_PG_HOST", postgres.host());
            env.put("OTKLIK_PG_PORT", Integer.toString(postgres.port()));
            env.put("OTKLIK_PG_USER", postgres.user());
            env.put("OTKLIK_INFRA_PID", Long.toString(ProcessHandle.current().pid()));
            writeEnv(options.dir().resolve("infra.env"), env);
            say("ready (%s)", options.dir().resolve("infra.env"));
        } catch (Exception e) {
            System.err.println("infra: failed: " + e);
            System.exit(1);
        }
        stopped.await();
    }

    private static void stopAll(List<AutoCloseable> started, Path dir) {
        try {
            Files.deleteIfExists(dir.resolve("infra.env"));
        } catch (IOException ignored) {
            // the file only tells others we are up; a stale one is overwritten at the next start
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("infra: stopping " + started.get(i) + " failed: " + e);
            }
        }
        say("stopped");
    }

    private static void writeEnv(Path file, Map<String, String> env) throws IOException {
        StringBuilder text = new StringBuilder();
        env.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static void say(String format, Object... args) {
        System.out.println("infra: " + String.format(format, args));
        System.out.flush();
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** Command-line options; every one has a default that suits a developer machine. */
    record Options(Path dir, int kafkaPort, int controllerPort, boolean fresh, Postgres.Mode pgMode, String pgHost,
                   int pgPort, int embeddedPgPort, List<String> databases, boolean resetDatabases) {

        static final String USAGE = """
                usage: InfraMain [--dir DIR] [--kafka-port 9092] [--controller-port 9093] [--fresh]
                                 [--pg auto|external|embedded] [--pg-host 127.0.0.1] [--pg-port 5432]
                                 [--embedded-pg-port 15432] [--databases db1,db2,...] [--reset-databases]
                  --fresh            start the broker with empty storage (all topics and offsets gone)
                  --reset-databases  drop and re-create the listed databases (demo and end-to-end runs)""";

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            boolean fresh = false;
            boolean reset = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--fresh")) {
                    fresh = true;
                } else if (arg.equals("--reset-databases")) {
                    reset = true;
                } else if (arg.startsWith("--") && i + 1 < args.length) {
                    values.put(arg.substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                }
            }
            List<String> known = List.of("dir", "kafka-port", "controller-port", "pg", "pg-host", "pg-port",
                    "embedded-pg-port", "databases");
            for (String key : values.keySet()) {
                if (!known.contains(key)) {
                    throw new IllegalArgumentException("unknown option --" + key);
                }
            }
            String dbs = values.getOrDefault("databases", "");
            return new Options(Path.of(values.getOrDefault("dir", ".otklik/infra")),
                    port(values, "kafka-port", 9092), port(values, "controller-port", 9093), fresh,
                    Postgres.Mode.parse(values.getOrDefault("pg", "auto")),
                    values.getOrDefault("pg-host", "127.0.0.1"), port(values, "pg-port", 5432),
                    port(values, "embedded-pg-port", 15432),
                    dbs.isBlank() ? List.of() : Arrays.stream(dbs.split(",")).map(String::trim).toList(), reset);
        }

        private static int port(Map<String, String> values, String key, int fallback) {
            String value = values.get(key);
            if (value == null) {
                return fallback;
            }
            try {
                int port = Integer.parseInt(value);
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + key + " must be a port number, was '" + value + "'");
            }
        }
    }
}
