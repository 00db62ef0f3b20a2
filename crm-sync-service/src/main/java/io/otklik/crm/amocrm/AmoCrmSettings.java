package io.otklik.crm.amocrm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** Typed settings of the amoCRM client ({@code otklik.crm.amocrm.*}); the account itself is in tenants.yaml. */
@ConfigMapping(prefix = "otklik.crm.amocrm")
public interface AmoCrmSettings {

    /** Connect and read timeout of one call. */
    @WithDefault("10s")
    Duration timeout();

    /** Client-side limit per account when the tenant sets no {@code crm.rps}: amoCRM allows 7 requests a second. */
    @WithDefault("7")
    double requestsPerSecond();

    /**
     * Requests allowed back to back when the tenant sets no {@code crm.burst}. 1 spaces calls evenly (1/7 s), so no
     * one-second window at amoCRM ever sees more than the limit.
     */
    @WithDefault("1")
    int burst();

    /**
     * Added to the one-second refill period of the bucket: network and scheduling jitter (a call that left on time
     * but arrived late) must not squeeze 8 evenly spaced calls into one second at amoCRM's side. 100 ms makes the
     * default about 6.4 calls a second, as amoCRM's advice to stay a little under the limit suggests.
     */
    @WithDefault("100ms")
    Duration headroom();

    /** How long every call to an account waits after it answered 429 (when it sends no Retry-After). */
    @WithName("pause-after-429")
    @WithDefault("1s")
    Duration pauseAfter429();

    /**
     * Code of the lead's text custom field that stores our lead id ({@code ./otklik crm-setup} or the account admin
     * creates it); {@code GET /api/v4/leads?query=<leadId>} finds a lead an earlier attempt added through it.
     */
    @WithDefault("OTKLIK_LEAD_ID")
    String leadIdFieldCode();
}
