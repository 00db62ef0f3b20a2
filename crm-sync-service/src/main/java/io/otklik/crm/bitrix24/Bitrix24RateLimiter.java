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
 * The client-side rate limit of 2 requests per second per Bitrix24 portal (a Bucket4j token bucket per portal host),
 * so we slow down before the portal answers 503 QUERY_LIMIT_EXCEEDED. Waiting never blocks a thread: the caller is
 * resumed by a Vert.x timer on its own context.
 */
@ApplicationScoped
public class Bitrix24RateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int perSecond;
    private final int burst;
    private final TimeMeter time;
    private final Vertx vertx;

    @Inject
    public Bitrix24RateLimiter(CrmSettings settings, Vertx vertx) {
        this(settings.bitrix24().requestsPerSecond(), settings.bitrix24().burst(), TimeMeter.SYSTEM_NANOTIME, vertx);
    }

    Bitrix24RateLimiter(int perSecond, int burst, TimeMeter time, Vertx vertx) {
        if (perSecond <= 0 || burst <= 0) {
            throw new IllegalArgumentException("the Bitrix24 rate limit needs positive requests-per-second and burst");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.time = time;
        this.vertx = vertx;
    }

    /** Completes when one request to the portal may be sent. */
    public Uni<Void> acquire(String portal) {
        return Uni.createFrom().deferred(() -> {
            Duration wait = tryTake(portal);
            return wait.isZero() ? Uni.createFrom().voidItem() : sleep(wait).chain(() -> acquire(portal));
        });
    }

    /** Takes a token when one is there (zero), else says how long until the next one. */
    Duration tryTake(String portal) {
        ConsumptionProbe probe = buckets.computeIfAbsent(portal, p -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
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
