package io.otklik.routing.booking;

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
 * Finds a specialist for a requested service and local start time, or up to three alternative start times on the
 * tenant's slot grid. Pure: the tenant's catalogue, the busy intervals and "now" come in, a {@link Result} comes out.
 * A slot is bookable when it starts after now, lies fully inside business hours and overlaps no busy interval of
 * the specialist.
 */
public final class SlotFinder {

    /** How many alternative start times are offered at most. */
    public static final int MAX_ALTERNATIVES = 3;
    /** Days after the requested one searched for alternatives when that day is full. */
    static final int EXTRA_DAYS = 6;

    private SlotFinder() {
    }

    /** A non-cancelled appointment occupying a specialist for [startsAt, endsAt). */
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
     * @param busy        the tenant's non-cancelled appointments around the requested day
     * @param onlyStaffId restrict to this specialist (a reschedule keeps its specialist), or null for anyone
     */
    public static Result find(Tenant tenant, List<Busy> busy, String serviceCode, LocalDate date, LocalTime time,
                              Instant now, String onlyStaffId) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(time, "time");
        Optional<Tenant.Service> service = tenant.service(serviceCode);
        if (service.isEmpty()) {
            return new Result(Outcome.UNKNOWN_SERVICE, null, List.of());
        }
        List<Tenant.Staff> specialists = specialists(tenant, serviceCode, onlyStaffId);
        if (specialists.isEmpty()) {
            return new Result(Outcome.NO_SPECIALIST, null, List.of());
        }
        Search search = new Search(tenant.zone(), tenant.hours(), service.get().durationMinutes(), specialists,
                busy, now);
        LocalDateTime requested = LocalDateTime.of(date, time);
        Outcome outcome;
        if (!search.startsAfterNow(requested)) {
            outcome = Outcome.PAST;
        } else if (!search.insideHours(time)) {
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

    /** The specialists who do the service, in the order tenants.yaml lists them. */
    static List<Tenant.Staff> specialists(Tenant tenant, String serviceCode, String onlyStaffId) {
        return tenant.staff().stream()
                .filter(s -> "specialist".equals(s.role()) && s.skills().contains(serviceCode))
                .filter(s -> onlyStaffId == null || onlyStaffId.equals(s.id()))
                .toList();
    }

    /** One search: the fixed inputs and the checks on a local start time. */
    private record Search(ZoneId zone, Tenant.Hours hours, int durationMinutes, List<Tenant.Staff> specialists,
                          List<Busy> busy, Instant now) {

        Instant instant(LocalDateTime local) {
            return ZonedDateTime.of(local, zone).toInstant();
        }

        boolean startsAfterNow(LocalDateTime start) {
            return instant(start).isAfter(now);
        }

        /** The whole visit lies within the opening hours of its day. */
        boolean insideHours(LocalTime start) {
            int startMinute = start.toSecondOfDay() / 60;
            int open = hours.open().toSecondOfDay() / 60;
            int close = hours.close().toSecondOfDay() / 60;
            return startMinute >= open && startMinute + durationMinutes <= close;
        }

        Optional<Slot> freeSlot(LocalDateTime start) {
            Instant from = instant(start);
            // the end in zone terms, so a visit across a DST change still lasts its duration
            Instant to = ZonedDateTime.of(start, zone).plusMinutes(durationMinutes).toInstant();
            for (Tenant.Staff s : specialists) {
                boolean overlaps = busy.stream().anyMatch(b -> s.id().equals(b.staffId())
                        && b.startsAt().isBefore(to) && from.isBefore(b.endsAt()));
                if (!overlaps) {
                    return Optional.of(new Slot(s.id(), s.name(), from, to, start));
                }
            }
            return Optional.empty();
        }

        boolean bookable(LocalDateTime start) {
            return startsAfterNow(start) && insideHours(start.toLocalTime()) && freeSlot(start).isPresent();
        }

        /** The grid start times of a day at which the whole visit fits in the opening hours. */
        List<LocalDateTime> grid(LocalDate day) {
            List<LocalDateTime> starts = new ArrayList<>();
            int close = hours.close().toSecondOfDay() / 60;
            for (int m = hours.open().toSecondOfDay() / 60; m + durationMinutes <= close; m += hours.slotMinutes()) {
                starts.add(LocalDateTime.of(day, LocalTime.ofSecondOfDay(m * 60L)));
            }
            return starts;
        }

        /**
         * Later times of the requested day first (the client asked for that day and about that time), then earlier
         * ones closest first, then the following days from opening. Never in the past: a past day is replaced by
         * today.
         */
        List<LocalDateTime> alternatives(LocalDateTime requested) {
            LocalDate today = LocalDate.ofInstant(now, zone);
            LocalDate day = requested.toLocalDate().isBefore(today) ? today : requested.toLocalDate();
            List<LocalDateTime> sameDay = grid(day);
            List<LocalDateTime> ordered = new ArrayList<>();
            sameDay.stream().filter(t -> t.isAfter(requested)).forEach(ordered::add);
            sameDay.stream().filter(t -> t.isBefore(requested))
                    .sorted(Comparator.reverseOrder()).forEach(ordered::add);
            List<LocalDateTime> found = new ArrayList<>();
            for (LocalDateTime t : ordered) {
                if (found.size() == MAX_ALTERNATIVES) {
                    break;
                }
                if (bookable(t)) {
                    found.add(t);
                }
            }
            for (int d = 1; d <= EXTRA_DAYS && found.size() < MAX_ALTERNATIVES; d++) {
                for (LocalDateTime t : grid(day.plusDays(d))) {
                    if (found.size() == MAX_ALTERNATIVES) {
                        break;
                    }
                    if (bookable(t)) {
                        found.add(t);
                    }
                }
            }
            found.sort(Comparator.naturalOrder());
            return found;
        }
    }
}
