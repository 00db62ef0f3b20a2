package io.otklik.bench.nlu;

import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * What ./otklik bench nlu reports: single-thread throughput and latency percentiles of classify, against the
 * issue's targets (p99 below 1 ms, at least 20 000 messages per second per core).
 */
public record NluFigures(double msgsPerSecond, double p50Micros, double p99Micros, double p999Micros) {

    public static final int TARGET_MSGS_PER_SECOND = 20_000;
    public static final int TARGET_P99_MICROS = 1_000;

    /** Both targets: at least the target throughput, and p99 strictly below the target latency. */
    public boolean met() {
        return msgsPerSecond >= TARGET_MSGS_PER_SECOND && p99Micros < TARGET_P99_MICROS;
    }

    /** The last line of ./otklik bench nlu. */
    public String summaryLine() {
        return String.format(Locale.ROOT, "nlu: msgs_per_s=%d p50_us=%.1f p99_us=%.1f p999_us=%.1f"
                        + " target_msgs_per_s=%d target_p99_us=%d met=%s", Math.round(msgsPerSecond), p50Micros,
                p99Micros, p999Micros, TARGET_MSGS_PER_SECOND, TARGET_P99_MICROS, met() ? "yes" : "no");
    }

    /**
     * From the results of a JMH run of {@link NluClassifyBenchmark}: the Throughput score (operations per output
     * time unit) becomes messages per second, the SampleTime distribution gives the percentiles.
     */
    public static NluFigures from(Collection<RunResult> results) {
        Double perSecond = null;
        Statistics samples = null;
        TimeUnit sampleUnit = null;
        for (RunResult r : results) {
            TimeUnit unit = r.getParams().getTimeUnit();
            if (r.getParams().getMode() == Mode.Throughput) {
                perSecond = perSecond(r.getPrimaryResult().getScore(), unit);
            } else if (r.getParams().getMode() == Mode.SampleTime) {
                samples = r.getPrimaryResult().getStatistics();
                sampleUnit = unit;
            }
        }
        if (perSecond == null || samples == null || samples.getN() == 0) {
            throw new IllegalStateException("the JMH run gave no " + (perSecond == null ? "Throughput" : "SampleTime")
                    + " result for " + NluClassifyBenchmark.class.getSimpleName());
        }
        return new NluFigures(perSecond, micros(samples.getPercentile(50), sampleUnit),
                micros(samples.getPercentile(99), sampleUnit), micros(samples.getPercentile(99.9), sampleUnit));
    }

    /** Operations per {@code unit} → operations per second. */
    static double perSecond(double opsPerUnit, TimeUnit unit) {
        return opsPerUnit * TimeUnit.SECONDS.toNanos(1) / unit.toNanos(1);
    }

    /** A time in {@code unit} → microseconds. */
    static double micros(double time, TimeUnit unit) {
        return time * unit.toNanos(1) / TimeUnit.MICROSECONDS.toNanos(1);
    }
}
