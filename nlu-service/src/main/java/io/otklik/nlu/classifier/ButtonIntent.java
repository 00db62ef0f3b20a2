package io.otklik.nlu.classifier;

import io.otklik.events.data.Intent;
import java.util.Locale;
import java.util.Optional;

/**
 * A press of a quick-reply button that names its intent: the button id {@code intent:<INTENT>} (for example
 * reminder-service's «Подтвердить» = {@code intent:CONFIRM}, «Перенести» = {@code intent:RESCHEDULE}, «Отменить» =
 * {@code intent:CANCEL}). Such a press means exactly that intent whatever its title says, so it is classified with
 * confidence 1.0 without asking any model; any other button id is read like typed text.
 */
public final class ButtonIntent {

    public static final String PREFIX = "intent:";

    private ButtonIntent() {
    }

    /** The intent a button id names, if it has the {@code intent:} form and names one of the nine intents. */
    public static Optional<Intent> of(String buttonId) {
        if (buttonId == null || !buttonId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String name = buttonId.substring(PREFIX.length()).trim().toUpperCase(Locale.ROOT);
        for (Intent i : Intent.values()) {
            if (i.name().equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The button id naming an intent. */
    public static String id(Intent intent) {
        return PREFIX + intent.name();
    }
}
