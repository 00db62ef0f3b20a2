package io.otklik.routing.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.platform.schedule.WorkCalendar;
import io.otklik.platform.tenant.Tenant;
import io.otklik.routing.TestTenants;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The nearest free slots over the Vladivostok studio's calendar (TestTenants.fitness): staff hours, lunch, days off,
 * the New Year holidays; now = Monday 30.11.2026 09:30 local.
 */
class SlotSearchTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    static final Instant NOW = at(MONDAY, 9, 30);

    final Tenant fitness = TestTenants.fitness();
    final WorkCalendar calendar = WorkCalendar.of(fitness);

    static Instant at(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(TestTenants.VLADIVOSTOK).toInstant();
    }

    List<String> starts(List<SlotFinder.Slot> slots) {
        return slots.stream().map(s -> s.localStart().toLocalTime() + " " + s.staffId()).toList();
    }

    List<SlotFinder.Slot> nearest(SlotFinder.Query q, List<SlotFinder.Busy> busy) {
        return SlotFinder.nearest(calendar, busy, q, NOW);
    }

    @Test
    void theNearestFreeSpecialistPerStartTimeNeverInThePast() {
        List<SlotFinder.Slot> slots = nearest(SlotFinder.Query.of("training", MONDAY, 4), List.of());
        // 08:00 and 09:00 have passed; Иван starts at 12:00 on Mondays and comes first in the staff list
        assertThat(starts(slots)).containsExactly("10:00 olesya", "11:00 olesya", "12:00 ivan", "13:00 ivan");
        assertThat(slots.get(0).startsAt()).isEqualTo(at(MONDAY, 10, 0));
        assertThat(slots.get(0).endsAt()).isEqualTo(at(MONDAY, 11, 0));
    }

    @Test
    void aPreferredSpecialistSkipsTheirLunchAndBusyTimes() {
        SlotFinder.Busy booked = new SlotFinder.Busy(UUID.randomUUID(), "ivan", at(MONDAY, 15, 0), at(MONDAY, 16, 0));
        List<SlotFinder.Slot> slots = nearest(SlotFinder.Query.of("training", MONDAY, 4).with("ivan"),
                List.of(booked));
        assertThat(starts(slots)).containsExactly("12:00 ivan", "13:00 ivan", "16:00 ivan", "17:00 ivan");
        // the 90-minute trial must fit before lunch and before 20:00
        List<SlotFinder.Slot> trial = nearest(SlotFinder.Query.of("trial", MONDAY, 10).with("ivan").on(MONDAY),
                List.of());
        assertThat(starts(trial)).containsExactly("12:00 ivan", "15:00 ivan", "16:00 ivan", "17:00 ivan",
                "18:00 ivan");
    }

    @Test
    void afterAnHourAndTomorrowMorning() {
        assertThat(starts(nearest(SlotFinder.Query.of("training", MONDAY, 3).after(LocalTime.of(17, 0)),
                List.of()))).containsExactly("17:00 ivan", "18:00 ivan", "19:00 ivan");
        List<SlotFinder.Slot> morning = nearest(SlotFinder.Query.of("training", MONDAY.plusDays(1), 10)
                .on(MONDAY.plusDays(1)).within(SlotFinder.PartOfDay.MORNING), List.of());
        assertThat(starts(morning)).containsExactly("08:00 ivan", "09:00 ivan", "10:00 ivan", "11:00 ivan");
        assertThat(morning).allMatch(s -> s.localStart().toLocalDate().equals(MONDAY.plusDays(1)));
        List<SlotFinder.Slot> evening = nearest(SlotFinder.Query.of("training", MONDAY, 2).on(MONDAY.plusDays(5))
                .within(SlotFinder.PartOfDay.EVENING), List.of());
        // Saturday closes at 18:00: 17:00 is the only evening start that fits
        assertThat(starts(evening)).containsExactly("17:00 ivan");
    }

    @Test
    void weeklyAndDatedDaysOffAndADayOffStoredInTheDatabase() {
        LocalDate wednesday = MONDAY.plusDays(2);
        assertThat(nearest(SlotFinder.Query.of("training", wednesday, 5).on(wednesday).with("ivan"), List.of()))
                .isEmpty();
        LocalDate dec15 = LocalDate.of(2026, 12, 15);
        assertThat(nearest(SlotFinder.Query.of("training", dec15, 5).on(dec15).with("ivan"), List.of())).isEmpty();
        // a day off from the admin API arrives as a busy interval without an appointment
        SlotFinder.Busy dayOff = new SlotFinder.Busy(null, "olesya", at(wednesday, 0, 0),
                at(wednesday.plusDays(1), 0, 0));
        assertThat(nearest(SlotFinder.Query.of("training", wednesday, 5).on(wednesday), List.of(dayOff))).isEmpty();
    }

    @Test
    void theNewYearBreakIsSkippedUntilTheFirstWorkingDay() {
        // 30.12 is the studio's own closed date, 31.12 a transferred day off, 1–8.01 holidays: next is Sat 09.01
        List<SlotFinder.Slot> slots = nearest(SlotFinder.Query.of("training", LocalDate.of(2026, 12, 30), 1),
                List.of());
        assertThat(slots).hasSize(1);
        assertThat(slots.get(0).localStart()).isEqualTo(LocalDateTime.of(2027, 1, 9, 10, 0));

        SlotFinder.Result onHoliday = SlotFinder.find(calendar, List.of(), "training", LocalDate.of(2027, 1, 4),
                LocalTime.of(12, 0), NOW, null);
        assertThat(onHoliday.outcome()).isEqualTo(SlotFinder.Outcome.OUTSIDE_HOURS);
    }

    @Test
    void findBooksInsideTheSpecialistsHoursAndOffersAlternativesAroundLunch() {
        SlotFinder.Result lunch = SlotFinder.find(calendar, List.of(), "training", MONDAY, LocalTime.of(14, 0), NOW,
                "ivan");
        assertThat(lunch.outcome()).isEqualTo(SlotFinder.Outcome.TAKEN);
        // later times of that day first, after his lunch
        assertThat(lunch.alternatives()).containsExactly(LocalDateTime.of(MONDAY, LocalTime.of(15, 0)),
                LocalDateTime.of(MONDAY, LocalTime.of(16, 0)), LocalDateTime.of(MONDAY, LocalTime.of(17, 0)));
        SlotFinder.Result anyone = SlotFinder.find(calendar, List.of(), "training", MONDAY, LocalTime.of(14, 0), NOW,
                null);
        assertThat(anyone.slot().staffId()).isEqualTo("olesya");
    }
}
