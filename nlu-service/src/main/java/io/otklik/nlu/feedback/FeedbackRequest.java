package io.otklik.nlu.feedback;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of {@code POST /api/v1/feedback}: the intent a person says a classified message really had.
 *
 * @param messageId the message id (as in message_received / message_classified)
 * @param intent    one of booking, consultation, price, complaint, cancel, reschedule, confirm, greeting, other
 */
@RegisterForReflection
public record FeedbackRequest(String messageId, String intent) {
}
