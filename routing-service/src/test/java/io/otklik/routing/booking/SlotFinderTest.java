package io.otklik.routing.booking;

import static io.otklik.routing.TestTenants.NOW;
import static io.otklik.routing.TestTenants.THURSDAY;
import static io.otklik.routing.TestTenants.moscow;
import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.platform.tenant.Tenant;
import io.otklik.routing.TestTenants;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Slot search on the demo salon's grid (09:00–21:00, 60 min), now = Wed 25.11.2026 12:00 Moscow. */
class SlotFinderTest {

    final Tenant salon = TestTenants.salon();

    static SlotFinder.Busy busy(String staff, LocalDate day, int fromHour, int fromMinute, int toHour, int toMinute) {
        return new SlotFinder.Busy(UUID.randomUUID(), staff, moscow(day, fromHour, fromMinute),
                moscow(day, toHour, toMinute));
    }

    SlotFinder.Result find(List<SlotFinder.Busy> busy, String service, LocalDate day, int hour, int minute) {
        return SlotFinder.find(salon, busy, service, day, LocalTime.of(hour, minute), NOW, null);
    }

    static LocalDateTime at(LocalDate day, int hour) {
        return LocalDateTime.of(day, LocalTime.of(hour, 0));
    }

    @Test
    void freeSlotGoesToTheFirstSpecialistWithTheSkillForTheServiceDuration() {
        SlotFinder.Result r = find(List.of(), "haircut", THURSDAY, 15, 0);
        assertThat(r.outcome()).isEqualTo(SlotFinder.Outcome.FREE);
        assertThat(r.slot().staffId()).isEqualTo("anna");
        assertThat(r.slot().staffName()).isEqualTo("Анна");
        assertThat(r.slot().startsAt()).hasToString("2026-11-26T12:00:00Z");
        assertThat(r.slot().endsAt()).hasToString("2026-11-26T13:00:00Z");
        assertThat(r.slot().localStart()).isEqualTo(at(THURSDAY, 15));
        assertThat(r.alternatives()).isEmpty();

        SlotFinder.Result coloring = find(List.of(), "coloring", THURSDAY, 15, 0);
        assertThat(coloring.slot().endsAt()).hasToString("2026-11-26T14:00:00Z");
    }

    @Test
    void aBusySpecialistIsSkippedAndOnlySpecialistsWithTheSkillCount() {
        SlotFinder.Result r = find(List.of(busy("anna", THURSDAY, 15, 0, 16, 0)), "haircut", THURSDAY, 15, 0);
        assertThat(r.slot().staffId()).isEqualTo("katya");

        // pedicure: only Екатерина does it; Анна being free does not help
        SlotFinder.Result pedicure = find(List.of(busy("katya", THURSDAY, 15, 0, 16, 0)), "pedicure", THURSDAY, 15,
                0);
        assertThat(pedicure.outcome()).isEqualTo(SlotFinder.Outcome.TAKEN);
        assertThat(pedicure.slot()).isNull();
    }

    @Test
    void overlapsCountButTouchingIntervalsDoNot() {
        // Анна busy 15:30–16:30 overlaps 15:00–16:00
        assertThat(find(List.of(busy("anna", THURSDAY, 15, 30, 16, 30)), "haircut", THURSDAY, 15, 0)
                .slot().staffId()).isEqualTo("katya");
        // Анна busy 14:00–15:00 and 16:00–17:00 only touches 15:00–16:00
        assertThat(find(List.of(busy("anna", THURSDAY, 14, 0, 15, 0), busy("anna", THURSDAY, 16, 0, 17, 0)),
                "haircut", THURSDAY, 15, 0).slot().staffId()).isEqualTo("anna");
        // a two-hour coloring at 15:00 collides with Анна's 16:00 visit; nobody else colours
        assertThat(find(List.of(busy("anna", THURSDAY, 16, 0, 17, 0)), "coloring", THURSDAY, 15, 0).outcome())
                .isEqualTo(SlotFinder.Outcome.TAKEN);
    }

    @Test
    void takenSlotOffersTheNextThreeFreeGridTimesOfThatDay() {
        List<SlotFinder.Busy> busy = List.of(busy("anna", THURSDAY, 15, 0, 16, 0),
                busy("katya", THURSDAY, 15, 0, 16, 0));
        SlotFinder.Result r = find(busy, "haircut", THURSDAY, 15, 0);
        assertThat(r.outcome()).isEqualTo(SlotFinder.Outcome.TAKEN);
        assertThat(r.slot()).isNull();
        assertThat(r.alternatives()).containsExactly(at(THURSDAY, 16), at(THURSDAY, 17), at(THURSDAY, 18));
    }

    @Test
    void alternativesSkipBusyTimesAndUseEarlierTimesOfTheDayWhenLaterOnesRunOut() {
        List<SlotFinder.Busy> busy = new ArrayList<>();
        for (String staff : List.of("anna", "katya")) {
            busy.add(busy(staff, THURSDAY, 18, 0, 21, 0));
            busy.add(busy(staff, THURSDAY, 16, 0, 17, 0));
        }
        // 18:00 taken; later all taken; earlier, closest first: 17:00, (16:00 busy), 15:00, 14:00
        assertThat(find(busy, "haircut", THURSDAY, 18, 0).alternatives())
                .containsExactly(at(THURSDAY, 14), at(THURSDAY, 15), at(THURSDAY, 17));
    }

