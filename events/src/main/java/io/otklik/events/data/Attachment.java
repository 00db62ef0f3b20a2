package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Something a client sent besides text: media (kept as metadata, never downloaded by ingest), a location, a shared
 * contact, a sticker. Personal data (a shared contact's phone and name): never log it unmasked.
 *
 * @param type       image, audio, video, document, sticker, voice, location, contact, story_mention, share, file
 * @param externalId the channel's media id (WhatsApp media id, Telegram file_id), if any
 * @param mimeType   as the channel reported it, if it did
 * @param fileName   a document's file name, if any
 * @param caption    the caption the client wrote on the media, if any
 * @param url        a link the channel gave (Instagram attachment payload URL, a story URL), if any
 * @param latitude   a location's latitude
 * @param longitude  a location's longitude
 * @param title      a location's name or address, a shared contact's name
 * @param phone      a shared contact's phone, E.164 where it parses
 */
@RegisterForReflection
public record Attachment(String type, String externalId, String mimeType, String fileName, String caption, String url,
                         Double latitude, Double longitude, String title, String phone) {

    /** A media attachment: type, the channel's id, its MIME type and caption. */
    public static Attachment media(String type, String externalId, String mimeType, String fileName, String caption) {
        return new Attachment(type, externalId, mimeType, fileName, caption, null, null, null, null, null);
    }
}
