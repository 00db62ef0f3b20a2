package io.otklik.bench.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NluFiguresTest {

    @Test
    void summaryLineWhenBothTargetsAreMet() {
        assertThat(new NluFigures(23_456.4, 38.25, 212.0, 640.04).summaryLine()).isEqualTo(
                "nlu: msgs_per_s=23456 p50_us=38.3 p99_us=212.0 p999_us=640.0 target_msgs_per_s=20000"
                        + " target_p99_us=1000 met=yes");
    }

    @Test
    void summaryLineWhenATargetIsMissed() {
        assertThat(new NluFigures(8_120.6, 101.0, 415.5, 1_910.0).summaryLine()).isEqualTo(
                "nlu: msgs_per_s=8121 p50_us=101.0 p99_us=415.5 p999_us=1910.0 target_msgs_per_s=20000"
                        + " target_p99_us=1000 met=no");
        assertThat(new NluFigures(50_000, 10, 1_000.0, 2_000).met()).as("p99 must stay below 1 ms").isFalse();
        assertThat(new NluFigures(20_000, 10, 999.9, 2_000).met()).as("20 000/s is enough").isTrue();
    }

    @Test
    void jmhUnitsBecomeMessagesPerSecondAndMicroseconds() {
        assertThat(NluFigures.perSecond(0.0215, TimeUnit.MICROSECONDS)).isCloseTo(21_500, within(1e-6));
        assertThat(NluFigures.perSecond(21.5, TimeUnit.MILLISECONDS)).isCloseTo(21_500, within(1e-6));
        assertThat(NluFigures.perSecond(21_500, TimeUnit.SECONDS)).isCloseTo(21_500, within(1e-6));
        assertThat(NluFigures.micros(46.5, TimeUnit.MICROSECONDS)).isEqualTo(46.5);
        assertThat(NluFigures.micros(0.0465, TimeUnit.MILLISECONDS)).isCloseTo(46.5, within(1e-9));
        assertThat(NluFigures.micros(46_500, TimeUnit.NANOSECONDS)).isCloseTo(46.5, within(1e-9));
    }
}
