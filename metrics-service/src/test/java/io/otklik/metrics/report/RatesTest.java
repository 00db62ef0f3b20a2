package io.otklik.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RatesTest {

    @Test
    void dividesAndIsZeroWhenThereIsNothingToDivideBy() {
        assertThat(Rates.ratio(1, 20)).isEqualTo(0.05);
        assertThat(Rates.ratio(2, 3)).isCloseTo(0.6667, within(0.0001));
        assertThat(Rates.ratio(0, 0)).isEqualTo(0.0);
        assertThat(Rates.ratio(5, 0)).isEqualTo(0.0);
        assertThat(Rates.ratio(4, 4)).isEqualTo(1.0);
    }

    @Test
    void negativeCountsAreABug() {
        assertThatThrownBy(() -> Rates.ratio(-1, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void responseTimeIsSentMinusArrivalNeverNegative() {
        Instant arrived = Instant.parse("2020-03-14T10:00:00Z");
        assertThat(ResponseTime.millis(arrived, Instant.parse("2020-03-14T10:00:01.200Z"))).isEqualTo(1200);
        assertThat(ResponseTime.millis(arrived, arrived)).isZero();
        assertThat(ResponseTime.millis(arrived, Instant.parse("2020-03-14T09:59:59.990Z"))).isZero();
    }
}
