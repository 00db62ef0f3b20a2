package io.otklik.crm.amocrm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmoCrmRateLimiterTest {

    /** A clock the test moves by hand. */
    static final class ManualTime implements TimeMeter {
        long nanos = 1_000_000_000L;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    /** Sends as fast as the limiter lets it for {@code millis} and returns the send times. */
    static List<Long> sendFor(AmoCrmRateLimiter limiter, ManualTime time, String account, double rps, int burst,
                              long millis) {
        List<Long> sent = new ArrayList<>();
        long end = time.nanos + millis * 1_000_000;
        while (time.nanos < end) {
            Duration wait = limiter.tryTake(account, rps, burst);
            if (wait.isZero()) {
                sent.add(time.nanos);
            } else {
                time.nanos += wait.toNanos();
            }
        }
        return sent;
    }

    static int busiestSecond(List<Long> sent) {
        int busiest = 0;
        for (long start : sent) {
            busiest = Math.max(busiest, (int) sent.stream().filter(t -> t >= start && t < start + 1_000_000_000L)
                    .count());
        }
        return busiest;
    }

    @Test
    void neverMoreThanSevenInAnySecondWithTheDefaults() {
        ManualTime time = new ManualTime();
        AmoCrmRateLimiter limiter = new AmoCrmRateLimiter(Duration.ofMillis(100), time, null);
        List<Long> sent = sendFor(limiter, time, "a.amocrm.ru", 7, 1, 10_000);
        assertThat(busiestSecond(sent)).isEqualTo(7);
        // about 6.4 a second over time (7 per 1.1 s)
        assertThat(sent).hasSizeBetween(63, 65);
    }

    @Test
    void accountsHaveTheirOwnBucketsAndATenantsOwnRate() {
        ManualTime time = new ManualTime();
        AmoCrmRateLimiter limiter = new AmoCrmRateLimiter(Duration.ZERO, time, null);
        assertThat(limiter.tryTake("a.amocrm.ru", 7, 1)).isZero();
        assertThat(limiter.tryTake("a.amocrm.ru", 7, 1)).isPositive();
        assertThat(limiter.tryTake("b.amocrm.ru", 7, 1)).isZero();
        List<Long> sent = sendFor(limiter, time, "c.amocrm.ru", 2, 1, 5_000);
        assertThat(busiestSecond(sent)).isEqualTo(2);
    }

    @Test
    void a429PausesTheWholeAccount() {
        ManualTime time = new ManualTime();
        AmoCrmRateLimiter limiter = new AmoCrmRateLimiter(Duration.ZERO, time, null);
        limiter.pause("a.amocrm.ru", Duration.ofSeconds(2));
        assertThat(limiter.tryTake("a.amocrm.ru", 7, 5)).isEqualTo(Duration.ofSeconds(2));
        time.nanos += 2_000_000_000L;
        assertThat(limiter.tryTake("a.amocrm.ru", 7, 5)).isZero();
        assertThat(limiter.tryTake("b.amocrm.ru", 7, 5)).isZero();
    }
}
