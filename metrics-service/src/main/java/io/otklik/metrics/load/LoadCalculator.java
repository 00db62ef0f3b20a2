package io.otklik.metrics.load;

import io.otklik.events.Topics;
import io.otklik.platform.schedule.ProductionCalendar;
import io.otklik.platform.schedule.WorkCalendar;
import io.otklik.platform.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Specialist load (seed 004: from 55 % to 78 %) = booked minutes / working minutes of a tenant's specialists in a
 * window [from, to). Pure: the tenant, the window and the appointment events come in, numbers go out.
 *
 * <p>Working minutes are routing-service's working time ({@link WorkCalendar}: business hours per weekday, breaks,
 * weekly and dated days off from tenants.yaml, public holidays and transfers), per local date in the tenant's zone,
 * only the part of each working interval inside the window.
 *
 * <p>Booked minutes are the appointments as they stand after all events: the booking, then the move of the
 * rescheduled event with the latest {@code occurredAt} (whatever order the events came in; on a tie the later one in
 * the collection), on the specialist the latest move naming one (a move without a staff id keeps the specialist),
 * none once cancelled. Each counts for its specialist, clipped to the window; it is not cut to the working time, so a
 * visit outside the hours (tenants.yaml changed after it was booked) still counts.
 *
 * <p>Appointments of anyone who is not a specialist of the tenant (an unknown or removed staff id, an owner, a move
 * whose booking is not among the events and names nobody) count nowhere, not even in the total: the total is the
 * ratio over the same people in numerator and denominator, and minutes without working time behind them would push
 * it above what the specialists really carry.
 */
public final class LoadCalculator {

    private LoadCalculator() {
    }

    public static SpecialistLoad of(Tenant tenant, Instant from, Instant to, Collection<AppointmentEvent> events) {
        // days off entered through routing-service's admin API live in routing's database, which metrics cannot see:
        // on such a day the person counts as working (the load reads lower than it is)
        WorkCalendar calendar = new WorkCalendar(tenant, ProductionCalendar.russia(), Map.of());
        Map<String, Long> bookedSeconds = bookedSeconds(appointments(events), from, to);
        List<StaffLoad> byStaff = new ArrayList<>();
        long booked = 0;
        long working = 0;
        for (Tenant.Staff staff : tenant.staff()) {
            if (!"specialist".equals(staff.role())) {
                continue;
            }
            long b = bookedSeconds.getOrDefault(staff.id(), 0L) / 60;
            long w = workingSeconds(calendar, staff, from, to) / 60;
            byStaff.add(new StaffLoad(staff.id(), staff.name(), b, w, ratio(b, w)));
            booked += b;
            working += w;
        }
        return new SpecialistLoad(booked, working, ratio(booked, working), byStaff);
    }

    static double ratio(long booked, long working) {
        return working == 0 ? 0 : (double) booked / working;
    }

    /** The staff member's working time inside [from, to), in seconds. */
    static long workingSeconds(WorkCalendar calendar, Tenant.Staff staff, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return 0;
        }
        ZoneId zone = calendar.zone();
        LocalDate last = to.atZone(zone).toLocalDate();
        long seconds = 0;
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (Tenant.Span span : calendar.intervals(staff, day)) {
                seconds += overlap(day.atTime(span.from()).atZone(zone).toInstant(),
                        day.atTime(span.to()).atZone(zone).toInstant(), from, to);
            }
        }
        return seconds;
    }

    /** An appointment as it stands after its events. */
    record Appointment(String staffId, Instant startsAt, Instant endsAt) {
    }

    /** The active appointments by id, after applying bookings, moves (latest {@code occurredAt} wins) and cancellations. */
    static Map<String, Appointment> appointments(Collection<AppointmentEvent> events) {
        Map<String, AppointmentEvent> booked = new LinkedHashMap<>();
        Map<String, List<AppointmentEvent>> moves = new HashMap<>();
        Map<String, Boolean> cancelled = new HashMap<>();
        for (AppointmentEvent e : events) {
            if (e == null || e.type() == null || e.appointmentId() == null) {
                continue;
            }
            switch (e.type()) {
                // a redelivered booking is the same booking: the first one stands
                case Topics.APPOINTMENT_BOOKED -> booked.putIfAbsent(e.appointmentId(), e);
                case Topics.APPOINTMENT_RESCHEDULED -> moves.computeIfAbsent(e.appointmentId(), id -> new ArrayList<>())
                        .add(e);
                case Topics.APPOINTMENT_CANCELLED -> cancelled.put(e.appointmentId(), true);
                default -> {
                }
            }
        }
        Map<String, Appointment> result = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(booked.keySet());
        moves.keySet().stream().filter(id -> !booked.containsKey(id)).sorted().forEach(ids::add);
        for (String id : ids) {
            if (cancelled.containsKey(id)) {
                continue; // routing refuses to move a cancelled appointment: a cancellation is final
            }
            AppointmentEvent b = booked.get(id);
            String staffId = b == null ? null : b.staffId();
            Instant startsAt = b == null ? null : b.startsAt();
            Instant endsAt = b == null ? null : b.endsAt();
            // stable sort: on equal occurredAt the later in the collection wins
            List<AppointmentEvent> ordered = moves.getOrDefault(id, List.of()).stream()
                    .sorted(Comparator.comparing(AppointmentEvent::occurredAt,
                            Comparator.nullsFirst(Comparator.naturalOrder())))
                    .toList();
            for (AppointmentEvent m : ordered) {
                if (m.startsAt() != null && m.endsAt() != null) {
                    startsAt = m.startsAt();
                    endsAt = m.endsAt();
                }
                if (m.staffId() != null) {
                    staffId = m.staffId();
                }
            }
            if (staffId != null && startsAt != null && endsAt != null) {
                result.put(id, new Appointment(staffId, startsAt, endsAt));
            }
        }
        return result;
    }

    /** Booked seconds per staff id inside [from, to). */
    static Map<String, Long> bookedSeconds(Map<String, Appointment> appointments, Instant from, Instant to) {
        Map<String, Long> seconds = new HashMap<>();
        for (Appointment a : appointments.values()) {
            long s = overlap(a.startsAt(), a.endsAt(), from, to);
            if (s > 0) {
                seconds.merge(a.staffId(), s, Long::sum);
            }
        }
        return seconds;
    }

    /** Seconds of [start, end) inside [from, to). */
    static long overlap(Instant start, Instant end, Instant from, Instant to) {
        Instant s = start.isAfter(from) ? start : from;
        Instant e = end.isBefore(to) ? end : to;
        return s.isBefore(e) ? Duration.between(s, e).getSeconds() : 0;
    }
}
