package io.otklik.routing.schedule;

import io.otklik.platform.schedule.ProductionCalendar;
import io.otklik.platform.schedule.WorkCalendar;
import io.otklik.platform.tenant.OnDuty;
import io.otklik.platform.tenant.Tenant;
import io.otklik.routing.rules.CalendarFacts;
import io.otklik.routing.rules.StaffResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * What the routing rules ask of the calendar and the staff, answered from the tenant's working calendar (the Russian
 * production calendar, its own closed dates and hours per weekday) and its on-duty rota: {@code holiday},
 * {@code workday}, {@code business_hours}, and who "on-duty" is at the moment (other roles: the first person with it).
 */
@ApplicationScoped
public class ScheduleFacts implements CalendarFacts, StaffResolver {

    @Override
    public boolean holiday(Tenant tenant, LocalDate day) {
        return ProductionCalendar.russia().dayOff(day) || tenant.closedDates().contains(day);
    }

    @Override
    public boolean workday(Tenant tenant, LocalDate day) {
        return WorkCalendar.of(tenant).businessHours(day).isPresent();
    }

    @Override
    public boolean open(Tenant tenant, Instant at) {
        ZonedDateTime local = at.atZone(tenant.zone());
        LocalTime time = local.toLocalTime();
        return WorkCalendar.of(tenant).businessHours(local.toLocalDate())
                .filter(span -> !time.isBefore(span.from()) && time.isBefore(span.to()))
                .isPresent();
    }

    @Override
    public Optional<Tenant.Staff> resolve(Tenant tenant, String role, String skill, Instant now) {
        if ("on-duty".equals(role)) {
            return OnDuty.at(tenant, now);
        }
        return StaffResolver.FIRST_WITH_ROLE.resolve(tenant, role, skill, now);
    }
}
