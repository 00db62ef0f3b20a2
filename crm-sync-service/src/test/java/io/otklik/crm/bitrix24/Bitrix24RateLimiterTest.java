package io.otklik.crm.bitrix24;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The token bucket per portal: a burst, then one request every 1/rate seconds; portals do not share a bucket. */
class Bitrix24RateLimiterTest {

    /** A clock the test moves by hand. */
    static final class FakeTime implements TimeMeter {
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

    @Test
    void twoPerSecondPerPortal() {
        FakeTime time = new FakeTime();
        Bitrix24RateLimiter limiter = new Bitrix24RateLimiter(2, 2, time, null);
        assertThat(limiter.tryTake("salon.bitrix24.ru")).isZero();
        assertThat(limiter.tryTake("salon.bitrix24.ru")).isZero();
        Duration wait = limiter.tryTake("salon.bitrix24.ru");
        assertThat(wait).isEqualTo(Duration.ofMillis(500));
        // another portal has its own bucket
        assertThat(limiter.tryTake("clinic.bitrix24.ru")).isZero();

        time.nanos += Duration.ofMillis(499).toNanos();
        assertThat(limiter.tryTake("salon.bitrix24.ru")).isEqualTo(Duration.ofMillis(1));
        time.nanos += Duration.ofMillis(1).toNanos();
        assertThat(limiter.tryTake("salon.bitrix24.ru")).isZero();
        assertThat(limiter.tryTake("salon.bitrix24.ru")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void waitingCompletesWithoutVertx() {
        FakeTime time = new FakeTime();
        Bitrix24RateLimiter limiter = new Bitrix24RateLimiter(2, 1, time, null);
        limiter.acquire("p").await().atMost(Duration.ofSeconds(1));
        assertThat(limiter.tryTake("p")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void theDefaultIsABurstOfFiftyThenTwoPerSecond() {
        FakeTime time = new FakeTime();
        Bitrix24RateLimiter limiter = new Bitrix24RateLimiter(2, 50, time, null);
        for (int i = 0; i < 50; i++) {
            assertThat(limiter.tryTake("salon.bitrix24.ru")).isZero();
        }
        assertThat(limiter.tryTake("salon.bitrix24.ru")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aTenantsOwnLimitMakesItsPortalsBucket() {
        FakeTime time = new FakeTime();
        Bitrix24RateLimiter limiter = new Bitrix24RateLimiter(2, 50, time, null);
        // an Enterprise portal: 5 per second, burst 3 (small to keep the test short)
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryTake("big.bitrix24.ru", 5.0, 3)).isZero();
        }
        assertThat(limiter.tryTake("big.bitrix24.ru", 5.0, 3)).isEqualTo(Duration.ofMillis(200));
        // a fractional rate
        assertThat(limiter.tryTake("slow.bitrix24.ru", 0.5, 1)).isZero();
        assertThat(limiter.tryTake("slow.bitrix24.ru", 0.5, 1)).isEqualTo(Duration.ofSeconds(2));
        // no override: the defaults
        assertThat(limiter.tryTake("other.bitrix24.ru", null, null)).isZero();
    }
}
