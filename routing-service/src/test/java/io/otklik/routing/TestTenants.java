package io.otklik.routing;

import io.otklik.platform.tenant.Tenant;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

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

    public static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");

    /**
     * A fitness studio in Vladivostok (UTC+10) with a full calendar: weekdays 08:00–22:00, Saturday 10:00–18:00, closed
     * on Sunday and on 2026-12-30; Иван works Monday 12:00–20:00, otherwise the studio's hours, never on Wednesday,
     * lunch 14:00–15:00, off on 2026-12-15; Олеся the studio's hours; the rota: Дарья on weekdays 08:00–22:00, Павел
     * after hours 22:00–08:00, Дарья on Saturday daytime.
     */
    public static Tenant fitness() {
        Map<DayOfWeek, Tenant.Span> weekdays = Map.of(DayOfWeek.SATURDAY, span(10, 18));
        List<DayOfWeek> workweek = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        return new Tenant("test-fitness", "Фитнес-студия «Прибой»", "Asia/Vladivostok", "fitness", null, null, null,
                new Tenant.Hours(LocalTime.of(8, 0), LocalTime.of(22, 0), 60, weekdays, List.of(DayOfWeek.SUNDAY),
                        null),
                List.of(new Tenant.Staff("pavel", "Павел", "owner", "300", null),
                        new Tenant.Staff("darya", "Дарья", "on-duty", "301", null),
                        new Tenant.Staff("ivan", "Иван", "specialist", null, List.of("training", "trial"), null,
                                Map.of(DayOfWeek.MONDAY, span(12, 20)), List.of(DayOfWeek.WEDNESDAY),
                                List.of(span(14, 15)), List.of(LocalDate.of(2026, 12, 15))),
                        new Tenant.Staff("olesya", "Олеся", "specialist", null, List.of("training"))),
                List.of(new Tenant.Service("training", "Персональная тренировка", 2500, 60, List.of("трениров")),
                        new Tenant.Service("trial", "Пробное занятие", 0, 90, List.of("пробн"))),
                null, null, null, List.of(LocalDate.of(2026, 12, 30)), false,
                List.of(new Tenant.Duty("darya", workweek, LocalTime.of(8, 0), LocalTime.of(22, 0)),
                        new Tenant.Duty("pavel", List.of(), LocalTime.of(22, 0), LocalTime.of(8, 0)),
                        new Tenant.Duty("darya", List.of(DayOfWeek.SATURDAY), LocalTime.of(8, 0),
                                LocalTime.of(22, 0))));
    }

    public static Tenant.Span span(int fromHour, int toHour) {
        return new Tenant.Span(LocalTime.of(fromHour, 0), LocalTime.of(toHour, 0));
    }

    /** A local time in Moscow as an instant. */
    public static Instant moscow(LocalDate date, int hour, int minute) {
        return LocalDateTime.of(date, LocalTime.of(hour, minute)).atZone(MOSCOW).toInstant();
    }
}
