package io.otklik.platform.schedule;

import io.otklik.platform.tenant.Tenant;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When a tenant and each of its staff work, day by day, in the tenant's zone: business hours per weekday, the
 * production calendar (holidays closed unless {@code worksOnHolidays}, working weekends open on the default hours),
 * the tenant's own closed dates, and per person: weekday hours inside the business hours, weekly and dated days off
 * (from tenants.yaml and from the database) and breaks. Pure.
 */
public final class WorkCalendar {

    private final Tenant tenant;
    private final ProductionCalendar calendar;
    private final Map<String, Set<LocalDate>> storedDaysOff;

    /**
     * @param storedDaysOff dated days off per staff id kept in the database (admin API), besides tenants.yaml's
     */
    public WorkCalendar(Tenant tenant, ProductionCalendar calendar, Map<String, Set<LocalDate>> storedDaysOff) {
        this.tenant = tenant;
        this.calendar = calendar;
        this.storedDaysOff = Map.copyOf(storedDaysOff);
    }

    /** The tenant's calendar from tenants.yaml and the shipped production calendar alone. */
    public static WorkCalendar of(Tenant tenant) {
        return new WorkCalendar(tenant, ProductionCalendar.russia(), Map.of());
    }

    public Tenant tenant() {
        return tenant;
    }

    public ZoneId zone() {
        return tenant.zone();
    }

    /** A transferred working weekend the tenant follows: it works the default hours, like a weekday. */
    private boolean workingWeekend(LocalDate date) {
        return !tenant.worksOnHolidays() && calendar.workingWeekend(date);
    }

    /** Why the business is closed on the date, or empty when it is open. */
    public Optional<String> closedBecause(LocalDate date) {
        if (tenant.closedDates().contains(date)) {
            return Optional.of("closed date");
        }
        if (!tenant.worksOnHolidays() && calendar.dayOff(date)) {
            return Optional.of(calendar.holiday(date) ? "public holiday" : "transferred day off");
        }
        if (!workingWeekend(date) && tenant.hours().closedOn().contains(date.getDayOfWeek())) {
            return Optional.of("weekly day off");
        }
        return Optional.empty();
    }

    /** The business's opening hours on the date, or empty when it is closed. */
    public Optional<Tenant.Span> businessHours(LocalDate date) {
        if (closedBecause(date).isPresent()) {
            return Optional.empty();
        }
        Tenant.Hours h = tenant.hours();
        Tenant.Span day = workingWeekend(date) ? null : h.days().get(date.getDayOfWeek());
        return Optional.of(day != null ? day : new Tenant.Span(h.open(), h.close()));
    }

    /** Whether the staff member works at all on the date (the business is open and it is not their day off). */
    public boolean works(Tenant.Staff staff, LocalDate date) {
        return !intervals(staff, date).isEmpty();
    }

    /**
     * The staff member's working intervals on the date, chronological and disjoint: their hours for the weekday (the
     * business hours when none) inside the business hours, minus the business's and their own breaks; empty on a
     * closed day or a day off.
     */
    public List<Tenant.Span> intervals(Tenant.Staff staff, LocalDate date) {
        Optional<Tenant.Span> open = businessHours(date);
        if (open.isEmpty() || staff.datesOff().contains(date)
                || storedDaysOff.getOrDefault(staff.id(), Set.of()).contains(date)) {
            return List.of();
        }
        DayOfWeek weekday = date.getDayOfWeek();
        boolean weekendMadeWorking = workingWeekend(date);
        if (!weekendMadeWorking && staff.daysOff().contains(weekday)) {
            return List.of();
        }
        Tenant.Span own = weekendMadeWorking ? null : staff.hours().get(weekday);
        Tenant.Span span = own == null ? open.get() : intersect(own, open.get());
        if (span == null) {
            return List.of();
        }
        List<Tenant.Span> breaks = new ArrayList<>(tenant.hours().breaks());
        breaks.addAll(staff.breaks());
        return minus(span, breaks);
    }

    /**
     * The staff member's usual hours on a weekday (their own span inside the business hours of that weekday), before
     * breaks and dated exceptions; empty when they or the business do not work that weekday.
     */
    public Optional<Tenant.Span> usualHours(Tenant.Staff staff, DayOfWeek weekday) {
        Tenant.Hours h = tenant.hours();
        if (h.closedOn().contains(weekday) || staff.daysOff().contains(weekday)) {
            return Optional.empty();
        }
        Tenant.Span business = h.days().getOrDefault(weekday, new Tenant.Span(h.open(), h.close()));
        Tenant.Span own = staff.hours().get(weekday);
        return Optional.ofNullable(own == null ? business : intersect(own, business));
    }

    /** The interval of the staff member's working day that contains [start, end), if any. */
    public Optional<Tenant.Span> containing(Tenant.Staff staff, LocalDate date, LocalTime start, LocalTime end) {
        if (!start.isBefore(end)) {
            return Optional.empty();
        }
        return intervals(staff, date).stream()
                .filter(i -> !start.isBefore(i.from()) && !end.isAfter(i.to()))
                .findFirst();
    }

    static Tenant.Span intersect(Tenant.Span a, Tenant.Span b) {
        LocalTime from = a.from().isAfter(b.from()) ? a.from() : b.from();
        LocalTime to = a.to().isBefore(b.to()) ? a.to() : b.to();
        return from.isBefore(to) ? new Tenant.Span(from, to) : null;
    }

    /** The span with the cuts removed (public for routing-service's schedule view: free time between appointments). */
    public static List<Tenant.Span> minus(Tenant.Span span, List<Tenant.Span> cuts) {
        List<Tenant.Span> pieces = new ArrayList<>(List.of(span));
        for (Tenant.Span cut : cuts.stream().sorted(Comparator.comparing(Tenant.Span::from)).toList()) {
            List<Tenant.Span> next = new ArrayList<>();
            for (Tenant.Span p : pieces) {
                if (!cut.from().isBefore(p.to()) || !p.from().isBefore(cut.to())) {
                    next.add(p);
                    continue;
                }
                if (p.from().isBefore(cut.from())) {
                    next.add(new Tenant.Span(p.from(), cut.from()));
                }
                if (cut.to().isBefore(p.to())) {
                    next.add(new Tenant.Span(cut.to(), p.to()));
                }
            }
            pieces = next;
        }
        return List.copyOf(pieces);
    }
}
