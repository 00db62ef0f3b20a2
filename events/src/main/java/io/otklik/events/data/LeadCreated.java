package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * routing-service opened a lead for a conversation.
 *
 * @param leadId         our lead id (Bitrix24 ORIGIN_ID, amoCRM request_id)
 * @param conversationId the client's thread
 * @param clientId       routing-service's client id (repeat clients share it)
 * @param channel        where the client came from
 * @param contact        the client
 * @param utm            campaign tags
 * @param intent         what the client wants
 * @param summary        a short Russian summary for the manager
 * @param urgent         whether a person should answer now
 * @param firstMessageAt when the client's first message arrived
 */
@RegisterForReflection
public record LeadCreated(UUID leadId, String conversationId, String clientId, Channel channel, Contact contact,
                          Utm utm, String intent, String summary, boolean urgent, Instant firstMessageAt) {
}
