package io.otklik.routing.booking;

import io.otklik.platform.schedule.WorkCalendar;
import io.otklik.platform.tenant.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Slot search over a tenant's {@link WorkCalendar}: {@link #find} checks a requested service and local start time and
 * offers up to three alternatives; {@link #nearest} lists the nearest free slots for a service, within an interval of
 * the day, with a preferred specialist or the nearest free one. Pure: the calendar, the busy intervals and "now" come
 * in, results come out. A slot is bookable when it starts after now, the whole visit lies inside one working interval
 * of the specialist (their hours inside the business hours, minus breaks; none on holidays and days off) and it
 * overlaps no busy interval of the specialist. Grid slots start at each working interval's start, every
 * {@code hours.slotMinutes}.
 */
public final class SlotFinder {

    /** How many alternative start times are offered at most. */
    public static final int MAX_ALTERNATIVES = 3;
    /** Days after the requested one searched for alternatives when that day is full. */
    static final int EXTRA_DAYS = 6;

    private SlotFinder() {
    }

    /**
     * A specialist is unavailable for [startsAt, endsAt): a non-cancelled appointment, or (appointmentId null) a
     * dated day off stored through the admin API.
     */
    public record Busy(UUID appointmentId, String staffId, Instant startsAt, Instant endsAt) {
    }

    /** A bookable slot: the specialist and the interval, with the local start for texts. */
    public record Slot(String staffId, String staffName, Instant startsAt, Instant endsAt, LocalDateTime localStart) {
    }

    /** Why the requested time is, or is not, bookable. */
    public enum Outcome {
        /** a specialist is free: {@link Result#slot()} is set */
        FREE,
        /** every specialist who does the service is busy then */
        TAKEN,
        /** the visit would start before opening or end after closing */
        OUTSIDE_HOURS,
        /** the start is not in the future */
        PAST,
        /** nobody on the staff does this service */
        NO_SPECIALIST,
        /** the service is not in the catalogue */
        UNKNOWN_SERVICE
    }

    /**
     * @param slot         the slot to book when the outcome is FREE, else null
     * @param alternatives when not FREE: up to three free local start times, chronological (same day first)
     */
    public record Result(Outcome outcome, Slot slot, List<LocalDateTime> alternatives) {

        public Result {
            alternatives = List.copyOf(alternatives);
        }

        public boolean free() {
            return outcome == Outcome.FREE;
        }
    }

    /**
     * What {@link #nearest} looks for.
     *
     * @param from      the first local date searched (today or later makes sense; past times are never returned)
     * @param days      how many days from {@code from} are searched
     * @param notBefore the earliest local start time of a day ("after 17:00"), or null
     * @param notAfter  the latest local start time of a day, or null
     * @param staffId   only this specialist, or null for the nearest free one (one slot per start time then)
     * @param limit     at most this many slots
     */
    public record Query(String serviceCode, LocalDate from, int days, LocalTime notBefore, LocalTime notAfter,
                        String staffId, int limit) {

        public Query {
            Objects.requireNonNull(serviceCode, "serviceCode");
            Objects.requireNonNull(from, "from");
            if (days < 1 || limit < 1) {
                throw new IllegalArgumentException("days and limit must be positive");
            }
        }

        /** The nearest {@code limit} slots for the service over two weeks from the date. */
        public static Query of(String serviceCode, LocalDate from, int limit) {
            return new Query(serviceCode, from, SEARCH_DAYS, null, null, null, limit);
        }

        public Query within(PartOfDay part) {
            return new Query(serviceCode, from, days, part.from(), part.latestStart(), staffId, limit);
        }

        public Query after(LocalTime time) {
            return new Query(serviceCode, from, days, time, notAfter, staffId, limit);
        }

        public Query on(LocalDate date) {
            return new Query(serviceCode, date, 1, notBefore, notAfter, staffId, limit);
        }

        public Query with(String staff) {
            return new Query(serviceCode, from, days, notBefore, notAfter, staff, limit);
        }
    }

    /** How far {@link Query#of} looks ahead. */
    public static final int SEARCH_DAYS = 14;

    /** Parts of the day a client names ("утром", "днём", "вечером"): start times in [from, latestStart]. */
    public enum PartOfDay {
        MORNING(LocalTime.MIN, LocalTime.of(11, 59)),
        AFTERNOON(LocalTime.NOON, LocalTime.of(16, 59)),
        EVENING(LocalTime.of(17, 0), LocalTime.MAX);

        private final LocalTime from;
        private final LocalTime latestStart;

        PartOfDay(LocalTime from, LocalTime latestStart) {
            this.from = from;
            this.latestStart = latestStart;
        }

        public LocalTime from() {
            return from;
        }

        public LocalTime latestStart() {
            return latestStart;
        }
    }

    /**
     * @param busy        the tenant's non-cancelled appointments around the requested day
     * @param onlyStaffId restrict to this specialist (a reschedule keeps its specialist), or null for anyone
     */
    public static Result find(Tenant tenant, List<Busy> busy, String serviceCode, LocalDate date, LocalTime time,
                              Instant now, String onlyStaffId) {
        return find(WorkCalendar.of(tenant), busy, serviceCode, date, time, now, onlyStaffId);
    }

    /** {@link #find(Tenant, List, String, LocalDate, LocalTime, Instant, String)} over a full calendar. */
    public static Result find(WorkCalendar calendar, List<Busy> busy, String serviceCode, LocalDate date,
                              LocalTime time, Instant now, String onlyStaffId) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(time, "time");
        Tenant tenant = calendar.tenant();
        Optional<Tenant.Service> service = tenant.service(serviceCode);
        if (service.isEmpty()) {
            return new Result(Outcome.UNKNOWN_SERVICE, null, List.of());
        }
        List<Tenant.Staff> specialists = specialists(tenant, serviceCode, onlyStaffId);
        if (specialists.isEmpty()) {
            return new Result(Outcome.NO_SPECIALIST, null, List.of());
        }
        Search search = new Search(calendar, service.get().durationMinutes(), specialists, busy, now);
        LocalDateTime requested = LocalDateTime.of(date, time);
        Outcome outcome;
        if (!search.startsAfterNow(requested)) {
            outcome = Outcome.PAST;
        } else if (!search.insideBusinessHours(requested)) {
            outcome = Outcome.OUTSIDE_HOURS;
        } else {
            Optional<Slot> slot = search.freeSlot(requested);
            if (slot.isPresent()) {
                return new Result(Outcome.FREE, slot.get(), List.of());
            }
            outcome = Outcome.TAKEN;
        }
        return new Result(outcome, null, search.alternatives(requested));
    }

    /**
     * The nearest free slots for the query, sorted by start (then by the staff order of tenants.yaml); the first is
     * the earliest free one. Without a preferred specialist, one slot per start time: the first free specialist.
     */
    public static List<Slot> nearest(WorkCalendar calendar, List<Busy> busy, Query query, Instant now) {
        Tenant tenant = calendar.tenant();
        Optional<Tenant.Service> service = tenant.service(query.serviceCode());
        if (service.isEmpty()) {
            return List.of();
        }
        List<Tenant.Staff> specialists = specialists(tenant, query.serviceCode(), query.staffId());
        Search search = new Search(calendar, service.get().durationMinutes(), specialists, busy, now);
        List<Slot> found = new ArrayList<>();
        for (int d = 0; d < query.days() && found.size() < query.limit(); d++) {
            for (Slot slot : search.daySlots(query.from().plusDays(d), query.notBefore(), query.notAfter(),
                    query.staffId() == null)) {
                if (found.size() == query.limit()) {
                    break;
                }
                found.add(slot);
            }
        }
        return List.copyOf(found);
    }

    /** The specialists who do the service, in the order tenants.yaml lists them. */
    static List<Tenant.Staff> specialists(Tenant tenant, String serviceCode, String onlyStaffId) {
        return tenant.staff().stream()
                .filter(s -> "specialist".equals(s.role()) && s.skills().contains(serviceCode))
                .filter(s -> onlyStaffId == null || onlyStaffId.equals(s.id()))
                .toList();
    }

    /** One search: the fixed inputs and the checks on a local start time. */
    private record Search(WorkCalendar calendar, int durationMinutes, List<Tenant.Staff> specialists,
                          List<Busy> busy, Instant now) {

        ZoneId zone() {
            return calendar.zone();
        }

        Instant instant(LocalDateTime local) {
            return ZonedDateTime.of(local, zone()).toInstant();
        }

        boolean startsAfterNow(LocalDateTime start) {
            return instant(start).isAfter(now);
        }

        /** The whole visit lies within the business's opening hours of its day (closed days have none). */
        boolean insideBusinessHours(LocalDateTime start) {
            return calendar.businessHours(start.toLocalDate())
                    .map(h -> fits(start.toLocalTime(), h.from(), h.to()))
                    .orElse(false);
        }

        boolean fits(LocalTime start, LocalTime from, LocalTime to) {
            int m = minute(start);
            return m >= minute(from) && m + durationMinutes <= minute(to);
        }

        /** The specialist can take [start, start + duration): inside one working interval, nothing booked. */
        Optional<Slot> slotOf(Tenant.Staff s, LocalDateTime start) {
            ZonedDateTime zonedStart = ZonedDateTime.of(start, zone());
            ZonedDateTime zonedEnd = zonedStart.plusMinutes(durationMinutes);
            // a local time skipped by a DST change, or a visit across one, is not offered
            if (!zonedStart.toLocalDateTime().equals(start)
                    || !zonedEnd.toLocalDateTime().equals(start.plusMinutes(durationMinutes))) {
                return Optional.empty();
            }
            Instant from = zonedStart.toInstant();
            Instant to = zonedEnd.toInstant();
            if (!from.isAfter(now)) {
                return Optional.empty();
            }
            boolean inside = calendar.intervals(s, start.toLocalDate()).stream()
                    .anyMatch(i -> fits(start.toLocalTime(), i.from(), i.to()));
            if (!inside) {
                return Optional.empty();
            }
            boolean overlaps = busy.stream().anyMatch(b -> s.id().equals(b.staffId())
                    && b.startsAt().isBefore(to) && from.isBefore(b.endsAt()));
            return overlaps ? Optional.empty() : Optional.of(new Slot(s.id(), s.name(), from, to, start));
        }

        Optional<Slot> freeSlot(LocalDateTime start) {
            for (Tenant.Staff s : specialists) {
                Optional<Slot> slot = slotOf(s, start);
                if (slot.isPresent()) {
                    return slot;
                }
            }
            return Optional.empty();
        }

        /**
         * The day's free grid slots, by start then staff order; with {@code onePerStart}, only the first specialist
         * free at each start.
         */
        List<Slot> daySlots(LocalDate day, LocalTime notBefore, LocalTime notAfter, boolean onePerStart) {
            List<Slot> slots = new ArrayList<>();
            int step = Math.max(1, calendar.tenant().hours().slotMinutes());
            for (Tenant.Staff s : specialists) {
                for (Tenant.Span interval : calendar.intervals(s, day)) {
                    int end = minute(interval.to());
                    for (int m = minute(interval.from()); m + durationMinutes <= end; m += step) {
                        LocalTime t = LocalTime.ofSecondOfDay(m * 60L);
                        if (notBefore != null && t.isBefore(notBefore) || notAfter != null && t.isAfter(notAfter)) {
                            continue;
                        }
                        slotOf(s, LocalDateTime.of(day, t)).ifPresent(slots::add);
                    }
                }
            }
            // stable: specialists keep their tenants.yaml order at equal starts
            slots.sort(Comparator.comparing(Slot::startsAt));
            if (!onePerStart) {
                return slots;
            }
            List<Slot> distinct = new ArrayList<>();
            for (Slot slot : slots) {
                if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).startsAt().equals(slot.startsAt())) {
                    distinct.add(slot);
                }
            }
            return distinct;
        }

        /**
         * Later times of the requested day first (the client asked for that day and about that time), then earlier
         * ones closest first, then the following days from opening. Never in the past: a past day is replaced by
         * today.
         */
        List<LocalDateTime> alternatives(LocalDateTime requested) {
            LocalDate today = LocalDate.ofInstant(now, zone());
            LocalDate day = requested.toLocalDate().isBefore(today) ? today : requested.toLocalDate();
            List<LocalDateTime> sameDay = daySlots(day, null, null, true).stream().map(Slot::localStart).toList();
            List<LocalDateTime> ordered = new ArrayList<>();
            sameDay.stream().filter(t -> t.isAfter(requested)).forEach(ordered::add);
            sameDay.stream().filter(t -> t.isBefore(requested))
                    .sorted(Comparator.reverseOrder()).forEach(ordered::add);
            List<LocalDateTime> found = new ArrayList<>(ordered.subList(0, Math.min(MAX_ALTERNATIVES,
                    ordered.size())));
            for (int d = 1; d <= EXTRA_DAYS && found.size() < MAX_ALTERNATIVES; d++) {
                for (Slot slot : daySlots(day.plusDays(d), null, null, true)) {
                    if (found.size() == MAX_ALTERNATIVES) {
                        break;
                    }
                    found.add(slot.localStart());
                }
            }
            found.sort(Comparator.naturalOrder());
            return found;
        }
    }

    private static int minute(LocalTime t) {
        return t.toSecondOfDay() / 60;
    }
}
