package io.otklik.metrics.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.otklik.platform.tenant.Tenant;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Specialist load over synthetic tenants; every expected number is worked out by hand in the comments.
 *
 * <p>The week of Monday 2 – Sunday 8 November 2026 in Moscow: Wednesday 4 November is National Unity Day (a public
 * holiday of the production calendar), the salon is closed on Sundays.
 */
class LoadCalculatorTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");
    static final Instant WEEK_FROM = moscow("2026-11-02T00:00");
    static final Instant WEEK_TO = moscow("2026-11-09T00:00");

    /**
     * Salon 10:00–19:00, closed on Sunday. Анна: off on Mondays, lunch 14:00–15:00. Екатерина: Saturdays 12:00–16:00,
     * off on Friday 6 November. Ольга (owner) and Марина (on-duty) are not specialists.
     */
    static Tenant salon() {
        return new Tenant("salon", "Салон", "Europe/Moscow", "salon", null, null, null,
                new Tenant.Hours(LocalTime.of(10, 0), LocalTime.of(19, 0), 60, null, List.of(DayOfWeek.SUNDAY), null),
                List.of(new Tenant.Staff("olga", "Ольга", "owner", "1", null),
                        new Tenant.Staff("marina", "Марина", "on-duty", "2", null),
                        new Tenant.Staff("anna", "Анна", "specialist", null, List.of("haircut"), null, null,
                                List.of(DayOfWeek.MONDAY), List.of(span(14, 15)), null),
                        new Tenant.Staff("katya", "Екатерина", "specialist", null, List.of("manicure"), null,
                                Map.of(DayOfWeek.SATURDAY, span(12, 16)), null, null,
                                List.of(LocalDate.of(2026, 11, 6)))),
                List.of(), null, null, null, List.of(), false, List.of());
    }

    // Анна, the week: Mon 2 her day off, Tue 3 10–14 + 15–19 = 480, Wed 4 holiday, Thu 5 480, Fri 6 480, Sat 7 480,
    // Sun 8 closed → 4 × 480 = 1920 min.
    static final long ANNA_WEEK = 1920;
    // Екатерина: Mon 2, Tue 3, Thu 5 10–19 = 540 each, Wed 4 holiday, Fri 6 her dated day off, Sat 7 12–16 = 240,
    // Sun 8 closed → 3 × 540 + 240 = 1860 min.
    static final long KATYA_WEEK = 1860;

    @Test
    void workingMinutesFollowHoursBreaksHolidaysAndDaysOffAndOnlySpecialistsCount() {
        SpecialistLoad load = LoadCalculator.of(salon(), WEEK_FROM, WEEK_TO, List.of());

        assertThat(load.byStaff()).extracting(StaffLoad::staffId).containsExactly("anna", "katya");
        assertThat(load.byStaff().get(0).workingMinutes()).isEqualTo(ANNA_WEEK);
        assertThat(load.byStaff().get(1).workingMinutes()).isEqualTo(KATYA_WEEK);
        assertThat(load.byStaff().get(1).name()).isEqualTo("Екатерина");
        // 1920 + 1860 = 3780
        assertThat(load.workingMinutes()).isEqualTo(3780);
        assertThat(load.bookedMinutes()).isZero();
        assertThat(load.load()).isZero();
    }

    @Test
    void appointmentsAsTheyStandAfterBookingsMovesInAnyOrderAndCancellations() {
        List<AppointmentEvent> events = List.of(
                // a2's second move arrives first: the latest by occurredAt wins whatever the order
                moved("a2", null, "2026-11-05T16:00", "2026-11-05T18:00", "2026-11-01T12:00"),
                cancelled("a3", "2026-11-01T11:00"), // before its booking arrives
                booked("a1", "anna", "2026-11-03T10:00", "2026-11-03T11:00", "2026-11-01T09:00"),
                booked("a2", "anna", "2026-11-05T12:00", "2026-11-05T13:30", "2026-11-01T09:00"),
                moved("a2", null, "2026-11-05T15:00", "2026-11-05T16:00", "2026-11-01T10:00"),
                booked("a3", "anna", "2026-11-06T10:00", "2026-11-06T12:00", "2026-11-01T09:00"),
                booked("a4", "katya", "2026-11-03T11:00", "2026-11-03T12:00", "2026-11-01T09:00"),
                new AppointmentEvent("appointment_confirmed", "a4", null, null, null, instant("2026-11-01T09:30")));

        SpecialistLoad load = LoadCalculator.of(salon(), WEEK_FROM, WEEK_TO, events);

        // Анна: a1 60 + a2 at 16:00–18:00 120 (not the 90 booked nor the 60 of the first move) + a3 cancelled 0 = 180
        StaffLoad anna = load.byStaff().get(0);
        assertThat(anna.bookedMinutes()).isEqualTo(180);
        assertThat(anna.load()).isCloseTo(180.0 / 1920, within(1e-12)); // 0.09375
        // Екатерина: a4 60 → 60 / 1860
        StaffLoad katya = load.byStaff().get(1);
        assertThat(katya.bookedMinutes()).isEqualTo(60);
        assertThat(katya.load()).isCloseTo(60.0 / 1860, within(1e-12));
        // total: 240 / 3780, the two specialists at different loads
        assertThat(load.bookedMinutes()).isEqualTo(240);
        assertThat(load.load()).isCloseTo(240.0 / 3780, within(1e-12));
        assertThat(anna.load()).isGreaterThan(katya.load());

        // the same events in reverse order give the same numbers
        List<AppointmentEvent> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        assertThat(LoadCalculator.of(salon(), WEEK_FROM, WEEK_TO, reversed)).isEqualTo(load);
    }

    @Test
    void workingTimeAndAppointmentsAreClippedToTheWindow() {
        // window Tue 3 12:00 – Thu 5 12:00 (Moscow)
        Instant from = moscow("2026-11-03T12:00");
        Instant to = moscow("2026-11-05T12:00");
        List<AppointmentEvent> events = List.of(
                booked("in-part-1", "anna", "2026-11-03T11:00", "2026-11-03T13:00", "2026-11-01T09:00"), // 12–13: 60
                booked("in-part-2", "anna", "2026-11-05T11:00", "2026-11-05T13:00", "2026-11-01T09:00"), // 11–12: 60
                booked("before", "anna", "2026-11-02T10:00", "2026-11-02T11:00", "2026-11-01T09:00"),    // 0
                booked("after", "anna", "2026-11-05T12:00", "2026-11-05T13:00", "2026-11-01T09:00"));    // 0 (to is exclusive)

        StaffLoad anna = LoadCalculator.of(salon(), from, to, events).byStaff().get(0);

        // Tue 3: 12–14 120 + 15–19 240 = 360; Wed 4 holiday 0; Thu 5: 10–12 120 → 480
        assertThat(anna.workingMinutes()).isEqualTo(480);
        assertThat(anna.bookedMinutes()).isEqualTo(120);
        assertThat(anna.load()).isEqualTo(0.25);
    }

    @Test
    void appointmentsOfNonSpecialistsOrUnknownStaffCountNowhereAndAMoveToAnotherSpecialistCountsForTheNewOne() {
        List<AppointmentEvent> events = List.of(
                booked("ghost", "left-last-year", "2026-11-03T10:00", "2026-11-03T12:00", "2026-11-01T09:00"),
                booked("owner", "olga", "2026-11-03T10:00", "2026-11-03T12:00", "2026-11-01T09:00"),
                // booked with Анна, moved by staff to Екатерина, then moved again in time only (staffId null: kept)
                booked("m", "anna", "2026-11-03T10:00", "2026-11-03T11:00", "2026-11-01T09:00"),
                moved("m", "katya", "2026-11-03T15:00", "2026-11-03T16:00", "2026-11-01T10:00"),
                moved("m", null, "2026-11-03T16:00", "2026-11-03T17:30", "2026-11-01T11:00"),
                // a move whose booking is not among the events and names nobody: nobody to count it for
                moved("orphan", null, "2026-11-03T10:00", "2026-11-03T11:00", "2026-11-01T11:00"));

        SpecialistLoad load = LoadCalculator.of(salon(), WEEK_FROM, WEEK_TO, events);

        // only m, 16:00–17:30 = 90 min, with Екатерина; the ghost's and the owner's 120 + 120 are not in the total
        assertThat(load.byStaff().get(0).bookedMinutes()).isZero();
        assertThat(load.byStaff().get(1).bookedMinutes()).isEqualTo(90);
        assertThat(load.bookedMinutes()).isEqualTo(90);
        assertThat(load.load()).isCloseTo(90.0 / 3780, within(1e-12));
    }

    /**
     * Дмитрий in Vladivostok (UTC+10), 09:00–18:00 every day, no breaks. The window 2026-11-02T14:00Z –
     * 2026-11-04T14:00Z is Tue 3 00:00 – Thu 5 00:00 there: Tue 3 540, Wed 4 holiday 0 → 540. Read in Moscow
     * (Mon 2 17:00 – Wed 4 17:00) it would be 60 + 540 = 600, in UTC 240 + 540 = 780.
     */
    @Test
    void localDaysAreTheTenantsOwn() {
        Tenant gym = new Tenant("gym", "Зал", "Asia/Vladivostok", "fitness", null, null, null,
                new Tenant.Hours(LocalTime.of(9, 0), LocalTime.of(18, 0), 60),
                List.of(new Tenant.Staff("dima", "Дмитрий", "specialist", null, List.of("training"))),
                List.of(), null, null, null);
        Instant from = Instant.parse("2026-11-02T14:00:00Z");
        Instant to = Instant.parse("2026-11-04T14:00:00Z");
        List<AppointmentEvent> events = List.of(
                // Tue 3 17:00–18:00 in Vladivostok = 07:00–08:00 UTC: 60
                new AppointmentEvent("appointment_booked", "v1", "dima", vladivostok("2026-11-03T17:00"),
                        vladivostok("2026-11-03T18:00"), Instant.parse("2026-11-01T00:00:00Z")),
                // Thu 5 09:00 in Vladivostok = Wed 4 23:00 UTC: after the window
                new AppointmentEvent("appointment_booked", "v2", "dima", vladivostok("2026-11-05T09:00"),
                        vladivostok("2026-11-05T10:00"), Instant.parse("2026-11-01T00:00:00Z")));

        SpecialistLoad load = LoadCalculator.of(gym, from, to, events);

        assertThat(load.workingMinutes()).isEqualTo(540);
        assertThat(load.bookedMinutes()).isEqualTo(60);
        assertThat(load.load()).isCloseTo(60.0 / 540, within(1e-12)); // 0.111…
    }

    @Test
    void nothingToMeasureGivesZerosNotADivisionByZero() {
        // no events
        SpecialistLoad none = LoadCalculator.of(salon(), WEEK_FROM, WEEK_TO, List.of());
        assertThat(none.bookedMinutes()).isZero();
        assertThat(none.load()).isZero();
        // an empty or reversed window
        SpecialistLoad empty = LoadCalculator.of(salon(), WEEK_TO, WEEK_TO, List.of(
                booked("a", "anna", "2026-11-03T10:00", "2026-11-03T11:00", "2026-11-01T09:00")));
        assertThat(empty.workingMinutes()).isZero();
        assertThat(empty.bookedMinutes()).isZero();
        assertThat(empty.load()).isZero();
        assertThat(LoadCalculator.of(salon(), WEEK_TO, WEEK_FROM, List.of()).workingMinutes()).isZero();
        // a closed day with a booking on it (made before the tenant changed its hours): booked, but no working time
        SpecialistLoad sunday = LoadCalculator.of(salon(), moscow("2026-11-08T00:00"), WEEK_TO, List.of(
                booked("s", "anna", "2026-11-08T10:00", "2026-11-08T11:00", "2026-11-01T09:00")));
        assertThat(sunday.workingMinutes()).isZero();
        assertThat(sunday.bookedMinutes()).isEqualTo(60);
        assertThat(sunday.load()).isZero();
        assertThat(Double.isNaN(sunday.byStaff().get(0).load())).isFalse();
        // a tenant without specialists
        Tenant noSpecialists = new Tenant("t", "T", "Europe/Moscow", "salon", null, null, null, null,
                List.of(new Tenant.Staff("olga", "Ольга", "owner", "1", null)), List.of(), null, null, null);
        SpecialistLoad nobody = LoadCalculator.of(noSpecialists, WEEK_FROM, WEEK_TO, List.of());
        assertThat(nobody.byStaff()).isEmpty();
        assertThat(nobody.workingMinutes()).isZero();
        assertThat(nobody.load()).isZero();
    }

    @Test
    void aRedeliveredBookingCountsOnceAndOtherEventTypesAreIgnored() {
        AppointmentEvent b = booked("a1", "anna", "2026-11-03T10:00", "2026-11-03T11:30", "2026-11-01T09:00");
        List<AppointmentEvent> events = List.of(b, b,
                new AppointmentEvent("no_show", "a1", "anna", null, null, instant("2026-11-03T12:00")),
                new AppointmentEvent("appointment_booked", null, "anna", moscow("2026-11-03T12:00"),
                        moscow("2026-11-03T13:00"), instant("2026-11-01T09:00")));

        // a1 once: 90 min; the booking without an appointment id is unreadable and skipped
        assertThat(LoadCalculator.of(salon(), WEEK_FROM, WEEK_TO, events).bookedMinutes()).isEqualTo(90);
    }

    static AppointmentEvent booked(String id, String staff, String from, String to, String occurred) {
        return new AppointmentEvent("appointment_booked", id, staff, moscow(from), moscow(to), instant(occurred));
    }

    static AppointmentEvent moved(String id, String staff, String from, String to, String occurred) {
        return new AppointmentEvent("appointment_rescheduled", id, staff, moscow(from), moscow(to), instant(occurred));
    }

    static AppointmentEvent cancelled(String id, String occurred) {
        return new AppointmentEvent("appointment_cancelled", id, null, null, null, instant(occurred));
    }

    static Tenant.Span span(int fromHour, int toHour) {
        return new Tenant.Span(LocalTime.of(fromHour, 0), LocalTime.of(toHour, 0));
    }

    /** A Moscow local date-time ("2026-11-03T10:00") as an instant. */
    static Instant moscow(String local) {
        return LocalDateTime.parse(local).atZone(MOSCOW).toInstant();
    }

    static Instant vladivostok(String local) {
        return LocalDateTime.parse(local).atZone(VLADIVOSTOK).toInstant();
    }

    /** When an event happened, a Moscow local date-time. */
    static Instant instant(String local) {
        return moscow(local);
    }
}
