package io.otklik.nlu.classify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** nlu-service settings ({@code otklik.nlu.*}); a tenant's {@code nlu:} block in tenants.yaml overrides them. */
@ConfigMapping(prefix = "otklik.nlu")
public interface NluConfig {

    /** Below this calibrated confidence a classification is a fallback: a person takes over. */
    @WithDefault("0.5")
    double fallbackThreshold();

    /** When the top two intents are closer than this, the classification is a fallback too. */
    @WithDefault("0.1")
    double minMargin();
}
