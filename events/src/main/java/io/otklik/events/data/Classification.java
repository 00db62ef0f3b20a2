package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * What nlu-service understood of one message.
 *
 * @param intent        one of {@link Intent}'s names (BOOK, RESCHEDULE, CANCEL, CONFIRM, PRICE, INFO, COMPLAINT,
 *                      HUMAN, OTHER)
 * @param confidence    0..1, calibrated: of the messages given 0.8, about 80 % are right
 * @param urgent        the client needs an answer from a person soon
 * @param fallback      the model was not sure enough (below the tenant's threshold, or the top two too close): the
 *                      bot should hand over or ask rather than act
 * @param entities      what was extracted
 * @param model         the model that decided, with its version ({@code embedded-maxent-<version>}, or the LLM's)
 * @param urgencyReason why it is urgent («боль», «срочно», «сегодня», «жалоба»); null when not urgent
 * @param alternatives the next most likely intents with their confidence, most likely first (at most three)
 */
@RegisterForReflection
public record Classification(String intent, double confidence, boolean urgent, boolean fallback, Entities entities,
                             String model, String urgencyReason, List<Alternative> alternatives) {

    public Classification {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    /** Without urgency reason and alternatives (tests and older producers). */
    public Classification(String intent, double confidence, boolean urgent, boolean fallback, Entities entities,
                          String model) {
        this(intent, confidence, urgent, fallback, entities, model, null, List.of());
    }

    /** The intent as the enum; an unknown name reads as {@link Intent#OTHER}. */
    public Intent intentValue() {
        return Intent.parse(intent);
    }

    /**
     * Another intent the model considered.
     *
     * @param intent     one of {@link Intent}'s names
     * @param confidence 0..1
     */
    @RegisterForReflection
    public record Alternative(String intent, double confidence) {
    }
}
