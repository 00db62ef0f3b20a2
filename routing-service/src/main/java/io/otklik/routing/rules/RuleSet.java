package io.otklik.routing.rules;

import io.otklik.platform.tenant.Tenant;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's parsed rules, in order; the first that matches decides. Pure: {@link #route} looks at the context and
 * the tenant's staff only (through the {@link StaffResolver}).
 *
 * @param text the rules as written
 */
public record RuleSet(String text, List<Rule> rules) {

    /**
     * What a tenant without {@code rules} in tenants.yaml gets: complaints to the owner, urgent requests to the
     * on-duty person, the bot otherwise.
     */
    public static final String DEFAULT_TEXT = "if intent == COMPLAINT → owner + P1 + notify; elif urgent → on-duty + P1"
            + " + notify";

    public RuleSet {
        rules = List.copyOf(rules);
    }

    /**
     * Checks what the grammar cannot: named people exist, a role is held by someone, a skill is a service.
     *
     * @throws RulesException at the offending rule
     */
    public RuleSet validate(Tenant tenant) {
        for (Rule r : rules) {
            RuleAction a = r.action();
            if (a.target() == RuleAction.Target.PERSON && tenant.staffMember(a.person()).isEmpty()) {
                throw new RulesException(r.line(), r.column(), r.id() + ": no staff member with id '" + a.person()
                        + "'");
            }
            if (a.target() == RuleAction.Target.ROLE && tenant.staff().stream().noneMatch(s -> a.role().equals(
                    s.role()) && (a.skill() == null || s.skills().contains(a.skill())))) {
                throw new RulesException(r.line(), r.column(), r.id() + ": nobody on the staff has the role '"
                        + a.role() + "'" + (a.skill() == null ? "" : " with the skill '" + a.skill() + "'"));
            }
            if (a.skill() != null && tenant.service(a.skill()).isEmpty()) {
                throw new RulesException(r.line(), r.column(), r.id() + ": '" + a.skill()
                        + "' is not a service of the tenant");
            }
        }
        return this;
    }

    /** The first matching rule's decision, or the bot under the {@code default} rule. */
    public RuleMatch route(Tenant tenant, RuleContext ctx, StaffResolver staff) {
        for (Rule r : rules) {
            if (r.matches(ctx)) {
                return decide(tenant, ctx, staff, r);
            }
        }
        return new RuleMatch(RuleMatch.DEFAULT_RULE, 0, RuleAction.bot(), RuleMatch.BOT, RuleMatch.BOT, null, null,
                Priority.P3, false, false, "Ни одно правило не подошло — диалог ведёт бот");
    }

    private static RuleMatch decide(Tenant tenant, RuleContext ctx, StaffResolver staff, Rule r) {
        RuleAction a = r.action();
        String why = "Правило " + r.id().substring("rule-".length()) + " (строка " + r.line() + ")"
                + (r.condition() == null ? ", иначе" : ": " + r.condition().ru());
        Priority priority = a.effectivePriority();
        if (a.target() == RuleAction.Target.BOT) {
            return new RuleMatch(r.id(), r.line(), a, RuleMatch.BOT, RuleMatch.BOT, null, null, priority, false,
                    a.suggestBooking(), why + " → бот" + (a.suggestBooking() ? " предлагает запись" : " ведёт диалог"));
        }
        Optional<Tenant.Staff> person = a.target() == RuleAction.Target.PERSON ? tenant.staffMember(a.person())
                : staff.resolve(tenant, a.role(), a.role().equals("specialist") && a.skill() == null ? ctx.service()
                        : a.skill(), ctx.now());
        if (person.isEmpty() && "specialist".equals(a.role()) && a.skill() == null) {
            person = staff.resolve(tenant, a.role(), null, ctx.now());
        }
        if (person.isEmpty()) {
            return new RuleMatch(r.id(), r.line(), a, RuleMatch.BOT, RuleMatch.BOT, null, null, priority, false,
                    false, why + " → " + roleRu(a.role()) + ": сейчас никого нет, диалог ведёт бот");
        }
        Tenant.Staff s = person.get();
        String role = a.target() == RuleAction.Target.PERSON ? roleOf(s) : a.role();
        return new RuleMatch(r.id(), r.line(), a, s.id(), role, s.name(), s.telegramChatId(), priority, a.notifyStaff(),
                false, why + " → " + roleRu(role) + " " + s.name() + ", приоритет " + priority
                        + (a.notifyStaff() ? ", с уведомлением" : ""));
    }

    /** lead_routed knows owner, on-duty, specialist and bot; a named person keeps their role. */
    private static String roleOf(Tenant.Staff s) {
        return List.of("owner", "on-duty", "specialist").contains(s.role()) ? s.role() : "specialist";
    }

    static String roleRu(String role) {
        return switch (role) {
            case "owner" -> "владелец";
            case "on-duty" -> "дежурный администратор";
            case "specialist" -> "специалист";
            default -> role;
        };
    }
}
