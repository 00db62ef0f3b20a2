package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A quick-reply button offered with a message: Telegram inline keyboard, WhatsApp interactive reply button. A press
 * comes back as a {@code message_received} whose {@code buttonId} is this id and whose text is the title.
 *
 * @param id    what comes back when pressed (Telegram callback_data: at most 64 bytes)
 * @param title what the client sees (Russian; WhatsApp shows at most 20 characters)
 */
@RegisterForReflection
public record Button(String id, String title) {
}
