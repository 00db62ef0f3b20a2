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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The dialog's newer turns, pure: answers to an offer of slots, asking for the phone, the FAQ, per-segment texts
 * and replies to a reminder. The demo salon, now = Wed 25.11.2026 12:00 Moscow.
 */
class DialogChoicesTest {

    final Tenant salon = TestTenants.salon();
    final DialogPolicy policy = new DialogPolicy();
    static final LocalTime T15 = LocalTime.of(15, 0);
    static final LocalDate FRIDAY = THURSDAY.plusDays(1);

    static Classification classified(String intent, Entities entities) {
        return new Classification(intent, 0.9, false, false, entities, "test");
    }

    static Entities when(LocalDate date, LocalTime time) {
        return new Entities(null, date, time, null, null);
    }

    static List<SlotFinder.Busy> bothBusyAt15() {
        return List.of(new SlotFinder.Busy(UUID.randomUUID(), "anna", moscow(THURSDAY, 15, 0), moscow(THURSDAY, 16, 0)),
                new SlotFinder.Busy(UUID.randomUUID(), "katya", moscow(THURSDAY, 15, 0), moscow(THURSDAY, 16, 0)));
    }

    /** The state after "стрижка в четверг в 15:00" was refused and 16, 17 and 18 were offered. */
    Decision offer() {
        return policy.decide(salon, DialogState.fresh(), "Хочу на стрижку в четверг в 15:00",
                classified("BOOK", new Entities("haircut", THURSDAY, T15, null, null)), bothBusyAt15(), NOW);
    }

    static DialogState after(Decision d) {
        return new DialogState(d.state(), d.pending(), null, d.offered(), true, true, false);
    }

    Decision answer(Decision offer, String text, Classification c) {
        return policy.decide(salon, after(offer), text, c, bothBusyAt15(), NOW);
    }

    @Nested
    class AnswersToAnOffer {

        @Test
        void theOfferIsRemembered() {
            Decision d = offer();
            assertThat(d.reply()).isEqualTo("На 15:00 свободных мастеров нет. Могу предложить 16:00, 17:00 или 18:00"
                    + " — какое время удобно?");
            assertThat(d.state()).isEqualTo(ConversationState.OFFERED);
            assertThat(d.offered()).containsExactly(THURSDAY.atTime(16, 0), THURSDAY.atTime(17, 0),
                    THURSDAY.atTime(18, 0));
        }

        @Test
        void aBareNumberBooksThatSlotWhateverTheClassifierSaid() {
            Decision d = answer(offer(), "2", new Classification("OTHER", 0.3, false, true, Entities.none(), "t"));
            assertThat(d.booking().startsAt()).isEqualTo(moscow(THURSDAY, 17, 0));
            assertThat(d.booking().serviceCode()).isEqualTo("haircut");
            assertThat(d.intent()).isEqualTo("BOOK");
            assertThat(d.fallback()).isFalse();
            assertThat(d.reply()).isEqualTo("Готово! Записали вас на «Стрижка» 26.11 (чт) в 17:00, мастер Анна."
                    + " Стоимость 1500 ₽. Подтвердите, пожалуйста, ответом «Да».");
            assertThat(d.offered()).isEmpty();
        }

        @Test
        void anOrdinalWordClassifiedAsConfirmBooksThatSlot() {
            Decision d = answer(offer(), "Второй", classified("CONFIRM", Entities.none()));
            assertThat(d.booking().startsAt()).isEqualTo(moscow(THURSDAY, 17, 0));
            Decision third = answer(offer(), "давайте третий", classified("BOOK", Entities.none()));
            assertThat(third.booking().startsAt()).isEqualTo(moscow(THURSDAY, 18, 0));
        }

        @Test
        void aTimeBooksTheOfferedSlotOrTriesAnother() {
            Decision sixteen = answer(offer(), "давайте в 16:00", classified("BOOK", when(null, LocalTime.of(16, 0))));
            assertThat(sixteen.booking().startsAt()).isEqualTo(moscow(THURSDAY, 16, 0));
            Decision eleven = answer(offer(), "а в 11?", classified("BOOK", when(null, LocalTime.of(11, 0))));
            assertThat(eleven.booking().startsAt()).isEqualTo(moscow(THURSDAY, 11, 0));
        }

