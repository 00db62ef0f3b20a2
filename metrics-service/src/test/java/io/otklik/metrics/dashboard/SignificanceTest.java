package io.otklik.metrics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** p-values checked against values worked out by hand from the tests' definitions. */
class SignificanceTest {

    @Test
    void fisherOnTheLadyTastingTea() {
        // 3 of 4 against 1 of 4: tables with x = 0..4 successes in arm A have probabilities C(4,x)C(4,4-x)/C(8,4)
        // = 1, 16, 36, 16, 1 over 70; as or less likely than the observed 16/70: 1 + 16 + 16 + 1 = 34 / 70
        assertThat(Significance.pValue(new long[] {3, 1}, new long[] {4, 4})).isCloseTo(34.0 / 70, within(1e-12));
    }

    @Test
    void fisherOnAClearDifference() {
        // 10 of 10 against 0 of 10: only the observed table and its mirror, each 1 / C(20,10) = 1 / 184756
        assertThat(Significance.pValue(new long[] {10, 0}, new long[] {10, 10}))
                .isCloseTo(2.0 / 184756, within(1e-15));
    }

    @Test
    void chiSquareForThreeArms() {
        long[] yes = {20, 10, 5};
        long[] total = {30, 30, 30};
        // expected yes per arm 35/3, no 55/3; with two degrees of freedom the tail is exp(-chi2 / 2)
        double chi2 = 0;
        for (int i = 0; i < 3; i++) {
            double eYes = 35.0 / 3;
            double eNo = 55.0 / 3;
            chi2 += Math.pow(yes[i] - eYes, 2) / eYes + Math.pow(total[i] - yes[i] - eNo, 2) / eNo;
        }
        assertThat(chi2).isCloseTo(16.364, within(1e-3));
        assertThat(Significance.pValue(yes, total)).isCloseTo(Math.exp(-chi2 / 2), within(1e-9));
    }

    @Test
    void nothingToCompareIsOne() {
        assertThat(Significance.pValue(new long[] {5}, new long[] {10})).isEqualTo(1.0);          // one arm
        assertThat(Significance.pValue(new long[] {0, 0}, new long[] {10, 12})).isEqualTo(1.0);   // never
        assertThat(Significance.pValue(new long[] {10, 12}, new long[] {10, 12})).isEqualTo(1.0); // always
        assertThat(Significance.pValue(new long[] {3, 0}, new long[] {5, 0})).isEqualTo(1.0);     // B empty
        assertThat(Significance.pValue(new long[] {5, 5, 5}, new long[] {10, 10, 10})).isCloseTo(1.0,
                within(1e-12));
        assertThatThrownBy(() -> Significance.pValue(new long[] {6, 1}, new long[] {5, 5}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
