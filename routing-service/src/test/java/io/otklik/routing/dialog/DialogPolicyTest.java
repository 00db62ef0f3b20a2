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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every branch of the dialog, with the demo salon and now = Wed 25.11.2026 12:00 Moscow. */
class DialogPolicyTest {

    final Tenant salon = TestTenants.salon();
    final DialogPolicy policy = new DialogPolicy();
    static final LocalTime T15 = LocalTime.of(15, 0);

    static Classification classified(String intent, Entities entities) {
        return new Classification(intent, 0.9, false, false, entities, "test");
    }

    static Classification classified(String intent) {
        return classified(intent, Entities.none());
    }

    static Entities booking(String service, LocalDate date, LocalTime time) {
        return new Entities(service, date, time, null, null);
    }

    static DialogState.Appointment appointment(String status) {
        return new DialogState.Appointment(UUID.randomUUID(), "haircut", "anna", moscow(THURSDAY, 15, 0),
                moscow(THURSDAY, 16, 0), status);
    }

    static DialogState with(ConversationState state, DialogState.Pending pending, DialogState.Appointment a) {
        return new DialogState(state, pending, a);
    }

    static List<SlotFinder.Busy> bothBusyAt15() {
        return List.of(new SlotFinder.Busy(UUID.randomUUID(), "anna", moscow(THURSDAY, 15, 0), moscow(THURSDAY, 16, 0)),
                new SlotFinder.Busy(UUID.randomUUID(), "katya", moscow(THURSDAY, 15, 0), moscow(THURSDAY, 16, 0)));
    }

    Decision decide(DialogState state, Classification c) {
        return policy.decide(salon, state, c, List.of(), NOW);
    }

    @Nested
    class Booking {

        @Test
        void completeRequestWithAFreeSlotBooksAndAsksForConfirmation() {
            Decision d = decide(DialogState.fresh(), classified("BOOK", booking("haircut", THURSDAY, T15)));
            assertThat(d.reply()).isEqualTo("Готово! Записали вас на «Стрижка» 26.11 (чт) в 15:00, мастер Анна."
                    + " Стоимость 1500 ₽. Подтвердите, пожалуйста, ответом «Да».");
            assertThat(d.booking()).isEqualTo(new Decision.Booking("haircut", "Стрижка", 1500, "anna", "Анна",
                    moscow(THURSDAY, 15, 0), moscow(THURSDAY, 16, 0), null, null));
            assertThat(d.openLead()).isTrue();
            assertThat(d.fallback()).isFalse();
            assertThat(d.intent()).isEqualTo("BOOK");
            assertThat(d.state()).isEqualTo(ConversationState.BOOKED);
            assertThat(d.pending()).isEqualTo(DialogState.Pending.NONE);
            assertThat(d.confirm()).isFalse();
            assertThat(d.cancel()).isFalse();
            assertThat(d.handoff()).isNull();
        }

        @Test
        void takenSlotOffersAlternativesKeepsServiceAndDayAndABareTimeThenBooks() {
            Decision offer = policy.decide(salon, DialogState.fresh(),
                    classified("BOOK", booking("haircut", THURSDAY, T15)), bothBusyAt15(), NOW);
            assertThat(offer.reply()).isEqualTo("На 15:00 свободных мастеров нет. Могу предложить 16:00, 17:00 или"
                    + " 18:00 — какое время удобно?");
            assertThat(offer.booking()).isNull();
            assertThat(offer.openLead()).isTrue();
            assertThat(offer.state()).isEqualTo(ConversationState.OFFERED);
            // the requested time stays pending ("а завтра?" means 15:00 tomorrow), the offer is remembered
            assertThat(offer.pending()).isEqualTo(new DialogState.Pending("haircut", THURSDAY, T15));
            assertThat(offer.offered()).containsExactly(THURSDAY.atTime(16, 0), THURSDAY.atTime(17, 0),
                    THURSDAY.atTime(18, 0));

            // "Давайте в 16:00": the classifier may call it anything, even with low confidence
            Classification bareTime = new Classification("OTHER", 0.3, false, true,
                    new Entities(null, null, LocalTime.of(16, 0), null, null), "test");
            Decision booked = policy.decide(salon, with(offer.state(), offer.pending(), null), bareTime,
                    bothBusyAt15(), NOW);
            assertThat(booked.reply()).isEqualTo("Готово! Записали вас на «Стрижка» 26.11 (чт) в 16:00, мастер"
                    + " Анна. Стоимость 1500 ₽. Подтвердите, пожалуйста, ответом «Да».");
            assertThat(booked.booking().startsAt()).isEqualTo(moscow(THURSDAY, 16, 0));
            assertThat(booked.fallback()).isFalse();
            assertThat(booked.intent()).isEqualTo("BOOK");
        }