        @Test
        void tomorrowOffersTheSameTimeOnThatDay() {
            Decision d = answer(offer(), "а завтра?", classified("INFO", when(FRIDAY, null)));
            assertThat(d.booking()).isNull();
            assertThat(d.reply()).isEqualTo("На 27.11 (пт) могу предложить 15:00, 16:00 или 17:00 — какое время"
                    + " удобно?");
            assertThat(d.state()).isEqualTo(ConversationState.OFFERED);
            assertThat(d.offered()).containsExactly(FRIDAY.atTime(15, 0), FRIDAY.atTime(16, 0), FRIDAY.atTime(17, 0));
            assertThat(d.pending()).isEqualTo(new DialogState.Pending("haircut", FRIDAY, T15));
            assertThat(d.openLead()).isTrue();

            Decision first = answer(d, "первый", classified("OTHER", Entities.none()));
            assertThat(first.booking().startsAt()).isEqualTo(moscow(FRIDAY, 15, 0));
        }

        @Test
        void laterAndEarlier() {
            Decision later = answer(offer(), "а попозже?", classified("BOOK", Entities.none()));
            assertThat(later.reply()).isEqualTo("Позже могу предложить 19:00, 20:00 или 27.11 (пт) в 09:00 — какое"
                    + " время удобно?");
            assertThat(later.offered()).containsExactly(THURSDAY.atTime(19, 0), THURSDAY.atTime(20, 0),
                    FRIDAY.atTime(9, 0));
            Decision earlier = answer(offer(), "пораньше можно?", classified("BOOK", Entities.none()));
            assertThat(earlier.reply()).isEqualTo("Пораньше могу предложить 12:00, 13:00 или 14:00 — какое время"
                    + " удобно?");
            // nothing earlier than 09:00: the offer stands
            Decision morning = answer(earlier, "а ещё раньше?", classified("BOOK", Entities.none()));
            Decision earliest = answer(morning, "а ещё раньше?", classified("BOOK", Entities.none()));
            assertThat(morning.offered()).containsExactly(THURSDAY.atTime(9, 0), THURSDAY.atTime(10, 0),
                    THURSDAY.atTime(11, 0));
            assertThat(earliest.reply()).isEqualTo("Раньше свободного времени нет. Остаются 09:00, 10:00 или 11:00 —"
                    + " какое время удобно?");
            assertThat(earliest.offered()).isEqualTo(morning.offered());
        }

        @Test
        void somethingElseIsNotAChoiceAndTheOfferStays() {
            Decision d = answer(offer(), "4", classified("OTHER", Entities.none()));
            assertThat(d.booking()).isNull();
            assertThat(d.fallback()).isTrue();
            assertThat(d.offered()).hasSize(3);
            Decision complaint = answer(offer(), "2 часа жду ответа!", classified("COMPLAINT", Entities.none()));
            assertThat(complaint.handoff()).isNotNull();
        }

        @Test
        void aMoveChoosesAmongTheSpecialistsOwnFreeTimes() {
            DialogState.Appointment a = new DialogState.Appointment(UUID.randomUUID(), "haircut", "anna",
                    moscow(THURSDAY, 10, 0), moscow(THURSDAY, 11, 0), "BOOKED");
            List<SlotFinder.Busy> busy = List.of(new SlotFinder.Busy(a.id(), "anna", a.startsAt(), a.endsAt()),
                    new SlotFinder.Busy(UUID.randomUUID(), "anna", moscow(THURSDAY, 15, 0), moscow(THURSDAY, 16, 0)));
            Decision offer = policy.decide(salon, new DialogState(ConversationState.BOOKED, null, a),
                    "перенесите на 15", classified("RESCHEDULE", when(THURSDAY, T15)), busy, NOW);
            assertThat(offer.state()).isEqualTo(ConversationState.RESCHEDULING);
            assertThat(offer.offered()).containsExactly(THURSDAY.atTime(16, 0), THURSDAY.atTime(17, 0),
                    THURSDAY.atTime(18, 0));
            Decision moved = policy.decide(salon, new DialogState(offer.state(), offer.pending(), a, offer.offered(),
                    true, true, false), "первый", classified("OTHER", Entities.none()), busy, NOW);
            assertThat(moved.booking().reschedules()).isEqualTo(a.id());
            assertThat(moved.booking().startsAt()).isEqualTo(moscow(THURSDAY, 16, 0));
            assertThat(moved.intent()).isEqualTo("RESCHEDULE");
        }
    }

    @Nested
    class PhoneAndName {

