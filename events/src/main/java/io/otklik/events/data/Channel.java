package io.otklik.events.data;

/** Where a client wrote from, and where the answer goes back. */
public enum Channel {
    WHATSAPP, TELEGRAM, INSTAGRAM, WEB_FORM
}
