package io.otklik.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The shipped production calendar: the decrees' holidays and transfers, 2025–2027. */
class ProductionCalendarTest {

    final ProductionCalendar calendar = ProductionCalendar.russia();

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void coversThreeYearsAndNamesEachDecree() {
        assertThat(calendar.years()).containsOnlyKeys(2025, 2026, 2027);
        assertThat(calendar.years().get(2025).decree()).contains("№ 1335");
        assertThat(calendar.years().get(2026).decree()).contains("№ 1466");
        assertThat(calendar.years().get(2026).provisional()).isFalse();
        assertThat(calendar.years().get(2027).provisional()).isTrue();
        calendar.years().forEach((year, y) -> {
            assertThat(y.holidays()).hasSize(14).allMatch(date -> date.getYear() == year);
            // a transferred day off is a weekday, a transferred working day a weekend
            assertThat(y.daysOff()).allMatch(date -> date.getYear() == year && date.getDayOfWeek().getValue() <= 5);
            assertThat(y.workingDays()).allMatch(date -> date.getDayOfWeek().getValue() >= 6);
        });
    }

    @Test
    void holidaysOf2026AndTheirTransfers() {
        for (int day = 1; day <= 8; day++) {
            assertThat(calendar.holiday(LocalDate.of(2026, 1, day))).isTrue();
        }
        // 3 and 4 January (Sat, Sun) → Friday 9 January and Thursday 31 December
        assertThat(calendar.holiday(d("2026-01-09"))).isFalse();
        assertThat(calendar.dayOff(d("2026-01-09"))).isTrue();
        assertThat(calendar.dayOff(d("2026-12-31"))).isTrue();
        assertThat(d("2026-12-31").getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        // 8 March is a Sunday, so Monday 9 March is off; 9 May a Saturday, so Monday 11 May
        assertThat(calendar.dayOff(d("2026-03-09"))).isTrue();
        assertThat(calendar.dayOff(d("2026-05-11"))).isTrue();
        assertThat(calendar.dayOff(d("2026-02-23"))).isTrue();
        assertThat(calendar.dayOff(d("2026-11-04"))).isTrue();
        // ordinary working days
        assertThat(calendar.dayOff(d("2026-01-12"))).isFalse();
        assertThat(calendar.dayOff(d("2026-11-05"))).isFalse();
        assertThat(calendar.dayOff(d("2026-11-26"))).isFalse();
        assertThat(calendar.years().get(2026).workingDays()).isEmpty();
    }

    @Test
    void transfersOf2025IncludeAWorkingSaturday() {
        assertThat(calendar.dayOff(d("2025-05-02"))).isTrue();
        assertThat(calendar.dayOff(d("2025-05-08"))).isTrue();
        assertThat(calendar.dayOff(d("2025-06-13"))).isTrue();
        assertThat(calendar.dayOff(d("2025-11-03"))).isTrue();
        assertThat(calendar.dayOff(d("2025-12-31"))).isTrue();
        assertThat(calendar.workingWeekend(d("2025-11-01"))).isTrue();
        assertThat(d("2025-11-01").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(calendar.workingWeekend(d("2025-11-08"))).isFalse();
    }

    @Test
    void theProvisional2027DataHasTheLabourCodeMovesAndTheDraftsNovemberTransfer() {
        assertThat(calendar.dayOff(d("2027-05-03"))).isTrue();
        assertThat(calendar.dayOff(d("2027-05-10"))).isTrue();
        assertThat(calendar.dayOff(d("2027-06-14"))).isTrue();
        assertThat(calendar.dayOff(d("2027-11-05"))).isTrue();
        assertThat(calendar.workingWeekend(d("2027-11-13"))).isTrue();
    }
}
