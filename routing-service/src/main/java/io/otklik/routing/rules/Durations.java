package io.otklik.routing.rules;

import java.time.Duration;

/** Russian words for a rule's durations. */
final class Durations {

    private Durations() {
    }

    static String ru(Duration d) {
        long s = d.getSeconds();
        if (s % 3600 == 0) {
            return s / 3600 + " ч";
        }
        if (s % 60 == 0) {
            return s / 60 + " мин";
        }
        return s + " с";
    }
}