        @Test
        void withoutAPhoneTheBotAsksForItAndBooksWhenItComes() {
            DialogState noPhone = new DialogState(ConversationState.IDLE, null, null, List.of(), false, true, false);
            Decision ask = policy.decide(salon, noPhone, "Хочу на стрижку в четверг в 15",
                    classified("BOOK", new Entities("haircut", THURSDAY, T15, null, null)), List.of(), NOW);
            assertThat(ask.booking()).isNull();
            assertThat(ask.reply()).isEqualTo("«Стрижка» 26.11 (чт) в 15:00 — свободно. Чтобы записать вас,"
                    + " напишите, пожалуйста, номер телефона для связи.");
            assertThat(ask.state()).isEqualTo(ConversationState.COLLECTING);
            assertThat(ask.pending()).isEqualTo(new DialogState.Pending("haircut", THURSDAY, T15));

            // the number, whatever nlu called it ("наберите по номеру…" reads as HUMAN)
            DialogState withPhone = new DialogState(ask.state(), ask.pending(), null, List.of(), true, true, false);
            Decision booked = policy.decide(salon, withPhone, "+7 916 555-12-34",
                    classified("HUMAN", new Entities(null, null, null, "+79165551234", null)), List.of(), NOW);
            assertThat(booked.booking().startsAt()).isEqualTo(moscow(THURSDAY, 15, 0));
            assertThat(booked.handoff()).isNull();
        }

        @Test
        void withoutANameEitherBothAreAskedFor() {
            DialogState unknown = new DialogState(ConversationState.IDLE, null, null, List.of(), false, false, false);
            Decision ask = policy.decide(salon, unknown, "маникюр в четверг в 15",
                    classified("BOOK", new Entities("manicure", THURSDAY, T15, null, null)), List.of(), NOW);
            assertThat(ask.reply()).endsWith("напишите, пожалуйста, ваше имя и номер телефона.");
        }
    }

    @Nested
    class Faq {

        final Tenant withFaq = new Tenant("demo-salon", "Салон красоты «Лён»", "Europe/Moscow", "salon", null, null,
                null, salon.hours(), salon.staff(), salon.services(), null, null, null, List.of(
                new Tenant.Faq("address", List.of("адрес", "где вы", "где наход"), "Мы на ул. Льва Толстого, 16."),
                new Tenant.Faq("parking", List.of("парков"), "Парковка во дворе.")));

        Decision ask(String text) {
            return policy.decide(withFaq, DialogState.fresh(), text, classified("INFO", Entities.none()), List.of(),
                    NOW);
        }

        @Test
        void aQuestionWithAKeywordGetsItsAnswers() {
            assertThat(ask("Где вы находитесь?").reply()).isEqualTo("Мы на ул. Льва Толстого, 16. Чем ещё помочь?"
                    + " Могу записать вас на удобное время.");
            assertThat(ask("Подскажите адрес и есть ли ПАРКОВКА").reply())
                    .startsWith("Мы на ул. Льва Толстого, 16. Парковка во дворе.");
            assertThat(ask("Где вы находитесь?").openLead()).isTrue();
        }

        @Test
        void otherwiseHoursAndPrices() {
            assertThat(ask("Вы делаете кератин?").reply()).startsWith("Мы работаем ежедневно с 09:00 до 21:00. Наши"
                    + " цены:");
        }
    }

    @Nested
    class Segments {

        static final ZoneId YEKATERINBURG = ZoneId.of("Asia/Yekaterinburg");
        // NOW is 14:00 in Yekaterinburg
        static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

        static Tenant tenant(String segment, List<Tenant.Service> services) {
            return new Tenant("t-" + segment, "Тест", "Asia/Yekaterinburg", segment, null, null, null,
                    new Tenant.Hours(LocalTime.of(8, 0), LocalTime.of(20, 0), 30), List.of(
                    new Tenant.Staff("irina", "Ирина", "on-duty", "1", null),
                    new Tenant.Staff("petrov", "Пётр Петров", "specialist", null,
                            services.stream().map(Tenant.Service::code).toList())), services, null, null);
        }

        static java.time.Instant at(LocalDate day, int h, int m) {
            return ZonedDateTime.of(day.atTime(h, m), YEKATERINBURG).toInstant();
        }

