package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A client's message arrived on a channel and is durably stored by ingest-service. One shape for every channel.
 *
 * @param messageId         our id of the inbound message
 * @param conversationId    stable id of the client's thread with this business on this channel (the Kafka key)
 * @param channel           the channel
 * @param channelAccountId  the business's account on it (WhatsApp phone_number_id, Telegram bot alias, Instagram
 *                          account id, form id)
 * @param externalMessageId the channel's id of the message (wamid, update_id, mid, form submission id)
 * @param contact           the client
 * @param text              the message text; for media without a caption a Russian placeholder ("[фото]")
 * @param sentAt            when the client sent it (channel timestamp)
 * @param receivedAt        when ingest-service accepted the webhook; first-response time counts from here
 * @param utm               campaign tags, if any
 * @param clientId          the person across channels: one id per tenant for the same phone or messenger account
 * @param messageType       what the client did: text, button, reaction, location, contacts, media, edited,
 *                          story_reply, form, start (the channel's own kinds, lower case)
 * @param attachments       media, locations, shared contacts; empty when none
 * @param source            where the client came from when the channel says so: ctwa_ad (click-to-WhatsApp ad),
 *                          instagram_ad, instagram_story, telegram_start (a /start deep link), site_form, api
 * @param buttonId          the id of the quick-reply button the client pressed, if this message is a press
 */
@RegisterForReflection
public record MessageReceived(UUID messageId, String conversationId, Channel channel, String channelAccountId,
                              String externalMessageId, Contact contact, String text, Instant sentAt,
                              Instant receivedAt, Utm utm, String clientId, String messageType,
                              List<Attachment> attachments, String source, String buttonId) {

    public MessageReceived {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A plain text message (the fields every version of this event had). */
    public MessageReceived(UUID messageId, String conversationId, Channel channel, String channelAccountId,
                           String externalMessageId, Contact contact, String text, Instant sentAt, Instant receivedAt,
                           Utm utm) {
        this(messageId, conversationId, channel, channelAccountId, externalMessageId, contact, text, sentAt,
                receivedAt, utm, null, "text", List.of(), null, null);
    }
}
