package io.otklik.routing.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.platform.schedule.ProductionCalendar;
import io.otklik.platform.schedule.WorkCalendar;
import io.otklik.platform.tenant.Tenant;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of the slot search over random schedules, appointments, zones and "now" (around the New Year holidays
 * and in zones with and without daylight saving). Each slot is checked against the raw configuration, not through
 * {@link WorkCalendar}: no overlap with a busy interval of its specialist, inside the business hours and the
 * specialist's hours of that weekday, outside breaks, not on a closed day, a day off or a public holiday, the whole
 * visit fitting; sorted by start; the first is the earliest free grid slot.
 */
class SlotSearchPropertiesTest {

    static final List<String> ZONES = List.of("Europe/Moscow", "Asia/Yekaterinburg", "Asia/Vladivostok",
            "Europe/Kaliningrad", "Asia/Kamchatka", "Europe/Berlin", "America/New_York");
    static final ProductionCalendar RUSSIA = ProductionCalendar.russia();

    /** One generated situation. */
    record Case(Tenant tenant, List<SlotFinder.Busy> busy, Instant now, SlotFinder.Query query) {
    }

    @Property(tries = 400)
    void everySlotIsFreeInsideHoursOutsideBreaksAndHolidaysAndSorted(@ForAll("cases") Case c) {
        WorkCalendar calendar = WorkCalendar.of(c.tenant());
        List<SlotFinder.Slot> slots = SlotFinder.nearest(calendar, c.busy(), c.query(), c.now());
        Statistics.label("slots found").collect(slots.isEmpty() ? "none" : slots.size() < 5 ? "1-4" : "5+");
        Tenant.Service service = c.tenant().service(c.query().serviceCode()).orElseThrow();
        ZoneId zone = c.tenant().zone();
        assertThat(slots.size()).isLessThanOrEqualTo(c.query().limit());
        for (SlotFinder.Slot slot : slots) {
            Tenant.Staff staff = c.tenant().staffMember(slot.staffId()).orElseThrow();
            assertThat(staff.skills()).contains(service.code());
            if (c.query().staffId() != null) {
                assertThat(slot.staffId()).isEqualTo(c.query().staffId());
            }
            assertThat(slot.startsAt()).isAfter(c.now());
            assertThat(Duration.between(slot.startsAt(), slot.endsAt()))
                    .isEqualTo(Duration.ofMinutes(service.durationMinutes()));
            assertThat(c.busy()).noneMatch(b -> b.staffId().equals(slot.staffId())
                    && b.startsAt().isBefore(slot.endsAt()) && slot.startsAt().isBefore(b.endsAt()));
            LocalDateTime start = slot.startsAt().atZone(zone).toLocalDateTime();
            LocalDateTime end = slot.endsAt().atZone(zone).toLocalDateTime();
            assertThat(slot.localStart()).isEqualTo(start);
            assertThat(end.toLocalDate()).isEqualTo(start.toLocalDate());
            assertThat(allowed(c.tenant(), staff, start.toLocalDate(), start.toLocalTime(), end.toLocalTime()))
                    .as("%s %s–%s by %s", start.toLocalDate(), start.toLocalTime(), end.toLocalTime(), staff.id())
                    .isTrue();
            LocalDate from = c.query().from();
            assertThat(start.toLocalDate()).isBetween(from, from.plusDays(c.query().days() - 1));
            if (c.query().notBefore() != null) {
                assertThat(start.toLocalTime()).isAfterOrEqualTo(c.query().notBefore());
            }
        }
        for (int i = 1; i < slots.size(); i++) {
            assertThat(slots.get(i).startsAt()).isAfterOrEqualTo(slots.get(i - 1).startsAt());
            if (c.query().staffId() == null) {
                assertThat(slots.get(i).startsAt()).isAfter(slots.get(i - 1).startsAt());
            }
        }
        Optional<Instant> earliest = earliestFree(c, calendar, service);
        assertThat(slots.isEmpty()).isEqualTo(earliest.isEmpty());
        earliest.ifPresent(e -> assertThat(slots.get(0).startsAt()).isEqualTo(e));
    }

