package io.otklik.routing.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.platform.tenant.Tenant;
import io.otklik.routing.TestTenants;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The rules' calendar facts and on-duty person come from the tenant's working calendar and rota. */
class ScheduleFactsTest {

    final ScheduleFacts facts = new ScheduleFacts();
    final Tenant fitness = TestTenants.fitness();

    static Instant vladivostok(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TestTenants.VLADIVOSTOK).toInstant();
    }

    @Test
    void holidaysAreThoseOfTheProductionCalendarAndTheTenantsOwnClosedDates() {
        assertThat(facts.holiday(fitness, LocalDate.of(2026, 1, 7))).isTrue();    // Christmas
        assertThat(facts.holiday(fitness, LocalDate.of(2026, 11, 4))).isTrue();   // National Unity Day
        assertThat(facts.holiday(fitness, LocalDate.of(2026, 11, 25))).isFalse(); // an ordinary Wednesday
        assertThat(facts.holiday(fitness, LocalDate.of(2026, 12, 30))).isTrue();  // the studio's own closed date
    }

    @Test
    void workdaysAndOpenHoursFollowTheTenantsWeek() {
        assertThat(facts.workday(fitness, LocalDate.of(2026, 12, 5))).isTrue();   // Saturday 10–18
        assertThat(facts.workday(fitness, LocalDate.of(2026, 12, 6))).isFalse();  // closed on Sunday
        assertThat(facts.open(fitness, vladivostok("2026-12-05T09:30"))).isFalse();
        assertThat(facts.open(fitness, vladivostok("2026-12-05T10:00"))).isTrue();
        assertThat(facts.open(fitness, vladivostok("2026-12-05T18:00"))).isFalse();
        assertThat(facts.open(fitness, vladivostok("2026-12-02T21:30"))).isTrue(); // Wednesday 07–22
    }

    @Test
    void onDutyIsTheRotasPersonAndOtherRolesTheFirstWithTheRole() {
        Instant night = vladivostok("2026-12-01T03:00");
        assertThat(facts.resolve(fitness, "on-duty", null, night)).map(Tenant.Staff::id).contains("pavel");
        assertThat(facts.resolve(fitness, "on-duty", null, vladivostok("2026-12-01T12:00")))
                .map(Tenant.Staff::id).contains("darya");
        assertThat(facts.resolve(fitness, "owner", null, night)).map(Tenant.Staff::id).contains("pavel");
    }
}
