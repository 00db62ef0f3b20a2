package io.otklik.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies of one phase in an HdrHistogram (1 µs … 60 s, 3 significant digits). Writers on any thread call
 * {@link #record}; one reader takes {@link #interval()} snapshots for progress lines, which also add up to
 * {@link #total()}.
 */
public final class LatencyRecorder {

    private static final long MAX_MICROS = TimeUnit.SECONDS.toMicros(60);

    private final Recorder recorder = new Recorder(MAX_MICROS, 3);
    private final Histogram total = new Histogram(MAX_MICROS, 3);

    /** Records {@code completion - intended} (clamped to the histogram's range). */
    public void record(long intendedNanos, long completedNanos) {
        long micros = Math.max(1, (completedNanos - intendedNanos) / 1_000);
        recorder.recordValue(Math.min(micros, MAX_MICROS));
    }

    /** What was recorded since the previous call (or the start); it is added to the total. Single reader. */
    public synchronized Histogram interval() {
        Histogram h = recorder.getIntervalHistogram();
        total.add(h);
        return h;
    }

    /** Everything recorded so far (takes the pending interval). */
    public synchronized Histogram total() {
        interval();
        return total.copy();
    }

    /** A percentile of a histogram of this recorder, in milliseconds. */
    public static double millis(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }
}
