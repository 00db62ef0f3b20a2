package io.otklik.events.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code variants} field several events carry: A/B experiment id → variant name of the conversation (tenants.yaml
 * {@code experiments}). Empty when the conversation takes part in none; left out of the JSON then.
 */
public final class Variants {

    private Variants() {
    }

    /** An unmodifiable copy in the given order; empty for null. */
    public static Map<String, String> copy(Map<String, String> variants) {
        return variants == null || variants.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(variants));
    }
}
