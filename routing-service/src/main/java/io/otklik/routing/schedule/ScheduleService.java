package io.otklik.routing.schedule;

import io.otklik.platform.schedule.ProductionCalendar;
import io.otklik.platform.schedule.WorkCalendar;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.web.ProblemException;
import io.otklik.routing.booking.AppointmentStore;
import io.otklik.routing.booking.SlotFinder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The staff side of the admin API: who works when (tenants.yaml plus days off stored in the database), a person's
 * schedule with what is free, dated days off, and free slots. Reads and writes in its own transaction.
 */
@ApplicationScoped
public class ScheduleService {

    private static final Logger LOG = Logger.getLogger(ScheduleService.class);

    private final AppointmentStore store;
    private final Clock clock;

    public ScheduleService(AppointmentStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A weekday's usual working hours and breaks. */
    @RegisterForReflection
    public record WeekdayHours(DayOfWeek day, LocalTime from, LocalTime to, List<Tenant.Span> breaks) {
    }

    /**
     * A staff member with roles, skills and schedule.
     *
     * @param week     usual hours per working weekday (weekdays off are absent)
     * @param datesOff dated days off from today on: tenants.yaml's and those stored through the API
     * @param onDuty   their shifts of the on-duty rota
     */
    @RegisterForReflection
    public record StaffView(String id, String name, String role, List<String> skills, List<WeekdayHours> week,
                            List<DayOfWeek> daysOff, List<LocalDate> datesOff, List<Tenant.Duty> onDuty) {
    }

    /** A catalogue item with who does it. */
    @RegisterForReflection
    public record ServiceView(String code, String name, int price, int durationMinutes, List<String> specialists) {
    }

    /** An appointment in a schedule. */
    @RegisterForReflection
    public record Booked(UUID id, String service, Instant startsAt, Instant endsAt, String status) {
    }

    /**
     * One day of a person's schedule in the tenant's zone.
     *
     * @param closed  why nobody works that day (public holiday, closed date, weekly day off), else null
     * @param dayOff  why this person does not work that day (weekly day off, day off), else null
     * @param working working intervals (local times) minus breaks
     * @param free    the working intervals minus appointments
     */
    @RegisterForReflection
    public record DaySchedule(LocalDate date, String closed, String dayOff, List<Tenant.Span> working,
                              List<Tenant.Span> free, List<Booked> appointments) {
    }

    @RegisterForReflection
    public record ScheduleView(String staff, String staffName, String timezone, LocalDate from, LocalDate to,
                               List<DaySchedule> days) {
    }

    @RegisterForReflection
    public record DayOffView(String staff, LocalDate date, String reason, Instant createdAt) {
    }

    /** A free slot. */
    @RegisterForReflection
    public record SlotView(String staff, String staffName, Instant startsAt, Instant endsAt,
                           LocalDateTime localStart) {
    }

    public Uni<List<StaffView>> staff(Tenant tenant) {
        LocalDate today = LocalDate.now(clock.withZone(tenant.zone()));
        return Panache.withSession(() -> store.daysOff(tenant.id(), null, today, today.plusYears(2)))
                .map(stored -> {
                    WorkCalendar calendar = WorkCalendar.of(tenant);
                    return tenant.staff().stream().map(s -> {
                        List<WeekdayHours> week = new ArrayList<>();
                        List<Tenant.Span> breaks = new ArrayList<>(tenant.hours().breaks());
                        breaks.addAll(s.breaks());
                        for (DayOfWeek d : DayOfWeek.values()) {
                            calendar.usualHours(s, d).ifPresent(h -> week.add(new WeekdayHours(d, h.from(), h.to(),
                                    breaks)));
                        }
                        Set<LocalDate> dates = new TreeSet<>(s.datesOff().stream().filter(d -> !d.isBefore(today))
                                .toList());
                        stored.stream().filter(o -> o.staffId().equals(s.id())).forEach(o -> dates.add(o.day()));
                        List<DayOfWeek> off = new ArrayList<>(new TreeSet<>(s.daysOff()));
                        return new StaffView(s.id(), s.name(), s.role(), s.skills(), week, off,
                                List.copyOf(dates), tenant.onDuty().stream()
                                .filter(d -> d.staff().equals(s.id())).toList());
                    }).toList();
                });
    }

    public List<ServiceView> services(Tenant tenant) {
        return tenant.services().stream().map(s -> new ServiceView(s.code(), s.name(), s.price(),
                s.durationMinutes(), tenant.staff().stream()
                .filter(p -> "specialist".equals(p.role()) && p.skills().contains(s.code()))
                .map(Tenant.Staff::id).toList())).toList();
    }

    public Tenant.Staff requireStaff(Tenant tenant, String staffId) {
        return tenant.staffMember(staffId).orElseThrow(() ->
                ProblemException.notFound("the tenant has no staff member '" + staffId + "'"));
    }

    /** The person's days [from, to] in the tenant's zone. */
    public Uni<ScheduleView> schedule(Tenant tenant, String staffId, LocalDate from, LocalDate to) {
        Tenant.Staff staff = requireStaff(tenant, staffId);
        ZoneId zone = tenant.zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return Panache.withSession(() -> store.daysOff(tenant.id(), staffId, from, to)
                .chain(daysOff -> store.starting(tenant.id(), start.minusSeconds(86_400), end)
                        .map(rows -> {
                            Set<LocalDate> stored = new HashSet<>();
                            daysOff.forEach(o -> stored.add(o.day()));
                            WorkCalendar calendar = new WorkCalendar(tenant, ProductionCalendar.russia(),
                                    Map.of(staffId, stored));
                            List<AppointmentStore.Row> mine = rows.stream()
                                    .filter(r -> r.staffId().equals(staffId) && !"CANCELLED".equals(r.status()))
                                    .toList();
                            List<DaySchedule> days = new ArrayList<>();
                            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                                days.add(day(calendar, staff, d, stored.contains(d), mine));
                            }
                            return new ScheduleView(staffId, staff.name(), tenant.timezone(), from, to, days);
                        })));
    }

