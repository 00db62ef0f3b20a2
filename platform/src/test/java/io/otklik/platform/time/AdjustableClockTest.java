package io.otklik.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdjustableClockTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    /** A base clock the test moves by hand, in both directions. */
    private static final class HandClock extends Clock {
        volatile Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void runsWithItsBaseClockUntilAdvanced() {
        HandClock base = new HandClock();
        AdjustableClock clock = new AdjustableClock(base);
        assertThat(clock.instant()).isEqualTo(T0);
        base.now = T0.plusSeconds(5);
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(5));
        assertThat(clock.offset()).isZero();
    }

    @Test
    void advanceAddsToTheOffsetAndKeepsRunning() {
        HandClock base = new HandClock();
        AdjustableClock clock = new AdjustableClock(base);
        assertThat(clock.advance(Duration.ofHours(1))).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(clock.advance(Duration.ofMinutes(30))).isEqualTo(T0.plus(Duration.ofMinutes(90)));
        base.now = T0.plusSeconds(10);
        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofMinutes(90)).plusSeconds(10));
        assertThat(clock.offset()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void advanceToReachesTheTargetExactly() {
        HandClock base = new HandClock();
        AdjustableClock clock = new AdjustableClock(base);
        Instant target = Instant.parse("2026-03-03T21:15:00Z");
        assertThat(clock.advanceTo(target)).isEqualTo(target);
        assertThat(clock.instant()).isEqualTo(target);
        assertThat(clock.advanceTo(target)).as("to the current time is allowed").isEqualTo(target);
    }

    @Test
    void neverGoesBack() {
        HandClock base = new HandClock();
        AdjustableClock clock = new AdjustableClock(base);
        clock.advance(Duration.ofHours(2));
        assertThatThrownBy(() -> clock.advance(Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only moves forward");
        assertThatThrownBy(() -> clock.advanceTo(T0.plus(Duration.ofHours(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already");
        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofHours(2)));

        base.now = T0.minusSeconds(30); // the system clock stepped back (NTP)
        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofHours(2)));
    }

    @Test
    void concurrentAdvancesAllCount() throws Exception {
        HandClock base = new HandClock();
        AdjustableClock clock = new AdjustableClock(base);
        int threads = 8;
        int each = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                go.await();
                Instant previous = Instant.MIN;
                for (int i = 0; i < each; i++) {
                    Instant now = clock.advance(Duration.ofSeconds(1));
                    assertThat(now).isAfter(previous);
                    previous = now;
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds((long) threads * each));
    }

    @Test
    void anotherZoneSharesTheOffset() {
        AdjustableClock clock = new AdjustableClock(Clock.fixed(T0, ZoneOffset.UTC));
        Clock moscow = clock.withZone(ZoneId.of("Europe/Moscow"));
        clock.advance(Duration.ofHours(3));
        assertThat(moscow.instant()).isEqualTo(T0.plus(Duration.ofHours(3)));
        assertThat(moscow.getZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
    }

    @Test
    void offByDefaultIsTheSystemUtcClock() {
        assertThat(AdjustableClock.system(false)).isEqualTo(Clock.systemUTC());
        assertThat(AdjustableClock.system(true)).isInstanceOf(AdjustableClock.class);
        assertThat(new ClockProducer(false).adjustable()).isEmpty();
        assertThat(new ClockProducer(true).adjustable()).isPresent();
    }
}
