package io.otklik.nlu.entities;

import io.otklik.events.data.Intent;
import java.time.ZonedDateTime;

/** Placeholder until the entities branch lands. */
public record Urgency(boolean urgent, String reason) {

    public static Urgency of(String text, Intent intent, Extraction e, ZonedDateTime now) {
        if (intent == Intent.COMPLAINT) {
            return new Urgency(true, "жалоба");
        }
        String t = text == null ? "" : text.toLowerCase();
        if (t.contains("болит")) {
            return new Urgency(true, "боль");
        }
        if (t.contains("срочно")) {
            return new Urgency(true, "срочно");
        }
        return new Urgency(false, null);
    }
}
