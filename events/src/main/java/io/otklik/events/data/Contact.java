package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Who the client is on a channel. Personal data: never log it unmasked.
 *
 * @param channelUserId the client's address on the channel (WhatsApp wa_id, Telegram chat id, form submitter id)
 * @param displayName   the name the client gave or the channel shows, if any
 * @param phone         E.164 phone number, if known
 */
@RegisterForReflection
public record Contact(String channelUserId, String displayName, String phone) {
}