    @Property(tries = 200)
    void findBooksOnlyWhatTheSearchWouldOfferAndAlternativesAreFree(@ForAll("cases") Case c,
                                                                    @ForAll("times") LocalTime time) {
        WorkCalendar calendar = WorkCalendar.of(c.tenant());
        // three days on, so most requests are not in the past
        LocalDate date = c.query().from().plusDays(3);
        SlotFinder.Result r = SlotFinder.find(calendar, c.busy(), c.query().serviceCode(), date, time,
                c.now(), c.query().staffId());
        Statistics.label("outcome").collect(r.outcome());
        ZoneId zone = c.tenant().zone();
        int duration = c.tenant().service(c.query().serviceCode()).orElseThrow().durationMinutes();
        if (r.free()) {
            SlotFinder.Slot slot = r.slot();
            Tenant.Staff staff = c.tenant().staffMember(slot.staffId()).orElseThrow();
            assertThat(slot.startsAt()).isAfter(c.now());
            assertThat(c.busy()).noneMatch(b -> b.staffId().equals(slot.staffId())
                    && b.startsAt().isBefore(slot.endsAt()) && slot.startsAt().isBefore(b.endsAt()));
            assertThat(allowed(c.tenant(), staff, date, time, time.plusMinutes(duration))).isTrue();
        }
        assertThat(r.alternatives()).isSorted().doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(3);
        for (LocalDateTime alternative : r.alternatives()) {
            assertThat(ZonedDateTime.of(alternative, zone).toInstant()).isAfter(c.now());
            SlotFinder.Result again = SlotFinder.find(calendar, c.busy(), c.query().serviceCode(),
                    alternative.toLocalDate(), alternative.toLocalTime(), c.now(), c.query().staffId());
            assertThat(again.free()).as("alternative %s", alternative).isTrue();
        }
    }

    /** Independent of WorkCalendar: may this person work [start, end) on the date by the raw configuration? */
    static boolean allowed(Tenant t, Tenant.Staff s, LocalDate date, LocalTime start, LocalTime end) {
        if (!start.isBefore(end)) {
            return false;
        }
        boolean workingWeekend = !t.worksOnHolidays() && RUSSIA.workingWeekend(date);
        if (t.closedDates().contains(date) || s.datesOff().contains(date)) {
            return false;
        }
        if (!t.worksOnHolidays() && RUSSIA.dayOff(date)) {
            return false;
        }
        DayOfWeek dow = date.getDayOfWeek();
        if (!workingWeekend && (t.hours().closedOn().contains(dow) || s.daysOff().contains(dow))) {
            return false;
        }
        Tenant.Span business = workingWeekend || !t.hours().days().containsKey(dow)
                ? new Tenant.Span(t.hours().open(), t.hours().close()) : t.hours().days().get(dow);
        if (start.isBefore(business.from()) || end.isAfter(business.to())) {
            return false;
        }
        Tenant.Span own = workingWeekend ? null : s.hours().get(dow);
        if (own != null && (start.isBefore(own.from()) || end.isAfter(own.to()))) {
            return false;
        }
        List<Tenant.Span> breaks = new ArrayList<>(t.hours().breaks());
        breaks.addAll(s.breaks());
        return breaks.stream().noneMatch(b -> b.from().isBefore(end) && start.isBefore(b.to()));
    }

