package io.otklik.routing.dialog;

import static io.otklik.routing.TestTenants.NOW;
import static io.otklik.routing.TestTenants.THURSDAY;
import static io.otklik.routing.TestTenants.moscow;
import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.data.Classification;
import io.otklik.events.data.Entities;
import io.otklik.platform.tenant.Tenant;
import io.otklik.routing.TestTenants;
import io.otklik.routing.booking.SlotFinder;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dialog offers the nearest free slots for a part of the day ("после 17", "вечером", "завтра утром") and for a
 * named specialist ("к Анне"), from nlu-service's interval and staff or from the text alone. The demo salon (09–21,
 * hourly slots), now = Wed 25.11.2026 12:00 Moscow.
 */
class DialogNearestTest {

    static final LocalDate TODAY = THURSDAY.minusDays(1);
    static final LocalDate SATURDAY = THURSDAY.plusDays(2);

    final Tenant salon = TestTenants.salon(List.of(
            new Tenant.Staff("olga", "Ольга", "owner", "100200300", null),
            new Tenant.Staff("marina", "Марина", "on-duty", "100200301", null),
            new Tenant.Staff("anna", "Анна", "specialist", null, List.of("haircut", "coloring"), List.of("Аня")),
            new Tenant.Staff("katya", "Екатерина", "specialist", null, List.of("manicure", "pedicure", "haircut"),
                    List.of("Катя"))));
    final DialogPolicy policy = new DialogPolicy();

    static Classification book(Entities e) {
        return new Classification("BOOK", 0.9, false, false, e, "test");
    }

    /** What nlu-service sends for an interval of a day: the date when one was named, the start as time for "после". */
    static Entities interval(String service, LocalDate named, LocalTime time, LocalDate day, int fromHour, int toHour,
                             String staff) {
        return new Entities(service, named, time, null, null, staff, moscow(day, fromHour, 0),
                moscow(day, toHour, 0));
    }

    static Entities only(String service, String staff) {
        return new Entities(service, null, null, null, null, staff, null, null);
    }

