package io.otklik.routing.rules;

import io.otklik.platform.tenant.Tenant;
import io.otklik.routing.booking.SlotFinder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * How soon a specialist is free: the first grid start within {@link #HORIZON} at which one is free for the whole
 * visit (the requested service, or any service when none was named). The fact behind
 * {@code specialist_free_within}. Pure.
 */
public final class SpecialistAvailability {

    /** Looking further ahead than this answers "not soon" (null). */
    public static final Duration HORIZON = Duration.ofHours(12);

    private SpecialistAvailability() {
    }

    /** @return the wait until the first free start, or null when none within the horizon */
    public static Duration freeIn(Tenant tenant, List<SlotFinder.Busy> busy, String serviceCode, Instant now) {
        List<String> services = serviceCode != null && tenant.service(serviceCode).isPresent() ? List.of(serviceCode)
                : tenant.services().stream().map(Tenant.Service::code).toList();
        Duration best = null;
        for (String service : services) {
            Duration d = freeIn(tenant, busy, service, now, best == null ? HORIZON : best);
            if (d != null && (best == null || d.compareTo(best) < 0)) {
                best = d;
            }
        }
        return best;
    }

    private static Duration freeIn(Tenant tenant, List<SlotFinder.Busy> busy, String service, Instant now,
                                   Duration horizon) {
        Tenant.Hours hours = tenant.hours();
        LocalDate today = LocalDate.ofInstant(now, tenant.zone());
        for (LocalDate day = today; !day.isAfter(today.plusDays(1)); day = day.plusDays(1)) {
            for (LocalTime t = hours.open(); t.isBefore(hours.close()); t = t.plusMinutes(hours.slotMinutes())) {
                Instant start = day.atTime(t).atZone(tenant.zone()).toInstant();
                if (!start.isAfter(now)) {
                    continue;
                }
                Duration wait = Duration.between(now, start);
                if (wait.compareTo(horizon) > 0) {
                    return null;
                }
                if (SlotFinder.find(tenant, busy, service, day, t, now, null).free()) {
                    return wait;
                }
                if (t.plusMinutes(hours.slotMinutes()).isBefore(t)) {
                    break;
                }
            }
        }
        return null;
    }
}
