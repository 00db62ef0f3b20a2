package io.otklik.nlu.model;

/**
 * When a classification is not to be acted on: its top confidence is below {@code threshold}, or the runner-up is
 * closer than {@code minMargin}. Both are set per tenant ({@code nlu.fallbackThreshold}, {@code nlu.minMargin} in
 * tenants.yaml) with installation defaults ({@code otklik.nlu.fallback-threshold}, {@code otklik.nlu.min-margin}).
 */
public record FallbackPolicy(double threshold, double minMargin) {

    /** The defaults, chosen on the training split's cross-validated predictions (see nlu-service/README.md). */
    public static final FallbackPolicy DEFAULT = new FallbackPolicy(0.5, 0.1);

    public FallbackPolicy {
        if (threshold < 0 || threshold > 1 || minMargin < 0 || minMargin > 1) {
            throw new IllegalArgumentException("fallback threshold and margin are shares between 0 and 1");
        }
    }

    /** Whether probabilities (any order) call for a person rather than the bot. */
    public boolean isFallback(double[] probabilities) {
        double top = 0;
        double second = 0;
        for (double p : probabilities) {
            if (p > top) {
                second = top;
                top = p;
            } else if (p > second) {
                second = p;
            }
        }
        return top < threshold || top - second < minMargin;
    }
}
