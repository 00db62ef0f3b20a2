package io.otklik.ingest.webform;

import io.otklik.events.data.Utm;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a site's lead form posts.
 *
 * @param submissionId the form's own id of this submission, if it has one: a resubmission with the same id is a
 *                     duplicate (the {@code Idempotency-Key} header does the same)
 * @param phone        the client's phone, any common Russian or international notation
 * @param message      what the client wrote
 */
@RegisterForReflection
public record WebFormSubmission(String submissionId, String name, String phone, String message, Utm utm) {
}
