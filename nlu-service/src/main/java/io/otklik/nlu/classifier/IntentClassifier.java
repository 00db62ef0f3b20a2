package io.otklik.nlu.classifier;

import io.otklik.events.data.Classification;
import io.otklik.platform.tenant.Tenant;
import java.time.ZonedDateTime;

/**
 * Understands one client message. Implementations are pure (no I/O, no clock of their own) so they can be swapped:
 * the keyword baseline today, a trained model and an LLM fallback later.
 */
public interface IntentClassifier {

    /**
     * @param text   the client's message as written
     * @param tenant the business it was written to (its catalogue names the services)
     * @param now    when it was received, in the tenant's time zone ("завтра" is relative to this)
     */
    Classification classify(String text, Tenant tenant, ZonedDateTime now);

    /** The model id with its version, as it appears in {@link Classification#model()}. */
    String model();
}
