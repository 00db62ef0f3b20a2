package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What nlu-service understood of one message.
 *
 * @param intent     booking, consultation, price, complaint, cancel, reschedule, confirm, greeting or other
 * @param confidence 0..1
 * @param urgent     the client needs an answer from a person now
 * @param fallback   confidence was below the threshold: the bot should ask rather than act
 * @param entities   what was extracted
 * @param model      the model that decided, with its version
 */
@RegisterForReflection
public record Classification(String intent, double confidence, boolean urgent, boolean fallback, Entities entities,
                             String model) {
}
