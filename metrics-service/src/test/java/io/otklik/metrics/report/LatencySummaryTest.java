package io.otklik.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    static final Duration FIVE_S = Duration.ofSeconds(5);

    @Test
    void threeResponseTimes() {
        LatencySummary s = LatencySummary.of(List.of(3000L, 800L, 1200L), FIVE_S);
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.p50Ms()).isEqualTo(1200); // rank ceil(0.5 * 3) = 2
        assertThat(s.p90Ms()).isEqualTo(3000); // rank ceil(0.9 * 3) = 3
        assertThat(s.p99Ms()).isEqualTo(3000);
        assertThat(s.maxMs()).isEqualTo(3000);
        assertThat(s.underShare()).isEqualTo(1.0);
    }

    @Test
    void oneToHundredGivesTheRanksThemselves() {
        List<Long> values = new ArrayList<>(LongStream.rangeClosed(1, 100).boxed().toList());
        Collections.shuffle(values, new java.util.Random(7));
        LatencySummary s = LatencySummary.of(values, Duration.ofMillis(26));
        assertThat(s.p50Ms()).isEqualTo(50);
        assertThat(s.p90Ms()).isEqualTo(90);
        assertThat(s.p99Ms()).isEqualTo(99);
        assertThat(s.maxMs()).isEqualTo(100);
        assertThat(s.underShare()).isEqualTo(0.25); // 1..25 are below 26
    }

    @Test
    void percentilesAreObservedValuesNotInterpolations() {
        LatencySummary s = LatencySummary.of(List.of(800L, 1200L), FIVE_S);
        assertThat(s.p50Ms()).isEqualTo(800); // an interpolating estimator would say 1000, a time nobody waited
        assertThat(s.p90Ms()).isEqualTo(1200);
        LatencySummary ten = LatencySummary.of(List.of(100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L,
                10_000L), FIVE_S);
        assertThat(ten.p50Ms()).isEqualTo(500);
        assertThat(ten.p90Ms()).isEqualTo(900);
        assertThat(ten.p99Ms()).isEqualTo(10_000);
        assertThat(ten.underShare()).isEqualTo(0.9);
    }

    @Test
    void theTargetIsStrict() {
        LatencySummary s = LatencySummary.of(List.of(100L, 4999L, 5000L, 5001L), FIVE_S);
        assertThat(s.underShare()).isEqualTo(0.5);
        assertThat(s.maxMs()).isEqualTo(5001);
    }

    @Test
    void noValuesNoPercentiles() {
        LatencySummary s = LatencySummary.of(List.of(), FIVE_S);
        assertThat(s).isEqualTo(LatencySummary.EMPTY);
        assertThat(s.count()).isZero();
        assertThat(s.p50Ms()).isNull();
        assertThat(s.maxMs()).isNull();
        assertThat(s.underShare()).isZero();
        assertThat(LatencySummary.median(List.of())).isNull();
        assertThat(LatencySummary.median(List.of(42L))).isEqualTo(42);
    }
}
