package io.otklik.nlu.classifier;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The intents a client message can have; {@link #code()} is the exact string the event schema enumerates. */
public enum Intent {
    BOOKING, CONSULTATION, PRICE, COMPLAINT, CANCEL, RESCHEDULE, CONFIRM, GREETING, OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The intent with that code (exact, lower case), if it is one. */
    public static Optional<Intent> of(String code) {
        return Arrays.stream(values()).filter(i -> i.code().equals(code)).findFirst();
    }
}
