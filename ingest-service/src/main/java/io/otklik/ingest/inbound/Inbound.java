package io.otklik.ingest.inbound;

import io.otklik.events.data.Attachment;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.Utm;
import java.time.Instant;
import java.util.List;

/**
 * One client message as a channel delivered it, before it is stored.
 *
 * @param channelAccountId  the business's account on the channel (phone_number_id, bot alias, Instagram account id,
 *                          form id)
 * @param externalMessageId the channel's id of the message, the deduplication key
 * @param sentAt            the channel's timestamp, if it gave one
 * @param messageType       text, button, reaction, location, contacts, image …, edited, story_reply, form, start
 * @param attachments       media metadata, locations, shared contacts
 * @param source            where the client came from, when the channel says (ctwa_ad, instagram_ad, …)
 * @param buttonId          the pressed quick-reply button's id, if any
 */
public record Inbound(String tenantId, Channel channel, String channelAccountId, String externalMessageId,
                      Contact contact, String text, Instant sentAt, Utm utm, String messageType,
                      List<Attachment> attachments, String source, String buttonId) {

    public Inbound {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        messageType = messageType == null ? "text" : messageType;
        // PostgreSQL text and jsonb cannot hold U+0000: a client's stray NUL is dropped rather than failing the store
        text = noNul(text);
        externalMessageId = noNul(externalMessageId);
        contact = contact == null ? null : new Contact(noNul(contact.channelUserId()), noNul(contact.displayName()),
                noNul(contact.phone()));
        utm = utm == null ? null : new Utm(noNul(utm.source()), noNul(utm.medium()), noNul(utm.campaign()),
                noNul(utm.content()), noNul(utm.term()));
    }

    private static String noNul(String s) {
        return s == null || s.indexOf(0) < 0 ? s : s.replace("\0", "");
    }

    /** A plain text message. */
    public Inbound(String tenantId, Channel channel, String channelAccountId, String externalMessageId,
                   Contact contact, String text, Instant sentAt, Utm utm) {
        this(tenantId, channel, channelAccountId, externalMessageId, contact, text, sentAt, utm, "text", List.of(),
                null, null);
    }
}
