package io.otklik.ingest.inbound;

import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.Utm;
import java.time.Instant;

/**
 * One client message as a channel delivered it, before it is stored.
 *
 * @param channelAccountId  the business's account on the channel (phone_number_id, bot alias, form id)
 * @param externalMessageId the channel's id of the message, the deduplication key
 * @param sentAt            the channel's timestamp, if it gave one
 */
public record Inbound(String tenantId, Channel channel, String channelAccountId, String externalMessageId,
                      Contact contact, String text, Instant sentAt, Utm utm) {
}
