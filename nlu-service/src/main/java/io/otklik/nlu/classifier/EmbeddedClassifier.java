package io.otklik.nlu.classifier;

import io.otklik.events.data.Classification;
import io.otklik.events.data.Intent;
import io.otklik.nlu.entities.EntityExtractor;
import io.otklik.nlu.entities.Extraction;
import io.otklik.nlu.entities.Urgency;
import io.otklik.nlu.model.FallbackPolicy;
import io.otklik.nlu.model.IntentModel;
import io.otklik.platform.tenant.Tenant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The default, offline classifier: the embedded intent model for the intent and its calibrated confidence, the
 * tenant's fallback policy, the entity extractor, and urgency. Pure and thread-safe: no I/O, no clock of its own.
 */
public final class EmbeddedClassifier {

    /** Alternatives below this probability are not worth listing. */
    static final double MIN_ALTERNATIVE = 0.01;
    static final int MAX_ALTERNATIVES = 3;
    private static final Intent[] INTENTS = Intent.values();

    private final IntentModel model;
    private final EntityExtractor extractor;
    private final FallbackPolicy defaults;

    public EmbeddedClassifier(IntentModel model, EntityExtractor extractor, FallbackPolicy defaults) {
        this.model = model;
        this.extractor = extractor;
        this.defaults = defaults;
    }

    /** The model's version, as recorded on every classification it makes. */
    public String modelVersion() {
        return model.version();
    }

    /**
     * @param text   the client's message as written
     * @param tenant the business it was written to (catalogue, staff, thresholds)
     * @param now    when it was received, in the tenant's time zone ("завтра" is relative to this)
     */
    public Understanding classify(String text, Tenant tenant, ZonedDateTime now) {
        String t = text == null ? "" : text;
        double[] p = model.probabilities(t);
        int top = IntentModel.argmax(p);
        Intent intent = INTENTS[top];
        List<Classification.Alternative> alternatives = new ArrayList<>(MAX_ALTERNATIVES);
        boolean[] taken = new boolean[p.length];
        taken[top] = true;
        for (int k = 0; k < MAX_ALTERNATIVES; k++) {
            int best = -1;
            for (int i = 0; i < p.length; i++) {
                if (!taken[i] && (best < 0 || p[i] > p[best])) {
                    best = i;
                }
            }
            if (best < 0 || p[best] < MIN_ALTERNATIVE) {
                break;
            }
            taken[best] = true;
            alternatives.add(new Classification.Alternative(INTENTS[best].name(), round(p[best])));
        }
        boolean fallback = policy(tenant).isFallback(p);
        Extraction extraction = extractor.extract(t, tenant, now);
        double confidence = round(p[top]);
        if (ContactOnly.test(t, extraction.entities())) {
            // contact details only (the answer to "your phone, please"): understood, whatever the model scores
            intent = Intent.OTHER;
            confidence = 1.0;
            fallback = false;
        }
        Urgency urgency = Urgency.of(t, intent, extraction, now);
        return new Understanding(new Classification(intent.name(), confidence, urgency.urgent(), fallback,
                extraction.summary(), model.version(), urgency.reason(), alternatives), extraction.entities());
    }

    /**
     * The understanding when another backend (an LLM) chose the intent: entities, urgency and fallback are worked
     * out here the same way, so only the intent and its confidence differ.
     */
    public Understanding withIntent(String text, Tenant tenant, ZonedDateTime now, Intent intent, double confidence,
                                    boolean urgentToo, String model) {
        String t = text == null ? "" : text;
        Extraction extraction = extractor.extract(t, tenant, now);
        Urgency urgency = Urgency.of(t, intent, extraction, now);
        boolean urgent = urgency.urgent() || urgentToo;
        String reason = urgency.urgent() ? urgency.reason() : urgentToo ? "срочно" : null;
        boolean fallback = confidence < policy(tenant).threshold();
        return new Understanding(new Classification(intent.name(), round(confidence), urgent, fallback,
                extraction.summary(), model, reason, List.of()), extraction.entities());
    }

    /** The tenant's thresholds, each defaulting to the installation's. */
    public FallbackPolicy policy(Tenant tenant) {
        Tenant.Nlu nlu = tenant.nlu();
        return new FallbackPolicy(nlu.fallbackThreshold() != null ? nlu.fallbackThreshold() : defaults.threshold(),
                nlu.minMargin() != null ? nlu.minMargin() : defaults.minMargin());
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
