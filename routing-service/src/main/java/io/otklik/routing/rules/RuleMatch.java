package io.otklik.routing.rules;

/**
 * The engine's answer for one lead.
 *
 * @param ruleId         the branch that matched ({@code rule-N}) or {@code default} when none did
 * @param line           the branch's line in the rules text, 0 for the default
 * @param assignee       a staff id, or {@code bot}
 * @param assigneeRole   owner, on-duty, specialist or bot
 * @param assigneeName   the person's name, null for the bot
 * @param telegramChatId where the person gets alerts, or null
 * @param reason         why, in Russian (managers read it in the CRM)
 */
public record RuleMatch(String ruleId, int line, RuleAction action, String assignee, String assigneeRole,
                        String assigneeName, String telegramChatId, Priority priority, boolean notifyStaff,
                        boolean suggestBooking, String reason) {

    public static final String BOT = "bot";
    public static final String DEFAULT_RULE = "default";
    /** What the bot adds to its answer under {@code bot + suggest booking} when it did not offer a booking. */
    public static final String SUGGEST_BOOKING = "Хотите записаться? Подскажу ближайшее свободное время.";

    public boolean toPerson() {
        return !BOT.equals(assigneeRole);
    }
}