        @Test
        void aFullDayOffersTheNextDayAndMovesThePendingDay() {
            List<SlotFinder.Busy> full = List.of(
                    new SlotFinder.Busy(UUID.randomUUID(), "anna", moscow(THURSDAY, 9, 0), moscow(THURSDAY, 21, 0)),
                    new SlotFinder.Busy(UUID.randomUUID(), "katya", moscow(THURSDAY, 9, 0), moscow(THURSDAY, 21, 0)));
            Decision d = policy.decide(salon, DialogState.fresh(),
                    classified("BOOK", booking("haircut", THURSDAY, T15)), full, NOW);
            assertThat(d.reply()).isEqualTo("На 15:00 свободных мастеров нет. Могу предложить 27.11 (пт): 09:00,"
                    + " 10:00 или 11:00 — какое время удобно?");
            assertThat(d.pending()).isEqualTo(new DialogState.Pending("haircut", THURSDAY.plusDays(1), T15));
        }

        @Test
        void alternativesOnSeveralDaysNameTheirDay() {
            List<SlotFinder.Busy> busy = List.of(
                    new SlotFinder.Busy(UUID.randomUUID(), "anna", moscow(THURSDAY, 9, 0), moscow(THURSDAY, 20, 0)),
                    new SlotFinder.Busy(UUID.randomUUID(), "katya", moscow(THURSDAY, 9, 0), moscow(THURSDAY, 20, 0)));
            Decision d = policy.decide(salon, DialogState.fresh(),
                    classified("BOOK", booking("haircut", THURSDAY, T15)), busy, NOW);
            assertThat(d.reply()).isEqualTo("На 15:00 свободных мастеров нет. Могу предложить 20:00, 27.11 (пт) в"
                    + " 09:00 или 27.11 (пт) в 10:00 — какое время удобно?");
        }

        @Test
        void aVisitPastClosingTimeSaysWhyAndOffersTimesThatFit() {
            Decision d = decide(DialogState.fresh(),
                    classified("BOOK", booking("coloring", THURSDAY, LocalTime.of(20, 0))));
            assertThat(d.reply()).isEqualTo("На 20:00 записать не получится: «Окрашивание» длится 120 мин, а мы"
                    + " работаем до 21:00. Могу предложить 17:00, 18:00 или 19:00 — какое время удобно?");
            Decision early = decide(DialogState.fresh(),
                    classified("BOOK", booking("haircut", THURSDAY, LocalTime.of(7, 0))));
            assertThat(early.reply()).startsWith("На 07:00 записать не получится: мы работаем с 09:00 до 21:00."
                    + " Могу предложить 09:00, 10:00 или 11:00");
        }

        @Test
        void aTimeInThePastIsNotBooked() {
            LocalDate today = LocalDate.of(2026, 11, 25);
            Decision d = decide(DialogState.fresh(),
                    classified("BOOK", booking("haircut", today, LocalTime.of(10, 0))));
            assertThat(d.booking()).isNull();
            assertThat(d.reply()).isEqualTo("Время 25.11 в 10:00 уже прошло. Могу предложить 13:00, 14:00 или 15:00"
                    + " — какое время удобно?");
        }