        @Test
        void clinicSameDayNamesTheQueueAndTheDocuments() {
            Tenant clinic = tenant("clinic", List.of(new Tenant.Service("cleaning", "Чистка зубов", 5000, 60,
                    null)));
            List<SlotFinder.Busy> busy = List.of(
                    new SlotFinder.Busy(UUID.randomUUID(), "petrov", at(TODAY, 14, 30), at(TODAY, 15, 0)),
                    new SlotFinder.Busy(UUID.randomUUID(), "petrov", at(TODAY, 15, 0), at(TODAY, 16, 0)),
                    new SlotFinder.Busy(UUID.randomUUID(), "petrov", at(TODAY, 18, 0), at(TODAY, 19, 0)));
            Decision d = policy.decide(clinic, DialogState.fresh(), "почистить зубы сегодня в 16",
                    classified("BOOK", new Entities("cleaning", TODAY, LocalTime.of(16, 0), null, null)), busy, NOW);
            assertThat(d.reply()).isEqualTo("Готово! Записали вас на «Чистка зубов» 25.11 (ср) в 16:00, врач Пётр"
                    + " Петров. Стоимость 5000 ₽. Перед вами к врачу сегодня записано пациентов: 2. Возьмите,"
                    + " пожалуйста, паспорт и полис ОМС или ДМС. Подтвердите запись ответом «Да».");
            Decision tomorrow = policy.decide(clinic, DialogState.fresh(), "завтра в 10",
                    classified("BOOK", new Entities("cleaning", TODAY.plusDays(1), LocalTime.of(10, 0), null, null)),
                    busy, NOW);
            assertThat(tomorrow.reply()).doesNotContain("Перед вами").contains("паспорт и полис ОМС или ДМС");
        }

        @Test
        void fitnessNamesTheTrainerAndOffersATrial() {
            Tenant fitness = tenant("fitness", List.of(
                    new Tenant.Service("trial", "Пробная тренировка", 500, 60, null),
                    new Tenant.Service("personal", "Персональная тренировка", 2500, 60, null)));
            assertThat(policy.decide(fitness, DialogState.fresh(), "Здравствуйте",
                    classified("OTHER", Entities.none()), List.of(), NOW).reply())
                    .isEqualTo("Здравствуйте! Вас приветствует Тест. Могу записать вас на тренировку или подсказать"
                            + " цены. Для новых клиентов — «Пробная тренировка» за 500 ₽. Чем помочь?");
            Decision d = policy.decide(fitness, DialogState.fresh(), "персональная завтра в 10",
                    classified("BOOK", new Entities("personal", TODAY.plusDays(1), LocalTime.of(10, 0), null, null)),
                    List.of(), NOW);
            assertThat(d.reply()).startsWith("Готово! Записали вас на «Персональная тренировка» 26.11 (чт) в 10:00,"
                    + " тренер Пётр Петров.");
        }

        @Test
        void servicesQuotePriceAndDuration() {
            Tenant shop = tenant("services", List.of(new Tenant.Service("oil", "Замена масла", 1200, 45, null)));
            assertThat(policy.decide(shop, DialogState.fresh(), "сколько стоит замена масла",
                    classified("PRICE", new Entities("oil", null, null, null, null)), List.of(), NOW).reply())
                    .isEqualTo("«Замена масла» — 1200 ₽, займёт около 45 мин. Записать вас?");
            assertThat(policy.decide(shop, DialogState.fresh(), "замена масла завтра в 10",
                    classified("BOOK", new Entities("oil", TODAY.plusDays(1), LocalTime.of(10, 0), null, null)),
                    List.of(), NOW).reply()).contains("Стоимость 1200 ₽, работа займёт около 45 мин.");
        }
    }

    @Nested
    class ReminderReplies {

        final DialogState.Appointment reminded = new DialogState.Appointment(UUID.randomUUID(), "haircut", "anna",
                moscow(THURSDAY, 15, 0), moscow(THURSDAY, 16, 0), "BOOKED");

        @Test
        void yesConfirmsTheRemindedAppointment() {
            Decision d = policy.decide(salon, new DialogState(ConversationState.BOOKED, null, reminded, List.of(),
                    true, true, true), "да, буду", classified("CONFIRM", Entities.none()), List.of(), NOW);
            assertThat(d.confirm()).isTrue();
            assertThat(d.reply()).isEqualTo("Спасибо, что подтвердили! Ждём вас 26.11 в 15:00.");
        }

        @Test
        void cannotComeCancelsIt() {
            Decision d = policy.decide(salon, new DialogState(ConversationState.CONFIRMED, null, reminded, List.of(),
                    true, true, true), "не смогу", classified("CANCEL", Entities.none()), List.of(), NOW);
            assertThat(d.cancel()).isTrue();
            assertThat(d.reply()).isEqualTo("Запись на 26.11 в 15:00 отменена. Если захотите выбрать другое время —"
                    + " напишите.");
        }
    }

    @Test
    void offeredSlotsSurviveTheirStorageForm() {
        List<LocalDateTime> slots = List.of(THURSDAY.atTime(16, 0), FRIDAY.atTime(9, 30));
        String stored = String.join(",", slots.stream().map(LocalDateTime::toString).toList());
        assertThat(ConversationStore.slots(stored)).isEqualTo(slots);
        assertThat(ConversationStore.slots(null)).isEmpty();
    }
}
