package io.otklik.crm.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed task is tried again: {@code base × 2^(attempt-1)}, capped, for at most {@code maxAttempts} calls.
 * No jitter: the per-portal rate limit already spaces the calls that come due together.
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
        return now.plus(delayAfter(attempt));
    }
}
