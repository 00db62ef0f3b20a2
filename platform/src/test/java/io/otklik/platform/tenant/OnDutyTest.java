package io.otklik.platform.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The on-duty rota in the tenant's own zone, including the after-hours shift across midnight. */
class OnDutyTest {

    static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");

    /** Дарья on weekdays 08:00–22:00 and Saturday daytime, Павел after hours 22:00–08:00 every day. */
    final Tenant fitness = tenant("Asia/Vladivostok", List.of(new Tenant.Staff("pavel", "Павел", "owner", "300", null),
                    new Tenant.Staff("darya", "Дарья", "on-duty", "301", null)),
            List.of(new Tenant.Duty("darya", List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(22, 0)),
                    new Tenant.Duty("pavel", List.of(), LocalTime.of(22, 0), LocalTime.of(8, 0)),
                    new Tenant.Duty("darya", List.of(DayOfWeek.SATURDAY), LocalTime.of(8, 0), LocalTime.of(22, 0))));

    static Tenant tenant(String zone, List<Tenant.Staff> staff, List<Tenant.Duty> rota) {
        return new Tenant("t", "T", zone, "salon", null, null, null, null, staff, List.of(), null, null, null,
                List.of(), false, rota);
    }

    static Instant vladivostok(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(VLADIVOSTOK).toInstant();
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
        assertThat(OnDuty.at(tenant("Europe/Moscow", List.of(
                        new Tenant.Staff("olga", "Ольга", "owner", "100200300", null),
                        new Tenant.Staff("marina", "Марина", "on-duty", "100200301", null)), List.of()),
                Instant.parse("2026-11-30T01:00:00Z")))
                .map(Tenant.Staff::id).contains("marina");
    }
}
