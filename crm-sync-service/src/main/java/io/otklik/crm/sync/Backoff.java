package io.otklik.crm.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When a failed task is tried again: {@code base × 2^(attempt-1)}, capped, for at most {@code maxAttempts} calls,
 * with "equal jitter": half of that delay is kept, the other half is random. Tasks that failed together (one batch
 * answered 503, a portal outage) therefore come back spread out instead of hitting the portal's limit again at once,
 * and a retry never comes sooner than half the exponential delay.
 *
 * @param maxAttempts calls started per task before it is FAILED
 */
public record Backoff(Duration base, Duration max, int maxAttempts) {

    public Backoff {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("backoff needs 0 < base <= max and at least one attempt");
        }
    }

    /** The wait after the given failed attempt (1 = the first call). */
    public Duration delayAfter(int attempt) {
        int doublings = Math.max(0, attempt - 1);
        if (doublings >= 62 || base.toNanos() > max.toNanos() >> doublings) {
            return max;
        }
        return Duration.ofNanos(base.toNanos() << doublings);
    }

    /** Whether a task that failed on this attempt with a retryable error gets another one. */
    public boolean retries(int attempt) {
        return attempt < maxAttempts;
    }

    public Instant nextAttemptAt(Instant now, int attempt) {
        return nextAttemptAt(now, attempt, ThreadLocalRandom.current()::nextDouble);
    }

    /** {@code random} gives values in [0, 1). */
    public Instant nextAttemptAt(Instant now, int attempt, DoubleSupplier random) {
        return now.plus(jittered(attempt, random.getAsDouble()));
    }

    /** Half the exponential delay plus {@code random} (0 ≤ r < 1) times the other half. */
    public Duration jittered(int attempt, double random) {
        long nanos = delayAfter(attempt).toNanos();
        long half = nanos / 2;
        return Duration.ofNanos(nanos - half + (long) (half * Math.min(Math.max(random, 0), 1)));
    }
}
