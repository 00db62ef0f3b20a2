package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * A client's message arrived on a channel and is durably stored by ingest-service.
 *
 * @param messageId         our id of the inbound message
 * @param conversationId    stable id of the client's thread with this business on this channel (the Kafka key)
 * @param channel           the channel
 * @param channelAccountId  the business's account on it (WhatsApp phone_number_id, Telegram bot alias, form id)
 * @param externalMessageId the channel's id of the message (wamid, update_id, form submission id)
 * @param contact           the client
 * @param text              the message text
 * @param sentAt            when the client sent it (channel timestamp)
 * @param receivedAt        when ingest-service accepted the webhook; first-response time counts from here
 * @param utm               campaign tags, if any
 */
@RegisterForReflection
public record MessageReceived(UUID messageId, String conversationId, Channel channel, String channelAccountId,
                              String externalMessageId, Contact contact, String text, Instant sentAt,
                              Instant receivedAt, Utm utm) {
}
