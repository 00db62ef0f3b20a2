package io.otklik.crm.amocrm;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * amoCRM's limit of 7 requests a second per account as a Bucket4j token bucket per account host (the tenant's
 * {@code crm.rps} / {@code crm.burst}, else {@code otklik.crm.amocrm.*}), plus a pause of the whole account after it
 * answered 429, so repeated 429s never escalate into amoCRM blocking the account (403). Waiting never blocks a
 * thread: the caller is resumed by a Vert.x timer on its own context.
 */
@ApplicationScoped
public class AmoCrmRateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Long> pausedUntil = new ConcurrentHashMap<>();
    private final Duration headroom;
    private final TimeMeter time;
    private final Vertx vertx;

    @Inject
    public AmoCrmRateLimiter(AmoCrmSettings settings, Vertx vertx) {
        this(settings.headroom(), TimeMeter.SYSTEM_NANOTIME, vertx);
    }

    AmoCrmRateLimiter(Duration headroom, TimeMeter time, Vertx vertx) {
        this.headroom = headroom;
        this.time = time;
        this.vertx = vertx;
    }

    /** Completes when one request to the account may be sent. */
    public Uni<Void> acquire(String account, double perSecond, int burst) {
        return Uni.createFrom().deferred(() -> {
            Duration wait = tryTake(account, perSecond, burst);
            return wait.isZero() ? Uni.createFrom().voidItem()
                    : sleep(wait).chain(() -> acquire(account, perSecond, burst));
        });
    }

    /** Holds every call to the account for a while (after a 429). */
    public void pause(String account, Duration pause) {
        long until = time.currentTimeNanos() + pause.toNanos();
        pausedUntil.merge(account, until, Math::max);
    }

    /** Takes a token when one is there (zero), else says how long until the next one. */
    Duration tryTake(String account, double perSecond, int burst) {
        long paused = pausedUntil.getOrDefault(account, 0L) - time.currentTimeNanos();
        if (paused > 0) {
            return Duration.ofNanos(paused);
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(account + "@" + perSecond + "/" + burst,
                key -> newBucket(perSecond, burst)).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
    }

    private Bucket newBucket(double perSecond, int burst) {
        if (perSecond <= 0 || burst <= 0) {
            throw new IllegalArgumentException("the amoCRM rate limit needs positive requests-per-second and burst");
        }
        // one token every 1/perSecond s (plus the headroom share), whatever the fraction
        long period = Math.round((1_000_000_000L + headroom.toNanos()) / perSecond);
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(1, Duration.ofNanos(period)))
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