    @Test
    void aFullDayOffersTheNextDayFromOpening() {
        List<SlotFinder.Busy> busy = List.of(busy("anna", THURSDAY, 9, 0, 21, 0), busy("katya", THURSDAY, 9, 0, 21, 0));
        SlotFinder.Result r = find(busy, "haircut", THURSDAY, 15, 0);
        LocalDate friday = THURSDAY.plusDays(1);
        assertThat(r.outcome()).isEqualTo(SlotFinder.Outcome.TAKEN);
        assertThat(r.alternatives()).containsExactly(at(friday, 9), at(friday, 10), at(friday, 11));
    }

    @Test
    void fewSameDayAlternativesAreCompletedFromTheNextDay() {
        List<SlotFinder.Busy> busy = List.of(busy("anna", THURSDAY, 9, 0, 20, 0), busy("katya", THURSDAY, 9, 0, 20, 0));
        SlotFinder.Result r = find(busy, "haircut", THURSDAY, 15, 0);
        LocalDate friday = THURSDAY.plusDays(1);
        assertThat(r.alternatives()).containsExactly(at(THURSDAY, 20), at(friday, 9), at(friday, 10));
    }

    @Test
    void beforeOpeningOrFromClosingIsOutsideHours() {
        SlotFinder.Result early = find(List.of(), "haircut", THURSDAY, 8, 0);
        assertThat(early.outcome()).isEqualTo(SlotFinder.Outcome.OUTSIDE_HOURS);
        assertThat(early.alternatives()).containsExactly(at(THURSDAY, 9), at(THURSDAY, 10), at(THURSDAY, 11));
        assertThat(find(List.of(), "haircut", THURSDAY, 21, 0).outcome())
                .isEqualTo(SlotFinder.Outcome.OUTSIDE_HOURS);
        assertThat(find(List.of(), "haircut", THURSDAY, 20, 0).outcome()).isEqualTo(SlotFinder.Outcome.FREE);
    }

    @Test
    void aVisitEndingAfterClosingIsOutsideHoursAndAlternativesFitTheDuration() {
        // coloring lasts 120 min: 20:00 would end at 22:00 after the 21:00 close; 19:00 is the last fitting start
        SlotFinder.Result r = find(List.of(), "coloring", THURSDAY, 20, 0);
        assertThat(r.outcome()).isEqualTo(SlotFinder.Outcome.OUTSIDE_HOURS);
        assertThat(r.alternatives()).containsExactly(at(THURSDAY, 17), at(THURSDAY, 18), at(THURSDAY, 19));
        assertThat(find(List.of(), "coloring", THURSDAY, 19, 0).outcome()).isEqualTo(SlotFinder.Outcome.FREE);
        assertThat(find(List.of(), "coloring", THURSDAY, 19, 30).outcome())
                .isEqualTo(SlotFinder.Outcome.OUTSIDE_HOURS);
    }

    @Test
    void neverInThePastAndAlternativesStartAfterNow() {
        LocalDate today = NOW.atZone(TestTenants.MOSCOW).toLocalDate();
        SlotFinder.Result earlierToday = find(List.of(), "haircut", today, 11, 0);
        assertThat(earlierToday.outcome()).isEqualTo(SlotFinder.Outcome.PAST);
        // now is 12:00 sharp: 12:00 has begun, 13:00 is the first future grid time
        assertThat(earlierToday.alternatives()).containsExactly(at(today, 13), at(today, 14), at(today, 15));
        assertThat(find(List.of(), "haircut", today, 12, 0).outcome()).isEqualTo(SlotFinder.Outcome.PAST);

        SlotFinder.Result lastWeek = find(List.of(), "haircut", today.minusDays(7), 15, 0);
        assertThat(lastWeek.outcome()).isEqualTo(SlotFinder.Outcome.PAST);
        assertThat(lastWeek.alternatives()).allMatch(t -> t.atZone(TestTenants.MOSCOW).toInstant().isAfter(NOW));
        assertThat(lastWeek.alternatives()).containsExactly(at(today, 13), at(today, 14), at(today, 15));
    }

    @Test
    void offGridTimesCanBeBookedWhenFree() {
        SlotFinder.Result r = find(List.of(), "haircut", THURSDAY, 15, 30);
        assertThat(r.outcome()).isEqualTo(SlotFinder.Outcome.FREE);
        assertThat(r.slot().startsAt()).isEqualTo(moscow(THURSDAY, 15, 30));
    }

    @Test
    void restrictionToOneSpecialistAndUnknownServicesAndMissingSkills() {
        SlotFinder.Result onlyAnna = SlotFinder.find(salon, List.of(busy("anna", THURSDAY, 15, 0, 16, 0)),
                "haircut", THURSDAY, LocalTime.of(15, 0), NOW, "anna");
        assertThat(onlyAnna.outcome()).isEqualTo(SlotFinder.Outcome.TAKEN);
        assertThat(onlyAnna.alternatives()).first().isEqualTo(at(THURSDAY, 16));

        assertThat(find(List.of(), "massage", THURSDAY, 15, 0).outcome())
                .isEqualTo(SlotFinder.Outcome.UNKNOWN_SERVICE);
        Tenant noSpecialists = TestTenants.salon(List.of(new Tenant.Staff("olga", "Ольга", "owner", "1", null)));
        SlotFinder.Result none = SlotFinder.find(noSpecialists, List.of(), "haircut", THURSDAY, LocalTime.of(15, 0),
                NOW, null);
        assertThat(none.outcome()).isEqualTo(SlotFinder.Outcome.NO_SPECIALIST);
        assertThat(none.alternatives()).isEmpty();
    }
}
