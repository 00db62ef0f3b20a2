package io.otklik.bench.nlu;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.JavaFlightRecorderProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Where classify's time goes: one more Throughput fork of {@link NluClassifyBenchmark} under JMH's Java Flight
 * Recorder profiler (measurement iterations only), its CPU samples of the benchmark thread attributed to the stages
 * of classify by what is on the stack.
 */
public final class NluProfile {

    /** Stages in the order a sample is tested against them: the first whose class prefix is on the stack wins. */
    static final Map<String, List<String>> STAGES = new LinkedHashMap<>();

    static {
        // phone matching runs inside entity extraction, so it is tested first
        STAGES.put("phone matching (libphonenumber)", List.of("com.google.i18n.phonenumbers."));
        STAGES.put("intent features (tokens, stems, n-grams)", List.of("io.otklik.nlu.model.IntentFeatures",
                "io.otklik.nlu.text.", "io.otklik.nlu.model.Translit"));
        STAGES.put("model eval (maxent weights, calibration)", List.of("opennlp.", "io.otklik.nlu.model.IntentModel",
                "io.otklik.nlu.model.LinearModel"));
        STAGES.put("urgency", List.of("io.otklik.nlu.entities.Urgency"));
        STAGES.put("entity extraction (service, date, time, name, staff)", List.of("io.otklik.nlu.entities.",
                "io.otklik.nlu.classifier.EntityExtractor", "io.otklik.nlu.classifier.Texts"));
        STAGES.put("classify itself (alternatives, fallback, result)", List.of("io.otklik.nlu.classifier."));
    }

    static final String OTHER = "benchmark harness, other";

    /**
     * Samples of the benchmark thread per stage (every stage listed, in order), the hottest methods by self time,
     * and the share of samples in java.util.regex (self).
     */
    public record Breakdown(long samples, Map<String, Long> stages, Map<String, Long> hottest, long regexSelf,
                            double msgsPerSecond, Path file) {

        /** Mean microseconds per message spent in a stage: its share of the samples of one message's time. */
        public double micros(String stage) {
            return samples == 0 ? 0 : 1e6 / msgsPerSecond * stages.getOrDefault(stage, 0L) / samples;
        }
    }

    private NluProfile() {
    }

    /** Runs the profiled fork (JFR files under {@code dir}) and reads its recording. */
    public static Breakdown run(boolean quick, Path dir, PrintStream out, VerboseMode verbosity)
            throws RunnerException, IOException {
        Files.createDirectories(dir);
        ChainedOptionsBuilder options = NluBench.options(quick, verbosity).mode(Mode.Throughput)
                .addProfiler(JavaFlightRecorderProfiler.class, "dir=" + dir.toAbsolutePath());
        Collection<RunResult> results = new Runner(options.build(),
                OutputFormatFactory.createFormatInstance(out, verbosity)).run();
        double perSecond = NluFigures.perSecond(results.iterator().next().getPrimaryResult().getScore(),
                results.iterator().next().getParams().getTimeUnit());
        Path file;
        try (Stream<Path> files = Files.walk(dir)) {
            file = files.filter(p -> p.toString().endsWith(".jfr"))
                    .max((a, b) -> a.toFile().lastModified() < b.toFile().lastModified() ? -1 : 1)
                    .orElseThrow(() -> new IllegalStateException("JMH's JFR profiler wrote no recording in " + dir));
        }
        return read(file, perSecond);
    }

    static Breakdown read(Path file, double msgsPerSecond) throws IOException {
        Map<String, Long> stages = new LinkedHashMap<>();
        STAGES.keySet().forEach(s -> stages.put(s, 0L));
        stages.put(OTHER, 0L);
        Map<String, Long> self = new HashMap<>();
        long samples = 0;
        long regex = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent e = recording.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                    continue;
                }
                List<RecordedFrame> frames = e.getStackTrace().getFrames();
                if (frames.isEmpty() || frames.stream().noneMatch(f -> type(f).startsWith("io.otklik.bench.nlu."))) {
                    continue; // not the benchmark thread
                }
                samples++;
                stages.merge(stage(frames), 1L, Long::sum);
                String top = type(frames.get(0));
                self.merge(top + "." + frames.get(0).getMethod().getName(), 1L, Long::sum);
                if (top.startsWith("java.util.regex.")) {
                    regex++;
                }
            }
        }
        Map<String, Long> hottest = new LinkedHashMap<>();
        self.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(en -> hottest.put(en.getKey(), en.getValue()));
        return new Breakdown(samples, stages, hottest, regex, msgsPerSecond, file);
    }

    /** The stage of a sample: the first of {@link #STAGES} with a frame on the stack. */
    static String stage(List<RecordedFrame> frames) {
        for (Map.Entry<String, List<String>> s : STAGES.entrySet()) {
            for (RecordedFrame f : frames) {
                String type = type(f);
                if (s.getValue().stream().anyMatch(type::startsWith)) {
                    return s.getKey();
                }
            }
        }
        return OTHER;
    }

    private static String type(RecordedFrame f) {
        return f.getMethod().getType().getName();
    }

    static void print(Breakdown b, PrintStream out) {
        out.printf(Locale.ROOT, "bench: nlu profile: %d CPU samples of the benchmark thread (JFR, measured iterations"
                + " of a Throughput fork at %.0f msgs/s = %.1f µs per message); share per stage and its µs per"
                + " message:%n", b.samples(), b.msgsPerSecond(), 1e6 / b.msgsPerSecond());
        if (b.samples() == 0) {
            return;
        }
        b.stages().forEach((stage, n) -> out.printf(Locale.ROOT, "    %-55s %5.1f%%  %7.1f µs%n", stage,
                100.0 * n / b.samples(), b.micros(stage)));
        out.printf(Locale.ROOT, "bench: java.util.regex on top of the stack: %.1f%% of the samples%n",
                100.0 * b.regexSelf() / b.samples());
        out.println("bench: hottest methods (self time):");
        b.hottest().forEach((m, n) -> out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * n / b.samples(), m));
        out.println("bench: recording: " + b.file());
    }
}
