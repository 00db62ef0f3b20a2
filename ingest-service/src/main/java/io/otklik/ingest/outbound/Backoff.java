package io.otklik.ingest.outbound;

import java.time.Duration;

/**
 * When to try a failed send again: exponential with jitter (half fixed, half random, so replicas and clients do not
 * retry in step), Meta's 4^x seconds for the pair rate limit (131056), and never sooner than a channel's
 * retry_after.
 */
public record Backoff(Duration initial, Duration max) {

    /**
     * @param attempt the attempt that just failed (1 for the first)
     * @param random  a number in [0, 1)
     */
    public Duration next(int attempt, Delivery failure, double random) {
        int n = Math.max(1, Math.min(attempt, 30));
        long baseMillis;
        if ("131056".equals(failure.errorCode())) {
            baseMillis = (long) Math.min(Math.pow(4, n) * 1000, max.toMillis());
        } else {
            baseMillis = (long) Math.min(initial.toMillis() * Math.pow(2, n - 1), max.toMillis());
        }
        long wait = baseMillis / 2 + (long) (random * (baseMillis - baseMillis / 2));
        if (failure.retryAfter() != null) {
            long asked = failure.retryAfter().toMillis();
            wait = Math.max(wait, asked + (long) (random * asked / 10));
        }
        return Duration.ofMillis(wait);
    }
}
