package io.otklik.routing.rules;

import io.otklik.platform.tenant.Tenant;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The calendar facts rules may ask for (holiday, working day, open now). The default knows no holidays, works Monday
 * to Friday and is open within {@code hours}; a production calendar replaces it by providing another bean.
 */
public interface CalendarFacts {

    boolean holiday(Tenant tenant, LocalDate day);

    boolean workday(Tenant tenant, LocalDate day);

    boolean open(Tenant tenant, Instant at);

    /** Weekends off, no holidays, open within the tenant's daily hours. */
    CalendarFacts WEEKDAYS = new CalendarFacts() {
        @Override
        public boolean holiday(Tenant tenant, LocalDate day) {
            return false;
        }

        @Override
        public boolean workday(Tenant tenant, LocalDate day) {
            return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !holiday(tenant, day);
        }

        @Override
        public boolean open(Tenant tenant, Instant at) {
            LocalTime t = LocalTime.ofInstant(at, tenant.zone());
            return !t.isBefore(tenant.hours().open()) && t.isBefore(tenant.hours().close());
        }
    };
}
