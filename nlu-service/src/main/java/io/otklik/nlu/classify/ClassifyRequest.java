package io.otklik.nlu.classify;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of {@code POST /api/v1/classify}.
 *
 * @param text       the message, 1 to 4000 characters
 * @param tenantId   optional: must be the API key's tenant when given
 * @param channel    optional: WHATSAPP, TELEGRAM, INSTAGRAM or WEB_FORM (any case)
 * @param receivedAt optional ISO-8601 instant the message was written at ("завтра" is relative to it); now if absent
 */
@RegisterForReflection
public record ClassifyRequest(String text, String tenantId, String channel, String receivedAt) {
}
