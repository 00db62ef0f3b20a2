package io.otklik.metrics.report;

/** Ratios of counts, safe when there is nothing to divide by (an empty window reports 0, never NaN or an error). */
public final class Rates {

    private Rates() {
    }

    /** {@code numerator / denominator}, or 0 when the denominator is 0 (JSON has no NaN). */
    public static double ratio(long numerator, long denominator) {
        if (numerator < 0 || denominator < 0) {
            throw new IllegalArgumentException("counts cannot be negative: " + numerator + " / " + denominator);
        }
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
