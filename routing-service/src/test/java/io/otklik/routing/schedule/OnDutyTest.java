package io.otklik.routing.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.platform.tenant.Tenant;
import io.otklik.routing.TestTenants;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The on-duty rota in the tenant's own zone, including the after-hours shift across midnight. */
class OnDutyTest {

    final Tenant fitness = TestTenants.fitness();

    static Instant vladivostok(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TestTenants.VLADIVOSTOK).toInstant();
    }

    String onDuty(Instant at) {
        return OnDuty.at(fitness, at).map(Tenant.Staff::id).orElse(null);
    }

    @Test
    void dayShiftsAndTheNightShiftAcrossMidnight() {
        assertThat(onDuty(vladivostok("2026-11-30T08:00"))).isEqualTo("darya");   // Monday
        assertThat(onDuty(vladivostok("2026-11-30T21:59"))).isEqualTo("darya");
        assertThat(onDuty(vladivostok("2026-11-30T22:00"))).isEqualTo("pavel");
        assertThat(onDuty(vladivostok("2026-12-01T03:00"))).isEqualTo("pavel");   // Tuesday small hours
        assertThat(onDuty(vladivostok("2026-12-01T07:59"))).isEqualTo("pavel");
        assertThat(onDuty(vladivostok("2026-12-05T12:00"))).isEqualTo("darya");   // Saturday
        // Sunday daytime: no shift covers it, so the first on-duty person
        assertThat(onDuty(vladivostok("2026-12-06T12:00"))).isEqualTo("darya");
        assertThat(onDuty(vladivostok("2026-12-06T23:00"))).isEqualTo("pavel");
    }

    @Test
    void theInstantIsReadInTheTenantsZoneWhichHasNoDaylightSaving() {
        // 12:30 UTC is 22:30 in Vladivostok (UTC+10 all year), 15:30 in Moscow: the night shift already
        Instant instant = Instant.parse("2026-11-30T12:30:00Z");
        assertThat(onDuty(instant)).isEqualTo("pavel");
        for (String zone : new String[] {"Europe/Moscow", "Asia/Yekaterinburg", "Asia/Vladivostok"}) {
            ZoneId z = ZoneId.of(zone);
            ZoneOffset winter = z.getRules().getOffset(Instant.parse("2026-01-15T00:00:00Z"));
            ZoneOffset summer = z.getRules().getOffset(Instant.parse("2026-07-15T00:00:00Z"));
            assertThat(summer).as(zone).isEqualTo(winter);
        }
        assertThat(ZoneId.of("Asia/Vladivostok").getRules().getOffset(instant)).isEqualTo(ZoneOffset.ofHours(10));
    }

    @Test
    void withoutARotaTheOnDutyRoleAnswers() {
        assertThat(OnDuty.at(TestTenants.salon(), Instant.parse("2026-11-30T01:00:00Z")))
                .map(Tenant.Staff::id).contains("marina");
    }
}