        @Test
        void missingPartsAreAskedForOneByOneAndKnownOnesStayPending() {
            Decision noService = decide(DialogState.fresh(), classified("BOOK", booking(null, THURSDAY, T15)));
            assertThat(noService.reply())
                    .isEqualTo("На какую услугу вас записать? У нас: Стрижка, Окрашивание, Маникюр, Педикюр.");
            assertThat(noService.pending()).isEqualTo(new DialogState.Pending(null, THURSDAY, T15));
            assertThat(noService.state()).isEqualTo(ConversationState.COLLECTING);
            assertThat(noService.openLead()).isTrue();
            assertThat(noService.booking()).isNull();

            Decision noDay = decide(DialogState.fresh(), classified("BOOK", booking("manicure", null, null)));
            assertThat(noDay.reply()).isEqualTo("На какой день и время вам удобно?");
            assertThat(noDay.pending()).isEqualTo(new DialogState.Pending("manicure", null, null));

            Decision noTime = decide(with(noDay.state(), noDay.pending(), null),
                    classified("OTHER", booking(null, THURSDAY, null)));
            assertThat(noTime.reply()).isEqualTo("На какое время записать вас 26.11?");
            assertThat(noTime.pending()).isEqualTo(new DialogState.Pending("manicure", THURSDAY, null));

            Decision done = decide(with(noTime.state(), noTime.pending(), null),
                    classified("BOOK", booking(null, null, LocalTime.of(11, 0))));
            assertThat(done.booking().serviceCode()).isEqualTo("manicure");
            assertThat(done.booking().staffId()).isEqualTo("katya");
            assertThat(done.reply()).isEqualTo("Готово! Записали вас на «Маникюр» 26.11 (чт) в 11:00, мастер"
                    + " Екатерина. Стоимость 1800 ₽. Подтвердите, пожалуйста, ответом «Да».");

            Decision timeOnly = decide(DialogState.fresh(), classified("BOOK", booking("haircut", null, T15)));
            assertThat(timeOnly.reply()).isEqualTo("На какой день записать вас в 15:00?");
            assertThat(timeOnly.pending()).isEqualTo(new DialogState.Pending("haircut", null, T15));
        }

        @Test
        void aServiceMissingFromTheCatalogueIsAskedForAgain() {
            Decision d = decide(DialogState.fresh(), classified("BOOK", booking("massage", THURSDAY, T15)));
            assertThat(d.reply()).startsWith("На какую услугу вас записать?");
            assertThat(d.booking()).isNull();
        }
    }

    @Nested
    class Confirmation {

        @Test
        void confirmingABookedAppointment() {
            Decision d = decide(with(ConversationState.BOOKED, null, appointment("BOOKED")), classified("CONFIRM"));
            assertThat(d.reply()).isEqualTo("Спасибо, запись подтверждена! Ждём вас 26.11 в 15:00.");
            assertThat(d.confirm()).isTrue();
            assertThat(d.state()).isEqualTo(ConversationState.CONFIRMED);
            assertThat(d.booking()).isNull();
        }

        @Test
        void confirmingTwiceChangesNothing() {
            Decision d = decide(with(ConversationState.CONFIRMED, null, appointment("CONFIRMED")),
                    classified("CONFIRM"));
            assertThat(d.reply()).isEqualTo("Ваша запись уже подтверждена. Ждём вас 26.11 в 15:00.");
            assertThat(d.confirm()).isFalse();
        }

        @Test
        void yesWithoutAnythingToConfirmIsAPoliteQuestionAndNoLead() {
            Decision d = decide(DialogState.fresh(), classified("CONFIRM"));
            assertThat(d.reply()).isEqualTo("Подскажите, пожалуйста, что вас интересует: записаться на услугу,"
                    + " узнать цену или задать вопрос администратору?");
            assertThat(d.confirm()).isFalse();
            assertThat(d.openLead()).isFalse();
            assertThat(d.fallback()).isFalse();
        }

        @Test
        void yesToTheBookingOfferAfterAPriceContinuesTheBooking() {
            Decision quoted = decide(DialogState.fresh(), classified("PRICE", booking("haircut", null, null)));
            Decision d = decide(with(quoted.state(), quoted.pending(), null), classified("CONFIRM"));
            assertThat(d.reply()).isEqualTo("На какой день и время вам удобно?");
            assertThat(d.intent()).isEqualTo("BOOK");
            assertThat(d.pending().service()).isEqualTo("haircut");
        }
    }

    @Nested
    class PricesAndQuestions {

        @Test
        void aNamedServiceIsAnsweredFromTheCatalogueAndOpensALead() {
            Decision d = decide(DialogState.fresh(), classified("PRICE", booking("haircut", null, null)));
            assertThat(d.reply()).isEqualTo("«Стрижка» — 1500 ₽, 60 мин. Записать вас?");
            assertThat(d.openLead()).isTrue();
            assertThat(d.state()).isEqualTo(ConversationState.QUOTED);
            assertThat(d.pending().service()).isEqualTo("haircut");
            assertThat(d.booking()).isNull();

            Decision consultation = decide(DialogState.fresh(),
                    classified("INFO", booking("coloring", null, null)));
            assertThat(consultation.reply()).isEqualTo("«Окрашивание» — 4500 ₽, 120 мин. Записать вас?");
            assertThat(consultation.intent()).isEqualTo("INFO");
        }

