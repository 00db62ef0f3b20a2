package io.otklik.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.platform.tenant.Tenant;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Business and staff working time day by day: weekday hours, breaks, weekly and dated days off, holidays. */
class WorkCalendarTest {

    final Tenant fitness = fitness();
    final WorkCalendar calendar = WorkCalendar.of(fitness);
    final Tenant.Staff ivan = fitness.staffMember("ivan").orElseThrow();
    final Tenant.Staff olesya = fitness.staffMember("olesya").orElseThrow();

    /** Monday 30.11.2026. */
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @Test
    void businessHoursPerWeekdayWithTheDefaultForTheRest() {
        assertThat(calendar.businessHours(MONDAY)).contains(span(8, 22));
        assertThat(calendar.businessHours(MONDAY.plusDays(5))).contains(span(10, 18));
        assertThat(calendar.businessHours(MONDAY.plusDays(6))).isEmpty();
        assertThat(calendar.closedBecause(MONDAY.plusDays(6))).contains("weekly day off");
    }

    @Test
    void staffHoursLieInsideBusinessHoursMinusBreaks() {
        // Monday: Иван 12:00–20:00 with lunch 14:00–15:00
        assertThat(calendar.intervals(ivan, MONDAY)).containsExactly(span(12, 14), span(15, 20));
        // Tuesday: the studio's 08:00–22:00, lunch cut out
        assertThat(calendar.intervals(ivan, MONDAY.plusDays(1))).containsExactly(span(8, 14), span(15, 22));
        // Wednesday is his weekly day off; Олеся works
        assertThat(calendar.intervals(ivan, MONDAY.plusDays(2))).isEmpty();
        assertThat(calendar.intervals(olesya, MONDAY.plusDays(2))).containsExactly(span(8, 22));
        // Saturday: the studio's short day
        assertThat(calendar.intervals(olesya, MONDAY.plusDays(5))).containsExactly(span(10, 18));
        assertThat(calendar.containing(ivan, MONDAY, LocalTime.of(13, 0), LocalTime.of(14, 0))).isPresent();
        assertThat(calendar.containing(ivan, MONDAY, LocalTime.of(13, 30), LocalTime.of(14, 30))).isEmpty();
    }

    @Test
    void datedDaysOffFromTenantsYamlAndFromTheDatabase() {
        LocalDate tuesday = LocalDate.of(2026, 12, 15);
        assertThat(calendar.intervals(ivan, tuesday)).isEmpty();
        assertThat(calendar.intervals(olesya, tuesday)).isNotEmpty();
        WorkCalendar withStored = new WorkCalendar(fitness, ProductionCalendar.russia(),
                Map.of("olesya", Set.of(tuesday)));
        assertThat(withStored.intervals(olesya, tuesday)).isEmpty();
        assertThat(withStored.works(olesya, tuesday.plusDays(1))).isTrue();
    }

    @Test
    void holidaysAndTheTenantsClosedDatesCloseTheBusinessUnlessItWorksOnHolidays() {
        LocalDate newYearTransfer = LocalDate.of(2026, 12, 31);
        assertThat(calendar.closedBecause(newYearTransfer)).contains("transferred day off");
        assertThat(calendar.closedBecause(LocalDate.of(2026, 1, 5))).contains("public holiday");
        assertThat(calendar.closedBecause(LocalDate.of(2026, 12, 30))).contains("closed date");
        assertThat(calendar.intervals(olesya, newYearTransfer)).isEmpty();

        Tenant open = withCalendar(fitness, List.of(), true);
        WorkCalendar openCalendar = WorkCalendar.of(open);
        assertThat(openCalendar.businessHours(newYearTransfer)).contains(span(8, 22));
        assertThat(openCalendar.businessHours(LocalDate.of(2026, 12, 30))).contains(span(8, 22));
    }

    @Test
    void aWorkingSaturdayOpensABusinessClosedOnSaturdaysOnItsDefaultHours() {
        Tenant.Hours weekdaysOnly = new Tenant.Hours(LocalTime.of(9, 0), LocalTime.of(18, 0), 60, null,
                List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), null);
        Tenant office = new Tenant("office", "Офис", "Asia/Yekaterinburg", "services", null, null, null,
                weekdaysOnly, List.of(new Tenant.Staff("a", "А", "specialist", null, List.of("x"), null, null,
                List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), null, null)), List.of(), null, null, null);
        WorkCalendar c = WorkCalendar.of(office);
        LocalDate workingSaturday = LocalDate.of(2025, 11, 1);
        assertThat(c.businessHours(workingSaturday)).contains(span(9, 18));
        assertThat(c.intervals(office.staff().get(0), workingSaturday)).containsExactly(span(9, 18));
        assertThat(c.businessHours(workingSaturday.plusDays(7))).isEmpty();
        // and the Monday it was moved to is off
        assertThat(c.businessHours(LocalDate.of(2025, 11, 3))).isEmpty();
    }

    /**
     * routing-service's test fitness studio in Vladivostok (UTC+10), the parts a calendar reads: weekdays 08:00–22:00,
     * Saturday 10:00–18:00, closed on Sunday and on 2026-12-30; Иван works Monday 12:00–20:00, otherwise the studio's
     * hours, never on Wednesday, lunch 14:00–15:00, off on 2026-12-15; Олеся the studio's hours.
     */
    static Tenant fitness() {
        return new Tenant("test-fitness", "Фитнес-студия «Прибой»", "Asia/Vladivostok", "fitness", null, null, null,
                new Tenant.Hours(LocalTime.of(8, 0), LocalTime.of(22, 0), 60,
                        Map.of(DayOfWeek.SATURDAY, span(10, 18)), List.of(DayOfWeek.SUNDAY), null),
                List.of(new Tenant.Staff("ivan", "Иван", "specialist", null, List.of("training"), null,
                                Map.of(DayOfWeek.MONDAY, span(12, 20)), List.of(DayOfWeek.WEDNESDAY),
                                List.of(span(14, 15)), List.of(LocalDate.of(2026, 12, 15))),
                        new Tenant.Staff("olesya", "Олеся", "specialist", null, List.of("training"))),
                List.of(), null, null, null, List.of(LocalDate.of(2026, 12, 30)), false, List.of());
    }

    static Tenant.Span span(int fromHour, int toHour) {
        return new Tenant.Span(LocalTime.of(fromHour, 0), LocalTime.of(toHour, 0));
    }

    static Tenant withCalendar(Tenant t, List<LocalDate> closed, boolean worksOnHolidays) {
        return new Tenant(t.id(), t.name(), t.timezone(), t.segment(), t.apiKeyEnv(), t.channels(), t.crm(),
                t.hours(), t.staff(), t.services(), t.reminders(), t.sms(), t.nlu(), closed, worksOnHolidays,
                t.onDuty());
    }
}
