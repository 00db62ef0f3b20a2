package io.otklik.nlu.entities;

import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Tenants and reference times for the entity tests: the salon (Europe/Moscow, 09–21) and the clinic
 * (Asia/Yekaterinburg, 08–20) of the repository's tenants.yaml, and a car service built here.
 */
final class TestTenants {

    static final TenantRegistry REGISTRY = new TenantRegistry("../tenants.yaml", null);
    static final Tenant SALON = REGISTRY.require("demo-salon");
    static final Tenant CLINIC = REGISTRY.require("demo-clinic");
    /** A car service opening at 10:00, with a typo-prone catalogue and a staff member named like a common word. */
    static final Tenant GARAGE = new Tenant("test-garage", "Автосервис", "Europe/Moscow", "service", null, null, null,
            new Tenant.Hours(LocalTime.of(10, 0), LocalTime.of(19, 0), 60),
            List.of(new Tenant.Staff("vera", "Вера", "specialist", null, List.of("diagnostics")),
                    new Tenant.Staff("dmitry", "Дмитрий", "specialist", null, List.of("tires"), List.of("Дима"))),
            List.of(new Tenant.Service("diagnostics", "Диагностика", 1500, 60, List.of("диагност")),
                    new Tenant.Service("tires", "Шиномонтаж", 2000, 60, List.of("шиномонтаж", "шин", "колес", "резин")),
                    new Tenant.Service("oil", "Замена масла", 1000, 30, List.of("замена масла", "масл"))),
            null, null);

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final ZoneId YEKATERINBURG = ZoneId.of("Asia/Yekaterinburg");
    /** Wednesday 2026-11-25 10:00 in Moscow. */
    static final ZonedDateTime WEDNESDAY = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, MOSCOW);
    /** Saturday 2026-11-28 19:30 in Moscow. */
    static final ZonedDateTime SATURDAY_EVENING = ZonedDateTime.of(2026, 11, 28, 19, 30, 0, 0, MOSCOW);
    /** Wednesday 2026-11-25 10:00 in Yekaterinburg (UTC+5). */
    static final ZonedDateTime WEDNESDAY_YEKATERINBURG = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, YEKATERINBURG);

    private TestTenants() {
    }
}