        @Test
        void aConsultationWithServiceDayAndTimeIsABooking() {
            Decision d = decide(DialogState.fresh(), classified("INFO", booking("haircut", THURSDAY, T15)));
            assertThat(d.intent()).isEqualTo("BOOK");
            assertThat(d.booking().startsAt()).isEqualTo(moscow(THURSDAY, 15, 0));
        }

        @Test
        void noServiceNamedGivesHoursAndTheShortPriceList() {
            Decision d = decide(DialogState.fresh(), classified("INFO"));
            assertThat(d.reply()).isEqualTo("Мы работаем ежедневно с 09:00 до 21:00. Наши цены: Стрижка — 1500 ₽,"
                    + " Окрашивание — 4500 ₽, Маникюр — 1800 ₽, Педикюр — 2200 ₽. Записать вас?");
            assertThat(d.openLead()).isTrue();
        }
    }

    @Nested
    class Handoff {

        @Test
        void complaintGoesToTheOwner() {
            Decision d = decide(DialogState.fresh(), classified("COMPLAINT"));
            assertThat(d.reply()).isEqualTo("Передал ваше обращение администратору Ольга — с вами свяжутся в"
                    + " ближайшее время.");
            assertThat(d.handoff()).isEqualTo(new Decision.Handoff("olga", "Ольга", "owner", "100200300",
                    "жалоба клиента"));
            assertThat(d.openLead()).isTrue();
            assertThat(d.state()).isEqualTo(ConversationState.HANDOFF);
        }

        @Test
        void urgentBookingIsServedByTheBotAtOnce() {
            Decision d = decide(DialogState.fresh(), new Classification("BOOK", 0.8, true, false,
                    booking("haircut", THURSDAY, T15), "test", "боль", List.of()));
            assertThat(d.handoff()).isNull();
            assertThat(d.booking()).isNotNull();
        }

        @Test
        void urgentQuestionsGoToTheOnDutyPersonWithTheReason() {
            Classification urgent = new Classification("PRICE", 0.8, true, false,
                    booking("haircut", THURSDAY, T15), "test", "срочно", List.of());
            Decision d = decide(DialogState.fresh(), urgent);
            assertThat(d.handoff().reason()).isEqualTo("срочное обращение: срочно");
            assertThat(d.reply()).isEqualTo("Передал ваше обращение администратору Марина — с вами свяжутся в"
                    + " ближайшее время.");
            assertThat(d.handoff().staffId()).isEqualTo("marina");
            assertThat(d.handoff().role()).isEqualTo("on-duty");
            assertThat(d.handoff().telegramChatId()).isEqualTo("100200301");
            assertThat(d.booking()).isNull();

            Decision urgentComplaint = decide(DialogState.fresh(),
                    new Classification("COMPLAINT", 0.8, true, false, Entities.none(), "test"));
            assertThat(urgentComplaint.handoff().staffId()).isEqualTo("olga");
        }

        @Test
        void withoutAnOwnerAComplaintGoesToTheOnDutyPerson() {
            Tenant noOwner = TestTenants.salon(List.of(new Tenant.Staff("marina", "Марина", "on-duty", "1", null)));
            Decision d = policy.decide(noOwner, DialogState.fresh(), classified("COMPLAINT"), List.of(), NOW);
            assertThat(d.handoff().staffId()).isEqualTo("marina");
        }

        @Test
        void theOnDutyPersonIsWhoeverTheRotaNamesAtThatMoment() {
            Tenant fitness = TestTenants.fitness();
            Instant day = java.time.LocalDateTime.parse("2026-12-01T12:00").atZone(TestTenants.VLADIVOSTOK)
                    .toInstant();
            Instant night = java.time.LocalDateTime.parse("2026-12-01T23:30").atZone(TestTenants.VLADIVOSTOK)
                    .toInstant();
            Decision byDay = policy.decide(fitness, DialogState.fresh(), classified("HUMAN"), List.of(), day);
            Decision byNight = policy.decide(fitness, DialogState.fresh(), classified("HUMAN"), List.of(), night);
            assertThat(byDay.handoff()).extracting(Decision.Handoff::staffId, Decision.Handoff::role)
                    .containsExactly("darya", "on-duty");
            // the owner covers the after-hours shift: the handoff names the role he fills then
            assertThat(byNight.handoff()).extracting(Decision.Handoff::staffId, Decision.Handoff::role)
                    .containsExactly("pavel", "on-duty");
        }
    }

