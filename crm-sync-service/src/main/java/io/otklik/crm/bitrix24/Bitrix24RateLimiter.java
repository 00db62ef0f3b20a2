package io.otklik.crm.bitrix24;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.otklik.crm.CrmSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client-side rate limit per Bitrix24 portal (a Bucket4j token bucket per portal host): by default 2 requests per
 * second with a burst of 50, Bitrix24's own leaky bucket on non-Enterprise plans, so we slow down before the portal
 * answers 503 QUERY_LIMIT_EXCEEDED. A tenant's {@code crm.rps} / {@code crm.burst} override the defaults for its
 * portal (paid plans); the first caller of a portal fixes its bucket. Waiting never blocks a thread: the caller is
 * resumed by a Vert.x timer on its own context.
 */
@ApplicationScoped
public class Bitrix24RateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double perSecond;
    private final int burst;
    private final TimeMeter time;
    private final Vertx vertx;

    @Inject
    public Bitrix24RateLimiter(CrmSettings settings, Vertx vertx) {
        this(settings.bitrix24().requestsPerSecond(), settings.bitrix24().burst(), TimeMeter.SYSTEM_NANOTIME, vertx);
    }

    Bitrix24RateLimiter(double perSecond, int burst, TimeMeter time, Vertx vertx) {
        if (perSecond <= 0 || burst <= 0) {
            throw new IllegalArgumentException("the Bitrix24 rate limit needs positive requests-per-second and burst");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.time = time;
        this.vertx = vertx;
    }

    /** Completes when one request to the portal may be sent (the configured default limit). */
    public Uni<Void> acquire(String portal) {
        return acquire(portal, null, null);
    }

    /**
     * Completes when one request to the portal may be sent; {@code rps} / {@code burst} (null = the configured
     * default) are the tenant's own limit, used when the portal's bucket is made.
     */
    public Uni<Void> acquire(String portal, Double rps, Integer burst) {
        return Uni.createFrom().deferred(() -> {
            Duration wait = tryTake(portal, rps, burst);
            return wait.isZero() ? Uni.createFrom().voidItem() : sleep(wait).chain(() -> acquire(portal, rps, burst));
        });
    }

    /** Takes a token when one is there (zero), else says how long until the next one. */
    Duration tryTake(String portal) {
        return tryTake(portal, null, null);
    }

    Duration tryTake(String portal, Double rps, Integer burst) {
        ConsumptionProbe probe = buckets.computeIfAbsent(portal, p -> newBucket(
                rps == null || rps <= 0 ? perSecond : rps, burst == null || burst <= 0 ? this.burst : burst))
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
    }

    private Bucket newBucket(double rps, int capacity) {
        // one token every 1/rps seconds, so fractional rates (0.5/s) work too
        Duration period = Duration.ofNanos(Math.max(1, Math.round(1_000_000_000d / rps)));
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(1, period))
                .withCustomTimePrecision(time)
                .build();
    }

    private Uni<Void> sleep(Duration wait) {
        long millis = Math.max(1, (wait.toNanos() + 999_999) / 1_000_000);
        Context context = Vertx.currentContext();
        if (context == null || vertx == null) {
            return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(millis));
        }
        // back on the caller's (duplicated) context, where its reactive database session lives
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(millis,
                id -> context.runOnContext(ignored -> emitter.complete(null))));
    }
}
