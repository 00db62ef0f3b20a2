package io.otklik.metrics.dashboard;

import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * Whether a share (confirmed bookings, no-shows) differs between the arms of an experiment more than chance explains.
 * Two arms: Fisher's exact test, two-sided, from Commons Math's hypergeometric distribution (exact on the small
 * samples of one business, where the chi-square approximation is not). More arms: Pearson's chi-square test of
 * independence on the arms × (yes, no) table (Commons Math {@link ChiSquareTest}).
 */
public final class Significance {

    /** Below this p-value a difference is called real. */
    public static final double ALPHA = 0.05;

    private Significance() {
    }

    /**
     * @param successes per arm, the bookings with the outcome (confirmed, or missed)
     * @param totals    per arm, the bookings
     * @return the p-value of "every arm has the same share"; 1 when there is nothing to compare (fewer than two arms
     *         with bookings, or the outcome in all or none of the bookings)
     */
    public static double pValue(long[] successes, long[] totals) {
        if (successes.length != totals.length) {
            throw new IllegalArgumentException("one success count per arm");
        }
        int arms = 0;
        long yes = 0;
        long all = 0;
        for (int i = 0; i < totals.length; i++) {
            if (successes[i] < 0 || successes[i] > totals[i]) {
                throw new IllegalArgumentException("arm " + i + ": " + successes[i] + " of " + totals[i]);
            }
            if (totals[i] > 0) {
                arms++;
            }
            yes += successes[i];
            all += totals[i];
        }
        if (arms < 2 || yes == 0 || yes == all) {
            return 1.0;
        }
        if (totals.length == 2) {
            return fisher(successes[0], totals[0], successes[1], totals[1]);
        }
        long[][] table = new long[arms][];
        int row = 0;
        for (int i = 0; i < totals.length; i++) {
            if (totals[i] > 0) {
                table[row++] = new long[] {successes[i], totals[i] - successes[i]};
            }
        }
        return new ChiSquareTest().chiSquareTest(table);
    }

    /**
     * Two-sided Fisher's exact test: the probability, with the margins fixed, of a table at most as likely as the
     * observed one.
     */
    static double fisher(long yesA, long totalA, long yesB, long totalB) {
        int population = Math.toIntExact(totalA + totalB);
        int successes = Math.toIntExact(yesA + yesB);
        int sample = Math.toIntExact(totalA);
        HypergeometricDistribution h = new HypergeometricDistribution(null, population, successes, sample);
        double observed = h.probability(Math.toIntExact(yesA));
        double p = 0;
        for (int x = h.getSupportLowerBound(); x <= h.getSupportUpperBound(); x++) {
            double px = h.probability(x);
            if (px <= observed * (1 + 1e-7)) {
                p += px;
            }
        }
        return Math.min(1.0, p);
    }
}
