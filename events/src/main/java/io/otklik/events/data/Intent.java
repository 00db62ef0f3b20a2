package io.otklik.events.data;

/**
 * What a client message wants; exactly one per message. The definitions, examples and borderline rules are in
 * {@code nlu-service/INTENTS.md}.
 */
public enum Intent {
    /** Wants an appointment, or a free time for themselves. */
    BOOK,
    /** Wants to move an existing appointment. */
    RESCHEDULE,
    /** Cancels an appointment or will not come, without asking for another time. */
    CANCEL,
    /** Says yes to a proposed or existing appointment. */
    CONFIRM,
    /** Asks what something costs. */
    PRICE,
    /** Asks anything else about the business: address, hours, parking, a procedure, what to bring. */
    INFO,
    /** Is unhappy with something that happened. */
    COMPLAINT,
    /** Asks for a person or a call back. */
    HUMAN,
    /** Greeting, thanks or goodbye alone, off-topic, spam. */
    OTHER;

    /** The intent of that name, or {@link #OTHER} for null or an unknown name. */
    public static Intent parse(String name) {
        if (name == null) {
            return OTHER;
        }
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return OTHER;
        }
    }
}
