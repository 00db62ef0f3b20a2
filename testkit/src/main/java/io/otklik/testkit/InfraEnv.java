package io.otklik.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where the real Kafka broker and PostgreSQL of this test run are. In order: the environment ({@code ./otklik test}
 * exports it), the {@code infra.env} of a running {@code ./otklik up}, or an infra process started here for this JVM
 * and stopped when it exits.
 */
public record InfraEnv(String kafkaBootstrapServers, String pgHost, int pgPort, String pgUser) {

    private static InfraEnv current;
    private static Process started;

    public static synchronized InfraEnv get() {
        if (current == null) {
            current = discover();
        }
        return current;
    }

    private static InfraEnv discover() {
        Map<String, String> env = System.getenv();
        if (env.containsKey("KAFKA_BOOTSTRAP_SERVERS") && env.containsKey("OTKLIK_PG_PORT")) {
            return from(env);
        }
        Path root = projectRoot();
        Path running = root.resolve(".otklik/infra/infra.env");
        if (Files.exists(running)) {
            Map<String, String> values = read(running);
            if (reachable(values.get("KAFKA_BOOTSTRAP_SERVERS"))) {
                return from(values);
            }
        }
        return start(root);
    }

    /** JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    /** Reactive client URL of a database on this server. */
    public String reactiveUrl(String database) {
        return "postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    /** Creates the database unless it exists. */
    public void ensureDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a database name: " + database);
        }
        Properties props = new Properties();
        props.setProperty("user", pgUser);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), props);
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + database);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
            }
        }
    }

    private static InfraEnv from(Map<String, String> values) {
        return new InfraEnv(values.get("KAFKA_BOOTSTRAP_SERVERS"), values.getOrDefault("OTKLIK_PG_HOST", "127.0.0.1"),
                Integer.parseInt(values.getOrDefault("OTKLIK_PG_PORT", "5432")),
                values.getOrDefault("OTKLIK_PG_USER", "postgres"));
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return values;
    }

    static boolean reachable(String bootstrap) {
        if (bootstrap == null || !bootstrap.contains(":")) {
            return false;
        }
        String[] hostPort = bootstrap.split(",")[0].split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The repository root: the nearest directory up from here holding the ./otklik script. */
    public static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("otklik")) && Files.isDirectory(dir.resolve("infra"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the Otklik repository root (the folder with ./otklik) above "
                + Path.of("").toAbsolutePath());
    }

    private static InfraEnv start(Path root) {
        Path jar = root.resolve("infra/target/infra.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("no Kafka broker is running and " + jar + " is not built: run"
                    + " './otklik test' (or 'mvn -pl infra package' first)");
        }
        try {
            Path dir = Files.createTempDirectory("otklik-test-infra");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                            .toString(), "-Xmx512m", "-cp", jar + ":" + root.resolve("infra/target/lib") + "/*",
                    "io.otklik.infra.InfraMain", "--dir", dir.toString(), "--fresh",
                    "--kafka-port", Integer.toString(freePort()), "--controller-port", Integer.toString(freePort()),
                    "--embedded-pg-port", Integer.toString(freePort())));
            started = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("infra.out").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.destroy();
                try {
                    started.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            Path envFile = dir.resolve("infra.env");
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!Files.exists(envFile)) {
                if (!started.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the test infra did not start: "
                            + Files.readString(dir.resolve("infra.out")));
                }
                Thread.sleep(100);
            }
            return from(read(envFile));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test infra", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the test infra", e);
        }
    }

    /** A port free on the loopback right now, outside the ephemeral range ({@link Ports}). */
    public static int freePort() {
        return Ports.free();
    }
}
