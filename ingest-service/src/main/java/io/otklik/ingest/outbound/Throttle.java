package io.otklik.ingest.outbound;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * bot, Instagram account, SMS gateway account), one per tenant, and for Telegram one per chat (Telegram asks for
 * at most about one message a second to one chat). A call waits for all its tokens; the wait is a Vert.x timer
 * computed from the bucket, so the event loop is never blocked.
 */
@ApplicationScoped
public class Throttle {

    /** What a bucket limits; its rate comes from {@link OutboundSettings.RateLimits}. */
    public enum Kind {
        WHATSAPP, TELEGRAM, INSTAGRAM, SMS
    }

    /** A chat's bucket is forgotten this long after its last use (it is full again long before). */
    static final Duration CHAT_BUCKET_IDLE = Duration.ofMinutes(10);

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** Per-chat buckets: one per client, so they expire (Caffeine) instead of growing with every chat ever served. */
    private final Cache<String, Bucket> chatBuckets;
    private final OutboundSettings.RateLimits limits;
    private final Vertx vertx;

    public Throttle(OutboundSettings settings, Vertx vertx) {
        this.limits = settings.rate();
        this.vertx = vertx;
        this.chatBuckets = Caffeine.newBuilder().expireAfterAccess(CHAT_BUCKET_IDLE).maximumSize(1_000_000).build();
    }

    /** Completes when a call on this account of this tenant may go out. */
    public Uni<Void> acquire(Kind kind, String account, String tenantId) {
        Bucket perAccount = buckets.computeIfAbsent(kind + ":" + account, k -> bucket(perSecond(kind)));
        Bucket perTenant = buckets.computeIfAbsent("tenant:" + tenantId, k -> bucket(limits.tenant()));
        return take(perAccount).chain(() -> take(perTenant));
    }

    /**
     * Completes when a message to this Telegram chat may go out: first the chat's own bucket (one message per
     * {@code otklik.outbound.rate.telegram-chat-interval}), then the bot's and the tenant's, so a message waiting
     * for its chat holds no token another chat could use.
     */
    public Uni<Void> acquireTelegramChat(String botAlias, long chatId, String tenantId) {
        Bucket perChat = chatBuckets.get(botAlias + ":" + chatId, k -> interval(limits.telegramChatInterval()));
        return take(perChat).chain(() -> acquire(Kind.TELEGRAM, botAlias, tenantId));
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

    /** One message, then one more each interval (no burst). */
    private static Bucket interval(Duration interval) {
        Duration every = interval.isZero() || interval.isNegative() ? Duration.ofMillis(1) : interval;
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(1).refillIntervally(1, every))
                .build();
    }
}
