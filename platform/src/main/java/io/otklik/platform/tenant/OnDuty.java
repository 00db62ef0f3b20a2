package io.otklik.platform.tenant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Who is on duty at an instant, by the tenant's rota ({@code onDuty} in tenants.yaml) in the tenant's zone: the first
 * shift that covers the local time wins; a shift whose end is not after its start runs past midnight (after-hours).
 * Without a matching shift, the first staff member with the role {@code on-duty}. Pure.
 */
public final class OnDuty {

    private OnDuty() {
    }

    public static Optional<Tenant.Staff> at(Tenant tenant, Instant instant) {
        ZonedDateTime local = instant.atZone(tenant.zone());
        LocalDate date = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        for (Tenant.Duty d : tenant.onDuty()) {
            if (covers(d, date, time)) {
                return tenant.staffMember(d.staff());
            }
        }
        return tenant.staff().stream().filter(s -> "on-duty".equals(s.role())).findFirst();
    }

    /** Whether the shift covers the local date and time. */
    static boolean covers(Tenant.Duty d, LocalDate date, LocalTime time) {
        boolean overnight = !d.to().isAfter(d.from());
        if (!overnight) {
            return onDay(d, date) && !time.isBefore(d.from()) && time.isBefore(d.to());
        }
        // evening part on the shift's own day, the small hours on the next one
        return onDay(d, date) && !time.isBefore(d.from())
                || onDay(d, date.minusDays(1)) && time.isBefore(d.to());
    }

    private static boolean onDay(Tenant.Duty d, LocalDate date) {
        return d.days().isEmpty() || d.days().contains(date.getDayOfWeek());
    }
}
