package io.otklik.ingest.outbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of outbound delivery: the 24 h window, retries, the crash sweeper and the rate limits. */
@ConfigMapping(prefix = "otklik.outbound")
public interface OutboundSettings {

    /** Connect and read timeout of every channel API call. */
    @WithDefault("10s")
    Duration timeout();

    /** Longest body parameter text put into a WhatsApp template (Meta caps a template body at 1024). */
    @WithDefault("900")
    int templateTextLimit();

    Window window();

    Retry retry();

    RateLimits rate();

    /** WhatsApp's and Instagram's customer-service window. */
    interface Window {

        /** How long after the client's last message free text is allowed. */
        @WithDefault("24h")
        Duration length();

        /** Subtracted from the window, so a reply queued at 23:59 does not reach Meta after 24:00. */
        @WithDefault("10m")
        Duration safetyMargin();
    }

    /** Durable retries of sends that may succeed later (5xx, timeouts, rate limits). */
    interface Retry {

        /** Attempts in all, the first one included. */
        @WithDefault("8")
        int maxAttempts();

        /** No new attempt once the reply is this old: a late answer is worse than none. */
        @WithDefault("2h")
        Duration maxAge();

        @WithDefault("2s")
        Duration initialBackoff();

        @WithDefault("10m")
        Duration maxBackoff();

        /** How often due retries are looked for. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Rows claimed per poll. */
        @WithDefault("20")
        int batch();

        /** A row SENDING longer than this was interrupted by a crash: it is failed, never resent. */
        @WithDefault("5m")
        Duration stuckAfter();

        @WithDefault("30s")
        Duration sweepInterval();

        /** Delay after start-up before the poller and the sweeper first run. */
        @WithDefault("5s")
        Duration startDelay();
    }

    /**
     * Messages per second (also the burst) per channel account and per tenant across its channels; the interval
     * between two messages to one Telegram chat.
     */
    interface RateLimits {

        /** Per WhatsApp business phone number (Meta's default throughput is 80 mps). */
        @WithDefault("80")
        int whatsapp();

        /** Per Telegram bot (Telegram answers 429 above about 30 msg/s). */
        @WithDefault("30")
        int telegram();

        /** Per Instagram professional account. */
        @WithDefault("20")
        int instagram();

        /** Per tenant's SMS gateway account. */
        @WithDefault("5")
        int sms();

        /** Per tenant, all channels together. */
        @WithDefault("100")
        int tenant();

        /** The least time between two messages to one Telegram chat (Telegram: avoid more than 1 msg/s per chat). */
        @WithDefault("1s")
        Duration telegramChatInterval();
    }
}
