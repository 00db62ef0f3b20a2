package io.otklik.platform.experiment;

import io.otklik.platform.tenant.Tenant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assigns a unit (a conversation) to one variant of each A/B experiment of a tenant, the same way in every service:
 * the first 8 bytes of SHA-256({@code experimentId + ":" + unitId}) taken modulo the sum of the weights, mapped onto
 * the variants' cumulative weights in the order tenants.yaml lists them. No state is stored: the same conversation
 * lands in the same arm in every replica and service, for as long as the experiment's id, variants and weights stay.
 * The experiment id is part of the hash, so arms of different experiments are independent and adding, removing or
 * changing one experiment moves no conversation in another; changing an experiment's own weights or variants
 * reassigns part of its conversations.
 */
public final class Experiments {

    private Experiments() {
    }

    /**
     * The unit's variant of one experiment.
     *
     * @throws IllegalArgumentException when the experiment has no variant or a weight below 1 (refused at load)
     */
    public static Tenant.Variant assign(Tenant.Experiment experiment, String unitId) {
        List<Tenant.Variant> variants = experiment.variants();
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("experiment " + experiment.id() + " has no variants");
        }
        long total = 0;
        for (Tenant.Variant v : variants) {
            if (v.weight() < 1) {
                throw new IllegalArgumentException("experiment " + experiment.id() + " variant " + v.name()
                        + ": weight " + v.weight() + " is below 1");
            }
            total += v.weight();
        }
        long point = Long.remainderUnsigned(hash(experiment.id() + ":" + unitId), total);
        for (Tenant.Variant v : variants) {
            point -= v.weight();
            if (point < 0) {
                return v;
            }
        }
        throw new IllegalStateException("unreachable: the point lies below the total weight");
    }

    /**
     * The unit's variant name in every experiment of a kind ({@code script}, {@code reminders}), in tenants.yaml
     * order: experiment id → variant name; empty when the tenant runs none of that kind or there is no unit (an
     * appointment without a conversation).
     */
    public static Map<String, String> variants(Tenant tenant, String kind, String unitId) {
        if (unitId == null || unitId.isBlank()) {
            return Map.of();
        }
        Map<String, String> arms = new LinkedHashMap<>();
        for (Tenant.Experiment e : tenant.experiments(kind)) {
            arms.put(e.id(), assign(e, unitId).name());
        }
        return Collections.unmodifiableMap(arms);
    }

    /**
     * The unit's variant name in every experiment of the tenant, whatever its kind, in tenants.yaml order: what every
     * event about a conversation carries as {@code variants}, so metrics can compare arms of any experiment on it.
     */
    public static Map<String, String> variants(Tenant tenant, String unitId) {
        if (unitId == null || unitId.isBlank()) {
            return Map.of();
        }
        Map<String, String> arms = new LinkedHashMap<>();
        for (Tenant.Experiment e : tenant.experiments()) {
            arms.put(e.id(), assign(e, unitId).name());
        }
        return Collections.unmodifiableMap(arms);
    }

    /** The variant of {@code experiment} named in {@code arms}, if the tenant still runs it with that variant. */
    public static Optional<Tenant.Variant> variant(Tenant tenant, String experimentId, String variantName) {
        return tenant.experiments().stream().filter(e -> e.id().equals(experimentId))
                .flatMap(e -> e.variants().stream()).filter(v -> v.name().equals(variantName)).findFirst();
    }

    /** The first 8 bytes of the SHA-256 digest as a long (big-endian). */
    static long hash(String key) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (digest[i] & 0xff);
        }
        return h;
    }

    /**
     * The checks every kind of experiment shares: at least two arms, each with a name no other arm has and a weight of
     * at least 1. The kind's own checks (texts, offsets) are the caller's.
     *
     * @param where how error messages name the experiment, e.g. {@code experiment 'greeting-tone'}
     * @throws IllegalArgumentException naming the experiment and the arm at fault
     */
    public static void checkArms(Tenant.Experiment experiment, String where) {
        if (experiment.variants().size() < 2) {
            throw new IllegalArgumentException(where + " needs at least two variants, has "
                    + experiment.variants().size());
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Tenant.Variant v : experiment.variants()) {
            if (v.name() == null || v.name().isBlank()) {
                throw new IllegalArgumentException(where + ": a variant has no name");
            }
            String variant = where + " variant '" + v.name() + "'";
            if (!names.add(v.name())) {
                throw new IllegalArgumentException(variant + " is declared twice");
            }
            if (v.weight() < 1) {
                throw new IllegalArgumentException(variant + ": weight " + v.weight() + " must be at least 1");
            }
        }
    }
}
