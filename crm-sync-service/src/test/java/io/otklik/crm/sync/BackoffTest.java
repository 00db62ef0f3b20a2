package io.otklik.crm.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The retry schedule of failed CRM calls. */
class BackoffTest {

    final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10), 8);

    @Test
    void doublesFromTheBaseAndStopsAtTheCap() {
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(backoff::delayAfter).map(Duration::toSeconds))
                .containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 320L, 600L, 600L);
        assertThat(backoff.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.nextAttemptAt(Instant.parse("2026-11-25T10:00:00Z"), 3))
                .isEqualTo(Instant.parse("2026-11-25T10:00:20Z"));
    }

    @Test
    void eightAttemptsSpanBitrixOperatingWindow() {
        assertThat(IntStream.rangeClosed(1, 8).filter(backoff::retries)).containsExactly(1, 2, 3, 4, 5, 6, 7);
        Duration waited = IntStream.rangeClosed(1, 7).mapToObj(backoff::delayAfter).reduce(Duration.ZERO,
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