    /** Brute force: every grid start of every working interval, checked independently; the earliest. */
    static Optional<Instant> earliestFree(Case c, WorkCalendar calendar, Tenant.Service service) {
        Tenant t = c.tenant();
        ZoneId zone = t.zone();
        Instant best = null;
        for (int d = 0; d < c.query().days(); d++) {
            LocalDate date = c.query().from().plusDays(d);
            for (Tenant.Staff s : SlotFinder.specialists(t, service.code(), c.query().staffId())) {
                for (Tenant.Span interval : calendar.intervals(s, date)) {
                    for (LocalTime m = interval.from(); ; m = m.plusMinutes(t.hours().slotMinutes())) {
                        int startMinute = m.toSecondOfDay() / 60;
                        if (startMinute + service.durationMinutes() > interval.to().toSecondOfDay() / 60
                                || startMinute < interval.from().toSecondOfDay() / 60) {
                            break;
                        }
                        LocalTime end = m.plusMinutes(service.durationMinutes());
                        if (c.query().notBefore() != null && m.isBefore(c.query().notBefore())
                                || c.query().notAfter() != null && m.isAfter(c.query().notAfter())
                                || !allowed(t, s, date, m, end)) {
                            continue;
                        }
                        ZonedDateTime zs = ZonedDateTime.of(date, m, zone);
                        ZonedDateTime ze = zs.plusMinutes(service.durationMinutes());
                        if (!zs.toLocalTime().equals(m) || !ze.toLocalTime().equals(end)
                                || !zs.toInstant().isAfter(c.now())) {
                            continue;
                        }
                        Instant from = zs.toInstant();
                        Instant to = ze.toInstant();
                        boolean busy = c.busy().stream().anyMatch(b -> b.staffId().equals(s.id())
                                && b.startsAt().isBefore(to) && from.isBefore(b.endsAt()));
                        if (!busy && (best == null || from.isBefore(best))) {
                            best = from;
                        }
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    @Provide
    Arbitrary<LocalTime> times() {
        return Arbitraries.integers().between(0, 24 * 4 - 1).map(q -> LocalTime.of(q / 4, q % 4 * 15));
    }

    /** Half-hour aligned spans starting in [minHour, maxHour), up to six hours long, ending by maxHour. */
    Arbitrary<Tenant.Span> span(int minHour, int maxHour) {
        return Combinators.combine(Arbitraries.integers().between(minHour * 2, maxHour * 2 - 1),
                        Arbitraries.integers().between(1, 12))
                .as((halfHour, length) -> new Tenant.Span(halfHours(halfHour),
                        halfHours(Math.min(maxHour * 2, halfHour + length))));
    }

    static LocalTime halfHours(int n) {
        return n >= 48 ? LocalTime.of(23, 59) : LocalTime.of(n / 2, n % 2 * 30);
    }

    Arbitrary<Map<DayOfWeek, Tenant.Span>> weekHours(int minHour, int maxHour) {
        return Arbitraries.of(DayOfWeek.values()).set().ofMaxSize(3)
                .flatMap(days -> span(minHour, maxHour).list().ofSize(days.size()).map(spans -> {
                    Map<DayOfWeek, Tenant.Span> m = new EnumMap<>(DayOfWeek.class);
                    int i = 0;
                    for (DayOfWeek d : days) {
                        m.put(d, spans.get(i++));
                    }
                    return m;
                }));
    }

    Arbitrary<Tenant.Staff> staff(String id, List<LocalDate> someDates) {
        return Combinators.combine(weekHours(6, 23), Arbitraries.of(DayOfWeek.values()).set().ofMaxSize(2),
                        span(11, 16).list().ofMaxSize(2), Arbitraries.of(someDates).set().ofMaxSize(2),
                        Arbitraries.of("svc", "other").set().ofMinSize(1))
                .as((hours, daysOff, breaks, datesOff, skills) -> new Tenant.Staff(id, id.toUpperCase(),
                        "specialist", null, new ArrayList<>(skills), null, hours, new ArrayList<>(daysOff), breaks,
                        new ArrayList<>(datesOff)));
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<LocalDate> base = Arbitraries.of(LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 5),
                LocalDate.of(2026, 3, 26), LocalDate.of(2026, 10, 22), LocalDate.of(2025, 10, 28),
                LocalDate.of(2026, 5, 7), LocalDate.of(2027, 11, 10));
        return base.flatMap(day -> {
            List<LocalDate> near = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                near.add(day.plusDays(i));
            }
            Arbitrary<Tenant.Hours> hours = Combinators.combine(Arbitraries.integers().between(6, 11),
                            Arbitraries.integers().between(15, 23), Arbitraries.of(15, 30, 60),
                            weekHours(7, 22), Arbitraries.of(DayOfWeek.values()).set().ofMaxSize(2),
                            span(12, 15).list().ofMaxSize(1))
                    .as((open, close, slot, days, closedOn, breaks) -> new Tenant.Hours(LocalTime.of(open, 0),
                            LocalTime.of(close, 0), slot, days, new ArrayList<>(closedOn), breaks));
            Arbitrary<List<Tenant.Staff>> staff = Combinators.combine(staff("a", near), staff("b", near),
                    staff("c", near), Arbitraries.integers().between(1, 3)).as((a, b, c, n) -> List.of(a, b, c)
                    .subList(0, n));
            Arbitrary<Tenant> tenant = Combinators.combine(Arbitraries.of(ZONES), hours, staff,
                            Arbitraries.of(30, 45, 60, 90, 120), Arbitraries.of(near).list().ofMaxSize(2),
                            Arbitraries.of(true, false))
                    .as((zone, h, people, duration, closed, holidaysToo) -> new Tenant("t", "T", zone, "salon",
                            null, null, null, h, people, List.of(new Tenant.Service("svc", "Услуга", 1000, duration,
                            null)), null, null, null, closed, holidaysToo, null));
            return tenant.flatMap(t -> {
                ZoneId zone = t.zone();
                Arbitrary<SlotFinder.Busy> appointment = Combinators.combine(
                                Arbitraries.of(t.staff().stream().map(Tenant.Staff::id).toList()),
                                Arbitraries.integers().between(0, 6 * 24 * 4), Arbitraries.integers().between(1, 12))
                        .as((who, quarter, len) -> {
                            Instant start = day.atStartOfDay(zone).toInstant().plus(Duration.ofMinutes(quarter * 15L));
                            return new SlotFinder.Busy(UUID.randomUUID(), who, start,
                                    start.plus(Duration.ofMinutes(len * 15L)));
                        });
                Arbitrary<Instant> now = Arbitraries.integers().between(0, 3 * 24 * 60)
                        .map(m -> day.atStartOfDay(zone).toInstant().plus(Duration.ofMinutes(m)));
                Arbitrary<SlotFinder.Query> query = Combinators.combine(Arbitraries.integers().between(0, 3),
                                Arbitraries.integers().between(1, 7),
                                Arbitraries.of(LocalTime.of(17, 0), LocalTime.of(12, 30)).injectNull(0.6),
                                Arbitraries.of(t.staff().stream().map(Tenant.Staff::id).toList()).injectNull(0.5),
                                Arbitraries.integers().between(1, 20))
                        .as((offset, days, after, who, limit) -> new SlotFinder.Query("svc", day.plusDays(offset),
                                days, after, null, who, limit));
                return Combinators.combine(appointment.list().ofMaxSize(25), now, query)
                        .as((busy, n, q) -> new Case(t, busy, n, q));
            });
        });
    }
}
