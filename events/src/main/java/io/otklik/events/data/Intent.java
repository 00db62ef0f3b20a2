package io.otklik.events.data;

/**
 * What a client message wants; exactly one per message. The definitions, examples and borderline rules are in
 * {@code nlu-service/INTENTS.md}.
 */
public enum Intent {
    /** Wants an appointment, or a free time for themselves. */
    BOOK("Запись"),
    /** Wants to move an existing appointment. */
    RESCHEDULE("Перенос записи"),
    /** Cancels an appointment or will not come, without asking for another time. */
    CANCEL("Отмена записи"),
    /** Says yes to a proposed or existing appointment. */
    CONFIRM("Подтверждение записи"),
    /** Asks what something costs. */
    PRICE("Вопрос о цене"),
    /** Asks anything else about the business: address, hours, parking, a procedure, what to bring. */
    INFO("Вопрос"),
    /** Is unhappy with something that happened. */
    COMPLAINT("Жалоба"),
    /** Asks for a person or a call back. */
    HUMAN("Просит связаться с человеком"),
    /** Greeting, thanks or goodbye alone, off-topic, spam. */
    OTHER("Обращение");

    private final String label;

    Intent(String label) {
        this.label = label;
    }

    /** What a manager reads for it (a CRM lead's title, a handoff summary), in Russian. */
    public String label() {
        return label;
    }

    /** The Russian label of an intent name; «Обращение» for null or an unknown name. */
    public static String labelOf(String name) {
        return parse(name).label();
    }

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