    private static DaySchedule day(WorkCalendar calendar, Tenant.Staff staff, LocalDate date, boolean storedOff,
                                   List<AppointmentStore.Row> appointments) {
        ZoneId zone = calendar.zone();
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<AppointmentStore.Row> that = appointments.stream()
                .filter(a -> a.startsAt().isBefore(dayEnd) && a.endsAt().isAfter(dayStart))
                .sorted(Comparator.comparing(AppointmentStore.Row::startsAt)).toList();
        String closed = calendar.closedBecause(date).orElse(null);
        List<Tenant.Span> working = calendar.intervals(staff, date);
        String dayOff = null;
        if (closed == null && working.isEmpty()) {
            dayOff = storedOff || staff.datesOff().contains(date) ? "day off" : "weekly day off";
        }
        List<Tenant.Span> cuts = that.stream().map(a -> new Tenant.Span(
                a.startsAt().isBefore(dayStart) ? LocalTime.MIN : a.startsAt().atZone(zone).toLocalTime(),
                a.endsAt().isAfter(dayEnd) ? LocalTime.MAX : a.endsAt().atZone(zone).toLocalTime())).toList();
        List<Tenant.Span> free = new ArrayList<>();
        for (Tenant.Span w : working) {
            free.addAll(WorkCalendar.minus(w, cuts));
        }
        return new DaySchedule(date, closed, dayOff, working, free, that.stream()
                .map(a -> new Booked(a.id(), a.serviceCode(), a.startsAt(), a.endsAt(), a.status())).toList());
    }

    /**
     * Stores a dated day off. 409 when it is already stored or the person has active appointments that day (move or
     * cancel them first); 400 for a past date.
     */
    public Uni<DayOffView> addDayOff(Tenant tenant, String staffId, LocalDate date, String reason) {
        requireStaff(tenant, staffId);
        ZoneId zone = tenant.zone();
        if (date.isBefore(LocalDate.now(clock.withZone(zone)))) {
            throw ProblemException.badRequest("'date' " + date + " is in the past", "date");
        }
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        return Panache.withTransaction(() -> store.lockSchedule(tenant.id())
                .chain(() -> store.busy(tenant.id(), start, end))
                .chain(busy -> {
                    long booked = busy.stream().filter(b -> b.appointmentId() != null && b.staffId().equals(staffId))
                            .count();
                    if (booked > 0) {
                        throw new ProblemException(409, "Conflict", staffId + " has " + booked + " active"
                                + " appointment(s) on " + date + "; move or cancel them first", "date");
                    }
                    return store.addDayOff(tenant.id(), staffId, date, start, end, reason, now);
                }))
                .map(added -> {
                    if (!added) {
                        throw new ProblemException(409, "Conflict", "the day off of " + staffId + " on " + date
                                + " is already stored", "date");
                    }
                    LOG.infof("tenant=%s staff=%s: day off %s stored", tenant.id(), staffId, date);
                    return new DayOffView(staffId, date, reason, now);
                });
    }

    /** Removes a stored day off; 404 when there is none. */
    public Uni<Void> removeDayOff(Tenant tenant, String staffId, LocalDate date) {
        requireStaff(tenant, staffId);
        return Panache.withTransaction(() -> store.removeDayOff(tenant.id(), staffId, date))
                .map(removed -> {
                    if (!removed) {
                        throw ProblemException.notFound("no stored day off of " + staffId + " on " + date);
                    }
                    LOG.infof("tenant=%s staff=%s: day off %s removed", tenant.id(), staffId, date);
                    return null;
                });
    }

    /**
     * The nearest free slots for a service from an instant on (never before now), optionally with one specialist and
     * after a local time of day.
     */
    public Uni<List<SlotView>> slots(Tenant tenant, String service, Instant from, String staffId, LocalTime after,
                                     int limit) {
        Instant now = clock.instant();
        Instant since = from.isAfter(now) ? from : now;
        LocalDate firstDay = LocalDate.ofInstant(since, tenant.zone());
        Instant until = firstDay.plusDays(SlotFinder.SEARCH_DAYS + 1L).atStartOfDay(tenant.zone()).toInstant();
        SlotFinder.Query query = new SlotFinder.Query(service, firstDay, SlotFinder.SEARCH_DAYS, after, null,
                staffId, limit);
        return Panache.withSession(() -> store.busy(tenant.id(), since, until))
                .map(busy -> SlotFinder.nearest(WorkCalendar.of(tenant), busy, query, since).stream()
                        .map(s -> new SlotView(s.staffId(), s.staffName(), s.startsAt(), s.endsAt(), s.localStart()))
                        .toList());
    }
}