    static LocalDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0);
    }

    static Stream<Arguments> preferences() {
        return Stream.of(
                Arguments.of("Хочу на стрижку после 17", interval("haircut", null, LocalTime.of(17, 0), TODAY, 17,
                        21, null), List.of(at(TODAY, 17), at(TODAY, 18), at(TODAY, 19))),
                Arguments.of("стрижка после 17:30", only("haircut", null),
                        List.of(at(TODAY, 18), at(TODAY, 19), at(TODAY, 20))),
                Arguments.of("стрижку вечером", only("haircut", null),
                        List.of(at(TODAY, 17), at(TODAY, 18), at(TODAY, 19))),
                Arguments.of("на стрижку днём", only("haircut", null),
                        List.of(at(TODAY, 13), at(TODAY, 14), at(TODAY, 15))),
                Arguments.of("стрижка завтра утром", interval("haircut", THURSDAY, null, THURSDAY, 8, 12, null),
                        List.of(at(THURSDAY, 9), at(THURSDAY, 10), at(THURSDAY, 11))),
                Arguments.of("стрижка в субботу после обеда", interval("haircut", SATURDAY, null, SATURDAY, 13, 18,
                        null), List.of(at(SATURDAY, 13), at(SATURDAY, 14), at(SATURDAY, 15))),
                // утром today has passed: the nearest mornings follow
                Arguments.of("маникюр утром", only("manicure", null),
                        List.of(at(THURSDAY, 9), at(THURSDAY, 10), at(THURSDAY, 11))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("preferences")
    void aPartOfTheDayIsOfferedNotAskedAbout(String text, Entities e, List<LocalDateTime> expected) {
        Decision d = policy.decide(salon, DialogState.fresh(), text, book(e), List.of(), NOW);
        assertThat(d.offered()).as(d.reply()).containsExactlyElementsOf(expected);
        assertThat(d.state()).isEqualTo(ConversationState.OFFERED);
        assertThat(d.booking()).isNull();
        assertThat(d.reply()).startsWith("Ближайшее свободное время: ");
    }

    @Test
    void theReplyNamesTheDayAndTheTimes() {
        Decision d = policy.decide(salon, DialogState.fresh(), "стрижка завтра утром",
                book(interval("haircut", THURSDAY, null, THURSDAY, 8, 12, null)), List.of(), NOW);
        assertThat(d.reply()).isEqualTo("Ближайшее свободное время: 26.11 (чт): 09:00, 10:00 или 11:00 — какое"
                + " удобно?");
        assertThat(d.pending()).isEqualTo(new DialogState.Pending("haircut", THURSDAY, null, null));
    }

    @Test
    void aFullDaySaysSoAndOffersTheFollowingDays() {
        List<SlotFinder.Busy> saturdayEvening = List.of(
                new SlotFinder.Busy(UUID.randomUUID(), "anna", moscow(SATURDAY, 17, 0), moscow(SATURDAY, 21, 0)),
                new SlotFinder.Busy(UUID.randomUUID(), "katya", moscow(SATURDAY, 17, 0), moscow(SATURDAY, 21, 0)));
        Decision d = policy.decide(salon, DialogState.fresh(), "стрижка в субботу вечером",
                book(interval("haircut", SATURDAY, null, SATURDAY, 17, 21, null)), saturdayEvening, NOW);
        LocalDate sunday = SATURDAY.plusDays(1);
        assertThat(d.offered()).containsExactly(at(sunday, 17), at(sunday, 18), at(sunday, 19));
        assertThat(d.reply()).isEqualTo("На 28.11 (сб) в это время свободного нет. Ближайшее свободное время:"
                + " 29.11 (вс): 17:00, 18:00 или 19:00 — какое удобно?");
    }

    @Test
    void aDayWithoutATimeStillAsksForTheTime() {
        // "сегодня" from nlu: the rest of today, up to midnight; not a part of the day
        Entities today = new Entities("haircut", TODAY, null, null, null, null, NOW, moscow(THURSDAY, 0, 0));
        Decision d = policy.decide(salon, DialogState.fresh(), "стрижка сегодня", book(today), List.of(), NOW);
        assertThat(d.offered()).isEmpty();
        assertThat(d.reply()).isEqualTo("На какое время записать вас 25.11?");
    }

    @Test
    void aDayAndThenAPartOfItOffers() {
        Decision ask = policy.decide(salon, DialogState.fresh(), "стрижка завтра",
                book(new Entities("haircut", THURSDAY, null, null, null)), List.of(), NOW);
        assertThat(ask.state()).isEqualTo(ConversationState.COLLECTING);
        Decision d = policy.decide(salon, new DialogState(ask.state(), ask.pending(), null), "вечером",
                new Classification("OTHER", 0.4, false, true, Entities.none(), "test"), List.of(), NOW);
        assertThat(d.offered()).containsExactly(at(THURSDAY, 17), at(THURSDAY, 18), at(THURSDAY, 19));
    }

    /** Anna is busy at 13:00; Екатерина, who also cuts hair, is free. */
    static List<SlotFinder.Busy> annaBusyAt13() {
        return List.of(new SlotFinder.Busy(UUID.randomUUID(), "anna", moscow(TODAY, 13, 0), moscow(TODAY, 14, 0)));
    }

    static Stream<Arguments> namedSpecialist() {
        return Stream.of(
                Arguments.of("Хочу к Анне на стрижку", only("haircut", "anna")),
                // nlu missed the name: routing reads it
                Arguments.of("Хочу к Анне на стрижку", only("haircut", null)),
                Arguments.of("можно к мастеру Ане подстричься", only("haircut", null)));
    }

    @ParameterizedTest(name = "{0} / nlu staff={1}")
    @MethodSource("namedSpecialist")
    void aNamedSpecialistsNearestSlotsAreOffered(String text, Entities e) {
        Decision d = policy.decide(salon, DialogState.fresh(), text, book(e), annaBusyAt13(), NOW);
        assertThat(d.reply()).isEqualTo("У мастера Анна ближайшее: 25.11 (ср): 14:00, 15:00 или 16:00 — какое время"
                + " удобно?");
        assertThat(d.pending().staffId()).isEqualTo("anna");
    }

    @Test
    void choosingAnOfferedSlotBooksTheNamedSpecialist() {
        // Екатерина comes first in tenants.yaml and is free at 14:00 too
        List<SlotFinder.Busy> busy = List.of(
                new SlotFinder.Busy(UUID.randomUUID(), "anna", moscow(TODAY, 13, 0), moscow(TODAY, 14, 0)));
        Tenant katyaFirst = TestTenants.salon(List.of(
                new Tenant.Staff("katya", "Екатерина", "specialist", null, List.of("haircut")),
                new Tenant.Staff("anna", "Анна", "specialist", null, List.of("haircut"))));
        Decision offer = policy.decide(katyaFirst, DialogState.fresh(), "к Анне на стрижку",
                book(only("haircut", "anna")), busy, NOW);
        DialogState after = new DialogState(offer.state(), offer.pending(), null, offer.offered(), true, true,
                false);
        Decision d = policy.decide(katyaFirst, after, "первый",
                new Classification("OTHER", 0.3, false, true, Entities.none(), "test"), busy, NOW);
        assertThat(d.booking()).isNotNull();
        assertThat(d.booking().staffId()).isEqualTo("anna");
        assertThat(d.booking().startsAt()).isEqualTo(moscow(TODAY, 14, 0));
    }

    @Test
    void aSpecialistAndAPartOfTheDay() {
        Decision d = policy.decide(salon, DialogState.fresh(), "к Анне на стрижку завтра вечером",
                book(interval("haircut", THURSDAY, null, THURSDAY, 17, 21, "anna")), List.of(), NOW);
        assertThat(d.reply()).isEqualTo("У мастера Анна ближайшее: 26.11 (чт): 17:00, 18:00 или 19:00 — какое время"
                + " удобно?");
    }

    @Test
    void aSpecialistWithNothingFreeIsSaidAndTheNearestFreeOneOffered() {
        List<SlotFinder.Busy> annaAway = List.of(new SlotFinder.Busy(null, "anna", NOW,
                NOW.plus(Duration.ofDays(20))));
        Decision d = policy.decide(salon, DialogState.fresh(), "к Анне на стрижку вечером",
                book(only("haircut", "anna")), annaAway, NOW);
        assertThat(d.reply()).isEqualTo("У мастера Анна в ближайшие две недели нет свободного времени в это время."
                + " Ближайшее у других мастеров: 25.11 (ср): 17:00, 18:00 или 19:00 — какое время удобно?");
        assertThat(d.pending().staffId()).isNull();
        Decision chosen = policy.decide(salon, new DialogState(d.state(), d.pending(), null, d.offered(), true, true,
                false), "давайте 18:00", book(new Entities(null, null, LocalTime.of(18, 0), null, null)), annaAway,
                NOW);
        assertThat(chosen.booking().staffId()).isEqualTo("katya");
    }

    @Test
    void aSpecialistAtAnExactTimeIsBookedWithThatPerson() {
        Decision d = policy.decide(salon, DialogState.fresh(), "к Кате на стрижку завтра в 15",
                book(new Entities("haircut", THURSDAY, LocalTime.of(15, 0), null, null, "katya", null, null)),
                List.of(), NOW);
        assertThat(d.booking().staffId()).isEqualTo("katya");
    }

    @Test
    void afterAnOfferAPartOfTheDayAsksForOtherSlots() {
        Decision offer = policy.decide(salon, DialogState.fresh(), "стрижка завтра утром",
                book(interval("haircut", THURSDAY, null, THURSDAY, 8, 12, null)), List.of(), NOW);
        Decision d = policy.decide(salon, new DialogState(offer.state(), offer.pending(), null, offer.offered(), true,
                true, false), "а после 17?", book(interval(null, null, LocalTime.of(17, 0), TODAY, 17, 21, null)),
                List.of(), NOW);
        assertThat(d.booking()).isNull();
        // the day under discussion stays: tomorrow after 17
        assertThat(d.offered()).containsExactly(at(THURSDAY, 17), at(THURSDAY, 18), at(THURSDAY, 19));
    }

    @Test
    void aSpecialistWhoDoesNotDoTheServiceIsSaidSo() {
        Decision d = policy.decide(salon, DialogState.fresh(), "к Анне на маникюр завтра утром",
                book(interval("manicure", THURSDAY, null, THURSDAY, 8, 12, "anna")), List.of(), NOW);
        assertThat(d.reply()).isEqualTo("Анна не выполняет «Маникюр». Ближайшее у других мастеров: 26.11 (чт):"
                + " 09:00, 10:00 или 11:00 — какое время удобно?");
    }

    @Test
    void theClinicSaysAppointment() {
        Tenant asClinic = new Tenant(salon.id(), salon.name(), "Europe/Moscow", "clinic", "OTKLIK_TEST_API_KEY",
                null, null, salon.hours(), salon.staff(), salon.services(), null, null);
        Decision d = policy.decide(asClinic, DialogState.fresh(), "к Анне на стрижку завтра утром",
                book(interval("haircut", THURSDAY, null, THURSDAY, 8, 12, "anna")), List.of(), NOW);
        assertThat(d.reply()).isEqualTo("Ближайший приём у врача Анна: 26.11 (чт): 09:00, 10:00 или 11:00 — какое"
                + " время удобно?");
    }

    @Test
    void theSpecialistIsKeptWithTheOfferedSlots() {
        List<LocalDateTime> offered = List.of(at(THURSDAY, 9), at(THURSDAY, 10));
        String stored = ConversationStore.offeredColumn("anna", offered);
        assertThat(stored).isEqualTo("staff=anna,2026-11-26T09:00,2026-11-26T10:00");
        assertThat(ConversationStore.slots(stored)).containsExactlyElementsOf(offered);
        assertThat(ConversationStore.pendingStaff(stored)).isEqualTo("anna");
        // rows written before: no specialist
        assertThat(ConversationStore.pendingStaff("2026-11-26T09:00")).isNull();
        assertThat(ConversationStore.offeredColumn(null, List.of())).isNull();
        assertThat(ConversationStore.slots(ConversationStore.offeredColumn("anna", List.of()))).isEmpty();
    }
}
