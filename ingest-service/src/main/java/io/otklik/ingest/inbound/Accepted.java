package io.otklik.ingest.inbound;

import java.util.UUID;

/**
 * What became of one inbound message.
 *
 * @param messageId our id: a new one, or the id stored the first time for a duplicate
 * @param duplicate the channel had delivered this message before; nothing was re-processed
 */
public record Accepted(UUID messageId, String conversationId, boolean duplicate) {
}
