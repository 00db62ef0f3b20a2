package io.otklik.ingest.inbound;

import io.otklik.events.data.Channel;

/** A webhook body exactly as it arrived (the bytes the signature was checked on), kept in the session log. */
public record RawWebhook(Channel channel, byte[] body) {
}
