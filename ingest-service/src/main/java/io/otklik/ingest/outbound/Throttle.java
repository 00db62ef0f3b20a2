package io.otklik.ingest.outbound;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate limits of outbound calls with Bucket4j token buckets: one per channel account (WhatsApp number, Telegram
 * bot, Instagram account, SMS gateway account) and one per tenant. A call waits for both tokens; the wait is a
 * Vert.x timer computed from the bucket, so the event loop is never blocked.
 */
@ApplicationScoped
public class Throttle {

    /** What a bucket limits; its rate comes from {@link OutboundSettings.RateLimits}. */
    public enum Kind {
        WHATSAPP, TELEGRAM, INSTAGRAM, SMS
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final OutboundSettings.RateLimits limits;
    private final Vertx vertx;

    public Throttle(OutboundSettings settings, Vertx vertx) {
        this.limits = settings.rate();
        this.vertx = vertx;
    }

    /** Completes when a call on this account of this tenant may go out. */
    public Uni<Void> acquire(Kind kind, String account, String tenantId) {
        Bucket perAccount = buckets.computeIfAbsent(kind + ":" + account, k -> bucket(perSecond(kind)));
        Bucket perTenant = buckets.computeIfAbsent("tenant:" + tenantId, k -> bucket(limits.tenant()));
        return take(perAccount).chain(() -> take(perTenant));
    }

    private Uni<Void> take(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Uni.createFrom().voidItem();
        }
        long millis = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999) / 1_000_000);
        return Uni.createFrom().<Void>emitter(e -> vertx.setTimer(millis, id -> e.complete(null)))
                .chain(() -> take(bucket));
    }

    private int perSecond(Kind kind) {
        return switch (kind) {
            case WHATSAPP -> limits.whatsapp();
            case TELEGRAM -> limits.telegram();
            case INSTAGRAM -> limits.instagram();
            case SMS -> limits.sms();
        };
    }

    private static Bucket bucket(int perSecond) {
        int rate = Math.max(1, perSecond);
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(rate).refillGreedy(rate, Duration.ofSeconds(1)))
                .build();
    }
}
