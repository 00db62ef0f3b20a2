package io.otklik.ingest.outbound;

import io.otklik.events.data.ReplyRequested;
import io.otklik.events.data.Template;

/**
 * One attempt to send a reply.
 *
 * @param route     free text, template or SMS
 * @param template  the template to send when the route is {@link Route#TEMPLATE}
 * @param skipParts how many leading parts of a split text an earlier attempt already delivered
 */
public record SendRequest(ReplyRequested reply, Route route, Template template, int skipParts) {
}
