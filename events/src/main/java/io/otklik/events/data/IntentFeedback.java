package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * A manager said what a classified message really wanted (nlu-service {@code POST /api/v1/feedback}): the source of
 * the Intent Accuracy metric and of new training data. A later correction of the same message is a new event.
 *
 * @param messageId       the message, as on {@code message_received}
 * @param conversationId  the client's thread
 * @param predictedIntent what the model said
 * @param correctIntent   what the manager says
 * @param model           the model (with version) that made the prediction
 * @param labelledAt      when the manager said it
 */
@RegisterForReflection
public record IntentFeedback(UUID messageId, String conversationId, String predictedIntent, String correctIntent,
                             String model, Instant labelledAt) {
}
