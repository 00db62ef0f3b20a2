package io.otklik.ingest.outbound;

/** How a reply went out (stored in outbound_message.route). */
public enum Route {
    /** Free text (with buttons where the channel has them), allowed inside the 24 h window. */
    TEXT,
    /** A pre-approved WhatsApp template, allowed any time. */
    TEMPLATE,
    /** A text message through the tenant's SMS gateway. */
    SMS
}
