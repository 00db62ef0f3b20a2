package io.otklik.routing;

import io.otklik.platform.tenant.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** The demo salon of tenants.yaml, built in code for the pure-logic tests, and a fixed "now". */
public final class TestTenants {

    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** Wednesday 25.11.2026, 12:00 in Moscow. */
    public static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    /** Thursday 26.11.2026. */
    public static final LocalDate THURSDAY = LocalDate.of(2026, 11, 26);

    private TestTenants() {
    }

    public static Tenant salon() {
        return salon(List.of(
                new Tenant.Staff("olga", "Ольга", "owner", "100200300", null),
                new Tenant.Staff("marina", "Марина", "on-duty", "100200301", null),
                new Tenant.Staff("anna", "Анна", "specialist", null, List.of("haircut", "coloring")),
                new Tenant.Staff("katya", "Екатерина", "specialist", null,
                        List.of("manicure", "pedicure", "haircut"))));
    }

    public static Tenant salon(List<Tenant.Staff> staff) {
        return new Tenant("demo-salon", "Салон красоты «Лён»", "Europe/Moscow", "salon", "OTKLIK_DEMO_SALON_API_KEY",
                null, null, new Tenant.Hours(LocalTime.of(9, 0), LocalTime.of(21, 0), 60), staff, List.of(
                new Tenant.Service("haircut", "Стрижка", 1500, 60, List.of("стрижк")),
                new Tenant.Service("coloring", "Окрашивание", 4500, 120, List.of("окраш")),
                new Tenant.Service("manicure", "Маникюр", 1800, 60, List.of("маникюр")),
                new Tenant.Service("pedicure", "Педикюр", 2200, 60, List.of("педикюр"))), null, null);
    }

    /** A local time in Moscow as an instant. */
    public static Instant moscow(LocalDate date, int hour, int minute) {
        return LocalDateTime.of(date, LocalTime.of(hour, minute)).atZone(MOSCOW).toInstant();
    }
}
