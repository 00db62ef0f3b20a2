package io.otklik.routing.rules;

import io.otklik.platform.tenant.Tenant;
import io.otklik.routing.booking.SlotFinder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Routes a new lead by the tenant's rules: turns what the dialog service knows into a {@link RuleContext} (with the
 * calendar facts and how soon a specialist is free) and asks the tenant's {@link RuleSet}. A {@link StaffResolver}
 * or {@link CalendarFacts} bean, when the application has one (an on-duty rota, a production calendar), replaces the
 * defaults.
 */
@ApplicationScoped
public class LeadRouter {

    private static final Logger LOG = Logger.getLogger(LeadRouter.class);

    private final TenantRules rules;
    private final StaffResolver staff;
    private final CalendarFacts calendar;

    public LeadRouter(TenantRules rules, Instance<StaffResolver> staff, Instance<CalendarFacts> calendar) {
        this.rules = rules;
        this.staff = staff.isResolvable() ? staff.get() : StaffResolver.FIRST_WITH_ROLE;
        this.calendar = calendar.isResolvable() ? calendar.get() : CalendarFacts.WEEKDAYS;
    }

    /**
     * What the dialog service knows about the lead when it opens.
     *
     * @param waitingSince the client's first message the bot has not answered (null: now)
     * @param busy         the tenant's appointments around today, for {@code specialist_free_within}
     */
    public record Lead(String intent, boolean urgent, boolean fallback, io.otklik.events.data.Channel channel,
                       String utmSource, boolean repeatClient, String service, Instant waitingSince,
                       List<SlotFinder.Busy> busy) {
    }

    public RuleMatch route(Tenant tenant, Lead lead, Instant now) {
        RuleSet set = rules.of(tenant);
        LocalDate today = LocalDate.ofInstant(now, tenant.zone());
        Duration freeIn = set.text().contains("specialist_free_within")
                ? SpecialistAvailability.freeIn(tenant, lead.busy(), lead.service(), now) : null;
        Duration waiting = lead.waitingSince() == null || lead.waitingSince().isAfter(now) ? Duration.ZERO
                : Duration.between(lead.waitingSince(), now);
        RuleContext ctx = new RuleContext(now, tenant.zone(), waiting, lead.channel(), lead.utmSource(),
                lead.repeatClient(), lead.intent(), lead.urgent(), lead.fallback(), tenant.segment(),
                calendar.holiday(tenant, today), calendar.workday(tenant, today), calendar.open(tenant, now), freeIn,
                lead.service());
        RuleMatch match = set.route(tenant, ctx, staff);
        LOG.debugf("tenant=%s rule=%s assignee=%s priority=%s", tenant.id(), match.ruleId(), match.assignee(),
                match.priority());
        return match;
    }
}
