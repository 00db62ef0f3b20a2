package io.otklik.routing.rules;

/**
 * What a rule does when it matches.
 *
 * @param target         who handles the lead
 * @param role           owner, on-duty or specialist for {@link Target#ROLE}; null otherwise
 * @param skill          a specialist's required skill (service code); null means the requested service
 * @param person         a staff id for {@link Target#PERSON}
 * @param suggestBooking the bot offers a booking
 * @param priority       explicit priority, or null for the default (P2 for a person, P3 for the bot)
 * @param notifyStaff         alert the assignee (Telegram) as well
 */
public record RuleAction(Target target, String role, String skill, String person, boolean suggestBooking,
                         Priority priority, boolean notifyStaff) {

    /** Who handles the lead. */
    public enum Target {
        BOT, ROLE, PERSON
    }

    public static RuleAction bot() {
        return new RuleAction(Target.BOT, null, null, null, false, null, false);
    }

    public Priority effectivePriority() {
        return priority != null ? priority : target == Target.BOT ? Priority.P3 : Priority.P2;
    }
}
