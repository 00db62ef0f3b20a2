package io.otklik.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Java Flight Recorder profile of a running service (started and stopped with {@code jcmd}, so the service needs
 * no flag): which code its CPU samples were in, which threads used its CPU, and its GC pauses. Start it well before
 * the window of interest: enabling JFR's I/O events re-instruments JDK classes, and the service recompiles for a
 * while afterwards.
 */
public final class JfrProfile {

    /** Libraries a sample can be attributed to (inclusive: any frame of the stack), by class-name prefix. */
    static final Map<String, List<String>> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("Hibernate Reactive / ORM", List.of("org.hibernate."));
        LIBRARIES.put("Vert.x SQL client (PostgreSQL)", List.of("io.vertx.pgclient.", "io.vertx.sqlclient."));
        LIBRARIES.put("Kafka client", List.of("org.apache.kafka."));
        LIBRARIES.put("SmallRye Reactive Messaging", List.of("io.smallrye.reactive.messaging."));
        LIBRARIES.put("Jackson (JSON)", List.of("com.fasterxml.jackson."));
        LIBRARIES.put("RESTEasy Reactive (HTTP)",
                List.of("org.jboss.resteasy.reactive.", "io.quarkus.resteasy.reactive."));
        LIBRARIES.put("Netty (network I/O)", List.of("io.netty."));
        LIBRARIES.put("Micrometer (metrics)", List.of("io.micrometer.", "io.quarkus.micrometer."));
        LIBRARIES.put("logging", List.of("org.jboss.logmanager.", "org.jboss.logging."));
        LIBRARIES.put("Otklik code", List.of("io.otklik."));
        LIBRARIES.put("HMAC / crypto", List.of("javax.crypto.", "com.sun.crypto."));
        LIBRARIES.put("Quarkus scheduler", List.of("io.quarkus.scheduler."));
    }

    /** The outcome: samples per library (inclusive), the top frames (self), GC pauses. */
    public record Result(long samples, Map<String, Long> libraries, Map<String, Long> topFrames, long gcPauses,
                         Duration gcPauseTotal, Map<String, Double> threadCpu) {
    }

    /** The kind of work a JVM thread does, by its name. */
    static String threadKind(String name) {
        if (name.contains("CompilerThread")) {
            return "JIT compiler";
        }
        if (name.startsWith("vert.x-eventloop")) {
            return "Vert.x event loops (HTTP, SQL)";
        }
        if (name.contains("kafka")) {
            return "Kafka clients";
        }
        if (name.startsWith("executor-thread") || name.startsWith("vert.x-worker")) {
            return "worker threads";
        }
        if (name.startsWith("JFR") || name.equals("Attach Listener")) {
            return "the profiler itself";
        }
        return "other threads";
    }

    private final long pid;
    private final Path file;

    private JfrProfile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    /** Starts a recording in process {@code pid}, or returns null (with a reason printed) when jcmd cannot. */
    public static JfrProfile start(long pid, Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("ingest-" + pid + ".jfr");
            Files.deleteIfExists(file);
            String out = jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + file);
            if (!out.contains("Started recording")) {
                BenchMain.say("no JFR profile: %s", out.strip());
                return null;
            }
            return new JfrProfile(pid, file);
        } catch (IOException | InterruptedException e) {
            BenchMain.say("no JFR profile: %s", e);
            return null;
        }
    }

    /** Stops the recording and reads the events of {@code [from, to]}; null when that fails. */
    public Result stop(Instant from, Instant to) {
        try {
            jcmd(pid, "JFR.stop", "name=bench");
            return read(file, from, to);
        } catch (IOException | InterruptedException e) {
            BenchMain.say("the JFR profile could not be read: %s", e);
            return null;
        }
    }

    public Path file() {
        return file;
    }

    static Result read(Path file, Instant from, Instant to) throws IOException {
        long samples = 0;
        Map<String, Long> libraries = new LinkedHashMap<>();
        LIBRARIES.keySet().forEach(k -> libraries.put(k, 0L));
        Map<String, Long> top = new HashMap<>();
        long pauses = 0;
        long pauseNanos = 0;
        Map<String, Double> threadCpu = new LinkedHashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getStartTime().isBefore(from) || e.getStartTime().isAfter(to)) {
                continue;
            }
            String type = e.getEventType().getName();
            if (type.equals("jdk.ExecutionSample")) {
                RecordedStackTrace stack = e.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                RecordedFrame first = frames.get(0);
                top.merge(first.getMethod().getType().getName() + "." + first.getMethod().getName(), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : frames) {
                    String cls = f.getMethod().getType().getName();
                    LIBRARIES.forEach((lib, prefixes) -> {
                        if (!seen.contains(lib) && prefixes.stream().anyMatch(cls::startsWith)) {
                            seen.add(lib);
                        }
                    });
                }
                seen.forEach(lib -> libraries.merge(lib, 1L, Long::sum));
            } else if (type.equals("jdk.ThreadCPULoad") && e.getThread() != null) {
                threadCpu.merge(threadKind(String.valueOf(e.getThread().getJavaName())),
                        (double) e.getFloat("user") + e.getFloat("system"), Double::sum);
            } else if (type.equals("jdk.GarbageCollection")) {
                pauses++;
                pauseNanos += e.getDuration("sumOfPauses").toNanos();
            }
        }
        Map<String, Long> topFrames = new LinkedHashMap<>();
        top.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                .forEach(en -> topFrames.put(en.getKey(), en.getValue()));
        return new Result(samples, libraries, topFrames, pauses, Duration.ofNanos(pauseNanos), threadCpu);
    }

    /** Prints the result as indented lines. */
    static void print(Result r) {
        if (r.samples() == 0) {
            BenchMain.say("JFR: no CPU samples of ingest-service");
            return;
        }
        BenchMain.say("JFR profile of ingest-service during the run: %d CPU samples; share of samples with each"
                + " library on the stack:", r.samples());
        r.libraries().entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf(Locale.ROOT, "    %-32s %5.1f%%%n", e.getKey(),
                        100.0 * e.getValue() / r.samples()));
        BenchMain.say("hottest methods (self time):");
        r.topFrames().forEach((m, n) -> System.out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * n / r.samples(),
                m));
        double all = r.threadCpu().values().stream().mapToDouble(Double::doubleValue).sum();
        if (all > 0) {
            BenchMain.say("ingest's CPU by kind of thread (JFR thread CPU load):");
            r.threadCpu().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> System.out.printf(Locale.ROOT, "    %-32s %5.1f%%%n", e.getKey(),
                            100 * e.getValue() / all));
        }
        BenchMain.say("GC: %d collections, %d ms of pauses in total", r.gcPauses(), r.gcPauseTotal().toMillis());
    }

    private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        cmd.add(Long.toString(pid));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }
}
