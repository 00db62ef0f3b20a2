package io.otklik.crm.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The retry schedule of failed CRM calls. */
class BackoffTest {

    final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10), 10);

    @Test
    void doublesFromTheBaseAndStopsAtTheCap() {
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(backoff::delayAfter).map(Duration::toSeconds))
                .containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 320L, 600L, 600L);
        assertThat(backoff.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.nextAttemptAt(Instant.parse("2026-11-25T10:00:00Z"), 3, () -> 0.0))
                .isEqualTo(Instant.parse("2026-11-25T10:00:10Z"));
        assertThat(backoff.nextAttemptAt(Instant.parse("2026-11-25T10:00:00Z"), 3, () -> 0.5))
                .isEqualTo(Instant.parse("2026-11-25T10:00:15Z"));
    }

    @Test
    void jitterKeepsHalfTheDelayAndSpreadsTheOtherHalf() {
        assertThat(backoff.jittered(1, 0.0)).isEqualTo(Duration.ofMillis(2500));
        assertThat(backoff.jittered(1, 0.999_999)).isBetween(Duration.ofMillis(4999), Duration.ofSeconds(5));
        assertThat(backoff.jittered(20, 0.0)).isEqualTo(Duration.ofMinutes(5));
        // a hundred tasks that failed together come back at many different moments, none before half the delay
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        var times = IntStream.range(0, 100).mapToObj(i -> backoff.nextAttemptAt(now, 2)).toList();
        assertThat(times).allSatisfy(t -> assertThat(t).isBetween(now.plusSeconds(5), now.plusSeconds(10)));
        assertThat(times.stream().distinct().count()).isGreaterThan(50);
    }

    @Test
    void tenAttemptsSpanBitrixOperatingWindowEvenWithTheShortestJitter() {
        assertThat(IntStream.rangeClosed(1, 10).filter(backoff::retries)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        Duration waited = IntStream.rangeClosed(1, 9).mapToObj(a -> backoff.jittered(a, 0.0)).reduce(Duration.ZERO,
                Duration::plus);
        // OPERATION_TIME_LIMIT blocks a method for up to ten minutes
        assertThat(waited).isGreaterThan(Duration.ofMinutes(10));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
