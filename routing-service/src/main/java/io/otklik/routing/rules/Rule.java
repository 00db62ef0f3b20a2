package io.otklik.routing.rules;

/**
 * One branch of a tenant's rules: {@code if}/{@code elif} condition → action, or a final {@code else}.
 *
 * @param id        {@code rule-N}, N counting the branches from 1 (what {@code lead_routed.ruleId} carries)
 * @param line      where the branch starts in the rules text (1-based)
 * @param condition null for {@code else}
 * @param text      the branch as written, for logs and reasons
 */
public record Rule(String id, int line, int column, Condition condition, RuleAction action, String text) {

    public boolean matches(RuleContext ctx) {
        return condition == null || condition.test(ctx);
    }
}