    @Nested
    class CancelAndReschedule {

        @Test
        void cancellingTheAppointment() {
            Decision d = decide(with(ConversationState.CONFIRMED, null, appointment("CONFIRMED")),
                    classified("CANCEL"));
            assertThat(d.reply()).isEqualTo("Запись на 26.11 в 15:00 отменена. Если захотите выбрать другое время —"
                    + " напишите.");
            assertThat(d.cancel()).isTrue();
            assertThat(d.state()).isEqualTo(ConversationState.CANCELLED);
        }

        @Test
        void cancellingWithoutAnAppointment() {
            Decision d = decide(DialogState.fresh(), classified("CANCEL"));
            assertThat(d.reply()).isEqualTo("Не нашёл у вас активной записи. Если хотите записаться — напишите, на"
                    + " какую услугу и когда.");
            assertThat(d.cancel()).isFalse();
            assertThat(d.openLead()).isTrue();
        }

        @Test
        void rescheduleWithANewTimeMovesTheAppointmentWithItsSpecialist() {
            DialogState.Appointment a = appointment("CONFIRMED");
            Decision d = decide(with(ConversationState.CONFIRMED, null, a),
                    classified("RESCHEDULE", booking(null, THURSDAY.plusDays(1), LocalTime.of(16, 0))));
            assertThat(d.booking().reschedules()).isEqualTo(a.id());
            assertThat(d.booking().previousStartsAt()).isEqualTo(a.startsAt());
            assertThat(d.booking().staffId()).isEqualTo("anna");
            assertThat(d.booking().startsAt()).isEqualTo(moscow(THURSDAY.plusDays(1), 16, 0));
            assertThat(d.reply()).isEqualTo("Готово! Перенесли вашу запись на «Стрижка» на 27.11 (пт) в 16:00,"
                    + " мастер Анна. Подтвердите, пожалуйста, ответом «Да».");
            assertThat(d.state()).isEqualTo(ConversationState.BOOKED);
        }

        @Test
        void rescheduleToAnotherTimeTheSameDayIgnoresTheAppointmentItself() {
            DialogState.Appointment a = appointment("BOOKED");
            List<SlotFinder.Busy> own = List.of(new SlotFinder.Busy(a.id(), "anna", a.startsAt(), a.endsAt()));
            Decision d = policy.decide(salon, with(ConversationState.BOOKED, null, a),
                    classified("RESCHEDULE", booking(null, null, LocalTime.of(15, 30))), own, NOW);
            assertThat(d.booking().startsAt()).isEqualTo(moscow(THURSDAY, 15, 30));
        }

        @Test
        void rescheduleWithoutATimeAsksAndTheNextMessageMovesIt() {
            DialogState.Appointment a = appointment("BOOKED");
            Decision ask = decide(with(ConversationState.BOOKED, null, a), classified("RESCHEDULE"));
            assertThat(ask.reply()).isEqualTo("На какой день и время перенести вашу запись?");
            assertThat(ask.state()).isEqualTo(ConversationState.RESCHEDULING);
            assertThat(ask.booking()).isNull();

            Decision askTime = decide(with(ask.state(), ask.pending(), a),
                    classified("OTHER", booking(null, THURSDAY.plusDays(2), null)));
            assertThat(askTime.reply()).isEqualTo("На какое время перенести вашу запись на 28.11?");

            Decision moved = decide(with(askTime.state(), askTime.pending(), a),
                    classified("OTHER", booking(null, null, LocalTime.of(12, 0))));
            assertThat(moved.booking().reschedules()).isEqualTo(a.id());
            assertThat(moved.booking().startsAt()).isEqualTo(moscow(THURSDAY.plusDays(2), 12, 0));
            assertThat(moved.intent()).isEqualTo("RESCHEDULE");
        }

