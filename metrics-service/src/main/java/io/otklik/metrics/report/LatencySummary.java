package io.otklik.metrics.report;

import java.time.Duration;
import java.util.Collection;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Count, percentiles, maximum and the share under a target of a set of durations in milliseconds.
 *
 * <p>Percentiles are nearest-rank (Commons Math {@code EstimationType.R_1}, the inverse of the empirical distribution):
 * the p-th percentile is the smallest observed value that at least p % of the values do not exceed. It is always a
 * response time that really happened, so "p90 = 3 s" reads as "90 % of conversations were answered within 3 s";
 * interpolating estimators would report times no client saw, which misleads on the small samples of one business.
 *
 * @param count      how many values
 * @param p50Ms      median, null when there are no values
 * @param p90Ms      90th percentile, null when there are no values
 * @param p99Ms      99th percentile, null when there are no values
 * @param maxMs      the largest value, null when there are no values
 * @param underShare share of values strictly below the target (0 when there are no values)
 * @param meanMs     the arithmetic mean, rounded to whole milliseconds, null when there are no values
 */
public record LatencySummary(long count, Long p50Ms, Long p90Ms, Long p99Ms, Long maxMs, double underShare,
                             Long meanMs) {

    public static final LatencySummary EMPTY = new LatencySummary(0, null, null, null, null, 0.0, null);

    public static LatencySummary of(Collection<Long> millis, Duration target) {
        if (millis.isEmpty()) {
            return EMPTY;
        }
        double[] values = new double[millis.size()];
        long targetMs = target.toMillis();
        long under = 0;
        long max = Long.MIN_VALUE;
        int i = 0;
        for (long ms : millis) {
            values[i++] = ms;
            if (ms < targetMs) {
                under++;
            }
            max = Math.max(max, ms);
        }
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_1);
        percentile.setData(values);
        return new LatencySummary(values.length, rank(percentile, 50), rank(percentile, 90), rank(percentile, 99), max,
                Rates.ratio(under, values.length), Math.round(StatUtils.mean(values)));
    }

    /** The median alone, null when there are no values. */
    public static Long median(Collection<Long> millis) {
        return of(millis, Duration.ZERO).p50Ms();
    }

    private static Long rank(Percentile percentile, double p) {
        // R_1 returns one of the data points, so the conversion back to whole milliseconds is exact
        return Math.round(percentile.evaluate(p));
    }
}
