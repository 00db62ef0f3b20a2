package io.otklik.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The infra module's process (Kafka broker + PostgreSQL with the databases) for one demo or end-to-end run: a fresh
 * broker, and the run's databases dropped and re-created so every run starts empty.
 */
public final class InfraProcess implements AutoCloseable {

    private final Process process;
    private final Map<String, String> env;

    private InfraProcess(Process process, Map<String, String> env) {
        this.process = process;
        this.env = env;
    }

    public static InfraProcess start(Path root, Path dir, int kafkaPort, int controllerPort, List<String> databases,
                                     Consumer<String> progress) throws IOException, InterruptedException {
        Path jar = root.resolve("infra/target/infra.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (mvn package)");
        }
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("infra.env"));
        List<String> cmd = new ArrayList<>(List.of(Project.java(), "-Xmx512m", "-cp",
                jar + ":" + root.resolve("infra/target/lib") + "/*", "io.otklik.infra.InfraMain",
                "--dir", dir.toString(), "--fresh", "--kafka-port", Integer.toString(kafkaPort),
                "--controller-port", Integer.toString(controllerPort),
                "--databases", String.join(",", databases), "--reset-databases"));
        String pgMode = System.getenv("OTKLIK_PG_MODE");
        if (pgMode != null && !pgMode.isBlank()) {
            cmd.add("--pg");
            cmd.add(pgMode);
        }
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    progress.accept(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "infra-output");
        pump.setDaemon(true);
        pump.start();
        Path envFile = dir.resolve("infra.env");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!Files.exists(envFile)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the infra process exited with " + process.exitValue()
                        + " (its output is above)");
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the infra process was not ready within 120 s");
            }
            Thread.sleep(100);
        }
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(envFile)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new InfraProcess(process, env);
    }

    /** KAFKA_BOOTSTRAP_SERVERS, OTKLIK_PG_HOST, OTKLIK_PG_PORT, OTKLIK_PG_USER for the services. */
    public Map<String, String> env() {
        Map<String, String> copy = new HashMap<>(env);
        copy.remove("OTKLIK_INFRA_PID");
        return copy;
    }

    public String kafka() {
        return env.get("KAFKA_BOOTSTRAP_SERVERS");
    }

    public String postgres() {
        return env.get("OTKLIK_PG_HOST") + ":" + env.get("OTKLIK_PG_PORT");
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