        @Test
        void rescheduleToATakenTimeOffersTheSpecialistsFreeTimes() {
            DialogState.Appointment a = new DialogState.Appointment(UUID.randomUUID(), "haircut", "anna",
                    moscow(THURSDAY, 10, 0), moscow(THURSDAY, 11, 0), "BOOKED");
            Decision d = policy.decide(salon, with(ConversationState.BOOKED, null, a),
                    classified("RESCHEDULE", booking(null, THURSDAY, T15)), bothBusyAt15(), NOW);
            assertThat(d.booking()).isNull();
            assertThat(d.reply()).isEqualTo("На 15:00 свободных мастеров нет. Могу предложить 16:00, 17:00 или"
                    + " 18:00 — какое время удобно?");
            assertThat(d.state()).isEqualTo(ConversationState.RESCHEDULING);
        }

        @Test
        void rescheduleWithoutAnAppointmentIsABooking() {
            Decision d = decide(DialogState.fresh(), classified("RESCHEDULE", booking("haircut", THURSDAY, T15)));
            assertThat(d.booking().reschedules()).isNull();
            assertThat(d.intent()).isEqualTo("BOOK");
        }
    }

    @Nested
    class SmallTalk {

        @Test
        void greetingIntroducesTheBotAndOpensNoLead() {
            Decision d = decide(DialogState.fresh(), classified("OTHER"));
            assertThat(d.reply()).isEqualTo("Здравствуйте! Вас приветствует Салон красоты «Лён». Могу записать вас"
                    + " на услугу или подсказать цены. Чем помочь?");
            assertThat(d.openLead()).isFalse();
            assertThat(d.fallback()).isFalse();
        }

        @Test
        void otherAndLowConfidenceAreFallbacksThatKeepTheState() {
            DialogState pending = with(ConversationState.COLLECTING,
                    new DialogState.Pending("haircut", null, null), null);
            Decision other = decide(pending, classified("OTHER"));
            assertThat(other.reply()).isEqualTo("Извините, я не совсем понял. Вы хотите записаться, узнать цену или"
                    + " задать вопрос администратору?");
            assertThat(other.fallback()).isTrue();
            assertThat(other.openLead()).isFalse();
            assertThat(other.state()).isEqualTo(ConversationState.COLLECTING);
            assertThat(other.pending()).isEqualTo(pending.pending());

            Decision unsure = decide(DialogState.fresh(), new Classification("BOOK", 0.2, false, true,
                    booking("haircut", THURSDAY, T15), "test"));
            assertThat(unsure.fallback()).isTrue();
            assertThat(unsure.booking()).isNull();
            assertThat(unsure.handoff().staffId()).as("a fallback goes to the on-duty person").isEqualTo("marina");
            assertThat(unsure.handoff().reason()).isEqualTo("бот не уверен, что понял запрос");
            assertThat(unsure.state()).isEqualTo(ConversationState.HANDOFF);
        }

        @Test
        void askingForAPersonHandsOver() {
            Decision d = decide(DialogState.fresh(), classified("HUMAN"));
            assertThat(d.handoff().role()).isEqualTo("on-duty");
            assertThat(d.handoff().reason()).isEqualTo("клиент просит связаться с человеком");
            assertThat(d.fallback()).isFalse();
        }

        @Test
        void everyIntentOfTheContractIsKnownToTheDialog() {
            for (io.otklik.events.data.Intent i : io.otklik.events.data.Intent.values()) {
                assertThat(List.of(DialogPolicy.BOOKING, DialogPolicy.RESCHEDULE, DialogPolicy.CANCEL,
                        DialogPolicy.CONFIRM, DialogPolicy.PRICE, DialogPolicy.INFO, DialogPolicy.COMPLAINT,
                        DialogPolicy.HUMAN, DialogPolicy.OTHER)).contains(i.name());
            }
        }
    }

    @Test
    void busyWindowCoversTheRequestedDayAndTheDaysAlternativesComeFrom() {
        DialogPolicy.Window w = DialogPolicy.busyWindow(salon, DialogState.fresh(),
                classified("BOOK", booking("haircut", THURSDAY, T15)), NOW);
        assertThat(w.from()).isEqualTo(moscow(THURSDAY.minusDays(2), 0, 0));
        // the nearest slots for a part of the day or a specialist are searched over two weeks from that day
        assertThat(w.to()).isEqualTo(moscow(THURSDAY.plusDays(15), 0, 0));
        DialogPolicy.Window none = DialogPolicy.busyWindow(salon, DialogState.fresh(), classified("OTHER"), NOW);
        assertThat(none.to()).isEqualTo(moscow(THURSDAY.minusDays(1).plusDays(15), 0, 0));
    }
}
