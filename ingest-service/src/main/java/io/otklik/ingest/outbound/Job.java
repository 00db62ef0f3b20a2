package io.otklik.ingest.outbound;

import io.otklik.events.data.ReplyRequested;
import java.time.Instant;

/**
 * One reserved outbound message about to be (re)sent.
 *
 * @param staff       a message to the business's staff (handoff), not to a client: no reply_sent / reply_failed
 * @param attempts    attempts so far, this one included
 * @param partsSent   parts of a split text earlier attempts delivered
 * @param requestedAt when the message was reserved; retries stop after {@code otklik.outbound.retry.max-age}
 * @param route       the route an earlier attempt chose; null to choose now
 */
public record Job(String tenantId, ReplyRequested reply, boolean staff, int attempts, int partsSent,
                  Instant requestedAt, Route route) {
}
