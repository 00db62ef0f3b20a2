package io.otklik.routing.rules;

import io.otklik.events.data.Channel;
import io.otklik.platform.tenant.Tenant;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides who handles a new lead: complaints go to the owner, urgent requests to the on-duty person, everything else
 * stays with the bot. Pure, and the one place routing is decided, so the seed-004 rules engine can replace it.
 */
public final class RoutingPolicy {

    public static final String BOT = "bot";

    /**
     * What routing may look at (seed 004 adds rules on response time, source, repeat clients and business hours).
     *
     * @param firstMessageAt when the client's first message arrived
     * @param repeatClient   the client had written before (another conversation or an earlier booking)
     */
    public record Input(String intent, boolean urgent, Channel channel, boolean repeatClient, Instant firstMessageAt,
                        Instant now) {
    }

    /**
     * @param assignee     a staff id, or {@code bot}
     * @param assigneeRole owner, on-duty, specialist or bot
     * @param ruleId       the rule that matched
     * @param reason       why, in words (Russian: managers read it in the CRM)
     */
    public record Route(String assignee, String assigneeRole, String ruleId, String reason) {

        public boolean toPerson() {
            return !BOT.equals(assigneeRole);
        }
    }

    public Route route(Tenant tenant, Input in) {
        if (io.otklik.events.data.Intent.COMPLAINT.name().equals(in.intent())) {
            Optional<Tenant.Staff> owner = withRole(tenant, "owner");
            if (owner.isPresent()) {
                return new Route(owner.get().id(), "owner", "complaint-to-owner", "Жалоба — передана владельцу");
            }
        }
        if (in.urgent()) {
            Optional<Tenant.Staff> onDuty = withRole(tenant, "on-duty");
            if (onDuty.isPresent()) {
                return new Route(onDuty.get().id(), "on-duty", "urgent-to-on-duty",
                        "Срочное обращение — передано дежурному администратору");
            }
        }
        return new Route(BOT, BOT, "bot-default", "Бот ведёт диалог и предлагает запись");
    }

    private static Optional<Tenant.Staff> withRole(Tenant tenant, String role) {
        return tenant.staff().stream().filter(s -> role.equals(s.role())).findFirst();
    }
}
