package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Campaign tags a lead came with (web form query, ad referral); every field optional. */
@RegisterForReflection
public record Utm(String source, String medium, String campaign, String content, String term) {

    public static Utm none() {
        return new Utm(null, null, null, null, null);
    }
}
