package io.otklik.nlu.classify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** nlu-service settings ({@code otklik.nlu.*}). */
@ConfigMapping(prefix = "otklik.nlu")
public interface NluConfig {

    /** Below this confidence a classification is a fallback: the bot asks the client instead of acting. */
    @WithDefault("0.5")
    double fallbackThreshold();
}
