package io.otklik.reminder;

import static io.otklik.reminder.Appointments.WAIT;
import static io.otklik.reminder.Appointments.awaitAppointment;
import static io.otklik.reminder.Appointments.awaitReminders;
import static io.otklik.reminder.Appointments.booked;
import static io.otklik.reminder.Appointments.instant;
import static io.otklik.reminder.Appointments.moscow;
import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.AppointmentBooked;
import io.otklik.events.data.Button;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.ReminderSent;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplyRequested;
import io.otklik.reminder.schedule.DispatchResult;
import io.otklik.reminder.schedule.ReminderDispatcher;
import io.otklik.reminder.schedule.ReminderStore;
import io.otklik.platform.work.SafeContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.vertx.core.Vertx;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * appointment_* events in, reminders out, against the real broker and database; time is driven through
 * {@link ReminderDispatcher#dispatchDue(Instant)} (the timer is off in tests).
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_reminder_test"))
class ReminderFlowTest {

    @Inject
    ReminderDispatcher dispatcher;

    @Inject
    ReminderStore store;

    @Inject
    Vertx vertx;

    DispatchResult dispatch(Instant now) {
        return dispatcher.dispatchDue(now).await().atMost(Duration.ofSeconds(30));
    }

    @Test
    void bookingPlansTwoRemindersAndTheFirstIsSentOnceAsAWhatsAppTemplate() {
        Instant startsAt = moscow(2, 15);
        UUID id = UUID.randomUUID();
        String conversation = Appointments.conversation();
        EventEnvelope<AppointmentBooked> booking = booked(id, conversation, startsAt);
        KafkaEvents.send(booking, conversation);

        List<Map<String, Object>> planned = awaitReminders(id, list -> list.size() == 2);
        assertThat(planned).extracting(r -> r.get("kind")).containsExactly("before_24h", "before_2h");
        assertThat(planned).extracting(r -> instant(r.get("dueAt")))
                .containsExactly(startsAt.minus(Duration.ofHours(24)), startsAt.minus(Duration.ofHours(2)));
        assertThat(planned).extracting(r -> r.get("status")).containsOnly("PENDING");
        String firstId = (String) planned.get(0).get("id");

        Instant firstDue = startsAt.minus(Duration.ofHours(24));
        Instant tick = firstDue.plusSeconds(60);
        try (KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic());
             KafkaEvents.Listener sent = KafkaEvents.listen(EventTypes.REMINDER_SENT.topic())) {
            DispatchResult result = dispatch(tick);
            assertThat(result.sentReminders()).contains(UUID.fromString(firstId));

            var reply = replies.await(EventTypes.REPLY_REQUESTED,
                    e -> conversation.equals(e.data().conversationId()), WAIT);
            ReplyRequested r = reply.event().data();
            String day = startsAt.atZone(Appointments.MOSCOW).format(DateTimeFormatter.ofPattern("dd.MM"));
            assertThat(r.kind()).isEqualTo(ReplyKind.REMINDER);
            assertThat(r.channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(r.channelAccountId()).isEqualTo(Appointments.WA_ACCOUNT);
            assertThat(r.recipient()).isEqualTo(new Contact("79161234567", "Иван", "+79161234567"));
            assertThat(r.inReplyTo()).isNull();
            assertThat(r.text()).isEqualTo("Напоминаем: завтра, " + day + " в 15:00 вы записаны на «Стрижка»,"
                    + " мастер Анна. Чтобы подтвердить, ответьте «Да» или нажмите «Подтвердить». Если планы"
                    + " изменились, ответьте «Перенести» или «Отменить».");
            assertThat(r.buttons()).extracting(Button::id)
                    .containsExactly("intent:CONFIRM", "intent:RESCHEDULE", "intent:CANCEL");
            assertThat(r.template().name()).isEqualTo("appointment_reminder");
            assertThat(r.template().language()).isEqualTo("ru");
            assertThat(r.template().parameters()).containsExactly("Иван", day + " 15:00", "Стрижка");
            assertThat(reply.key()).isEqualTo(conversation).isEqualTo(reply.event().subject());
            assertThat(reply.event().source()).isEqualTo("reminder-service");
            assertThat(reply.event().tenantId()).isEqualTo("demo-salon");

            var reminder = sent.await(EventTypes.REMINDER_SENT, e -> id.equals(e.data().appointmentId()), WAIT);
            ReminderSent s = reminder.event().data();
            assertThat(s.reminderId()).isEqualTo(UUID.fromString(firstId));
            assertThat(s.kind()).isEqualTo("before_24h");
            assertThat(s.dueAt()).isEqualTo(firstDue);
            assertThat(s.sentAt()).isEqualTo(tick);
            assertThat(s.channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(s.conversationId()).isEqualTo(conversation);
            assertThat(s.variant()).isEqualTo("A");
            assertThat(s.variants()).containsEntry("reminder-timing", "A").containsKey("confirm-wording");
            assertThat(reminder.key()).isEqualTo(conversation);

            // the same tick again: the reminder is SENT, nothing goes out twice
            DispatchResult again = dispatch(tick);
            assertThat(again.sentReminders()).doesNotContain(UUID.fromString(firstId));
            assertThat(replies.drain(Duration.ofSeconds(2))).filteredOn(json -> json.contains(conversation))
                    .hasSize(1);
        }
        List<Map<String, Object>> after = awaitReminders(id, list -> "SENT".equals(list.get(0).get("status")));
        assertThat(instant(after.get(0).get("sentAt"))).isEqualTo(tick);
        assertThat(after.get(1).get("status")).isEqualTo("PENDING");
    }

    @Test
    void redeliveredBookingStillLeavesTwoReminders() {
        Instant startsAt = moscow(4, 11);
        UUID id = UUID.randomUUID();
        String conversation = Appointments.conversation();
        EventEnvelope<AppointmentBooked> booking = booked(id, conversation, startsAt);
        KafkaEvents.send(booking, conversation);
        awaitReminders(id, list -> list.size() == 2);

        KafkaEvents.send(booking, conversation); // the same envelope id
        // a later booking on the same key and partition is consumed after the redelivery
        UUID marker = UUID.randomUUID();
        KafkaEvents.send(booked(marker, conversation, startsAt.plus(Duration.ofHours(3))), conversation);
        awaitReminders(marker, list -> list.size() == 2);

        assertThat(awaitReminders(id, list -> true)).hasSize(2)
                .extracting(r -> r.get("status")).containsOnly("PENDING");
    }

    @Test
    void cancellationCancelsPendingRemindersAndNothingIsSentAtTheirTime() {
        Instant startsAt = moscow(3, 12);
        UUID id = UUID.randomUUID();
        String conversation = Appointments.conversation("tg:", "A");
        KafkaEvents.send(Appointments.booked("demo-salon", id, conversation, startsAt, Channel.TELEGRAM,
                "lyon_salon_bot", new Contact("500600700", "Мария", null)), conversation);
        awaitReminders(id, list -> list.size() == 2);

        KafkaEvents.send(Appointments.cancelled(id, conversation, startsAt), conversation);
        List<Map<String, Object>> cancelled = awaitReminders(id,
                list -> list.stream().allMatch(r -> "CANCELLED".equals(r.get("status"))));
        assertThat(cancelled).hasSize(2);
        awaitAppointment(id, "CANCELLED");

        try (KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            DispatchResult result = dispatch(startsAt.minus(Duration.ofHours(2)).plusSeconds(60));
            assertThat(result.sentReminders()).doesNotContainAnyElementsOf(
                    cancelled.stream().map(r -> UUID.fromString((String) r.get("id"))).toList());
            assertThat(replies.drain(Duration.ofSeconds(2))).noneMatch(json -> json.contains(conversation));
        }
    }

    @Test
    void rescheduleReplansThePendingReminders() {
        Instant startsAt = moscow(5, 12);
        Instant moved = moscow(6, 18);
        UUID id = UUID.randomUUID();
        String conversation = Appointments.conversation();
        KafkaEvents.send(booked(id, conversation, startsAt), conversation);
        awaitReminders(id, list -> list.size() == 2);

        KafkaEvents.send(Appointments.rescheduled(id, conversation, startsAt, moved), conversation);
        List<Map<String, Object>> all = awaitReminders(id, list -> list.size() == 4);
        assertThat(all).filteredOn(r -> "PENDING".equals(r.get("status")))
                .extracting(r -> r.get("kind") + "@" + instant(r.get("dueAt")))
                .containsExactlyInAnyOrder("before_24h@" + moved.minus(Duration.ofHours(24)),
                        "before_2h@" + moved.minus(Duration.ofHours(2)));
        assertThat(all).filteredOn(r -> "CANCELLED".equals(r.get("status")))
                .extracting(r -> instant(r.get("dueAt")))
                .containsExactlyInAnyOrder(startsAt.minus(Duration.ofHours(24)), startsAt.minus(Duration.ofHours(2)));
        Map<String, Object> appointment = awaitAppointment(id, "BOOKED");
        assertThat(instant(appointment.get("startsAt"))).isEqualTo(moved);
        assertThat(instant(appointment.get("endsAt"))).isEqualTo(moved.plus(Duration.ofHours(1)));
    }

    @Test
    void aConfirmationThatOvertakesItsBookingIsKeptAndApplied() {
        Instant startsAt = moscow(4, 16);
        String conversation = Appointments.conversation();
        UUID known = UUID.randomUUID();
        KafkaEvents.send(booked(known, conversation, startsAt.plus(Duration.ofHours(2))), conversation);
        awaitAppointment(known, "BOOKED");

        UUID early = UUID.randomUUID();
        KafkaEvents.send(Appointments.confirmed(early, conversation, startsAt), conversation);
        // same topic and key: once the known appointment is confirmed, the early confirmation was consumed too
        KafkaEvents.send(Appointments.confirmed(known, conversation, startsAt.plus(Duration.ofHours(2))),
                conversation);
        awaitAppointment(known, "CONFIRMED");
        assertThat(Appointments.get("/api/v1/appointments/{id}", early).statusCode())
                .as("a confirmation alone is not a booking").isEqualTo(404);

        KafkaEvents.send(booked(early, conversation, startsAt), conversation);
        awaitAppointment(early, "CONFIRMED");
        assertThat(awaitReminders(early, list -> list.size() == 2)).extracting(r -> r.get("status"))
                .containsOnly("PENDING");
    }

    @Test
    void aCancellationThatOvertakesItsBookingMeansNoReminders() {
        Instant startsAt = moscow(4, 13);
        String conversation = Appointments.conversation();
        UUID known = UUID.randomUUID();
        KafkaEvents.send(booked(known, conversation, startsAt.plus(Duration.ofHours(2))), conversation);
        awaitAppointment(known, "BOOKED");

        UUID early = UUID.randomUUID();
        KafkaEvents.send(Appointments.cancelled(early, conversation, startsAt), conversation);
        KafkaEvents.send(Appointments.cancelled(known, conversation, startsAt.plus(Duration.ofHours(2))),
                conversation);
        awaitAppointment(known, "CANCELLED");

        KafkaEvents.send(booked(early, conversation, startsAt), conversation);
        awaitAppointment(early, "CANCELLED");
        assertThat(awaitReminders(early, list -> true)).isEmpty();
    }

    @Test
    void malformedBookingGoesToTheDeadLetterTopicWithTheReason() {
        try (KafkaEvents.Listener dlq = KafkaEvents.listen(EventTypes.APPOINTMENT_BOOKED.deadLetterTopic())) {
            String marker = UUID.randomUUID().toString();
            KafkaEvents.sendRaw(EventTypes.APPOINTMENT_BOOKED.topic(), marker, "{broken " + marker);
            var dead = dlq.awaitRaw(json -> json.contains(marker), WAIT);
            assertThat(dead.headers()).hasEntrySatisfying("dead-letter-reason",
                    reason -> assertThat(reason).contains("not JSON"));
            assertThat(dead.key()).isEqualTo(marker);
        }
    }

    @Test
    void bookingOfAnUnknownTenantIsADeadLetterNotAGuess() {
        UUID id = UUID.randomUUID();
        String conversation = Appointments.conversation();
        try (KafkaEvents.Listener dlq = KafkaEvents.listen(EventTypes.APPOINTMENT_BOOKED.deadLetterTopic())) {
            KafkaEvents.send(Appointments.booked("no-such-tenant", id, conversation, moscow(2, 10), Channel.WHATSAPP,
                    Appointments.WA_ACCOUNT, new Contact("79160000000", null, null)), conversation);
            var dead = dlq.awaitRaw(json -> json.contains(id.toString()), WAIT);
            assertThat(dead.headers()).hasEntrySatisfying("dead-letter-reason",
                    reason -> assertThat(reason).contains("unknown tenant 'no-such-tenant'"));
        }
    }

    /** The given day from today at hh:mm in Moscow. */
    static Instant moscowAt(int daysAhead, int hour, int minute) {
        return LocalDate.now(Appointments.MOSCOW).plusDays(daysAhead).atTime(hour, minute)
                .atZone(Appointments.MOSCOW).toInstant();
    }

    @Test
    void aTwoHourReminderThatWouldWakeTheClientGoesOutTheEveningBeforeWithButtons() {
        Instant startsAt = moscowAt(3, 9, 30);
        UUID id = UUID.randomUUID();
        String conversation = Appointments.conversation();
        KafkaEvents.send(booked(id, conversation, startsAt), conversation);

        // 2 h before 09:30 is 07:30, inside the salon's quiet hours (21:00–09:00): moved to 20:59 the day before
        List<Map<String, Object>> planned = awaitReminders(id, list -> list.size() == 2);
        assertThat(planned).extracting(r -> r.get("kind") + "@" + instant(r.get("dueAt")))
                .containsExactly("before_24h@" + moscowAt(2, 9, 30), "before_2h@" + moscowAt(2, 20, 59));
        assertThat(planned).extracting(r -> r.get("variant")).containsOnly("A");

        dispatch(moscowAt(2, 9, 31)); // the 24 h reminder
        try (KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic());
             KafkaEvents.Listener sent = KafkaEvents.listen(EventTypes.REMINDER_SENT.topic())) {
            Instant tick = moscowAt(2, 20, 59).plusSeconds(30);
            DispatchResult result = dispatch(tick);
            UUID twoHour = UUID.fromString((String) planned.get(1).get("id"));
            assertThat(result.sentReminders()).contains(twoHour);

            ReplyRequested reply = replies.await(EventTypes.REPLY_REQUESTED,
                    e -> conversation.equals(e.data().conversationId()), WAIT).event().data();
            String day = startsAt.atZone(Appointments.MOSCOW).format(DateTimeFormatter.ofPattern("dd.MM"));
            assertThat(reply.text()).startsWith("Напоминаем: завтра, " + day + " в 09:30 вы записаны на «Стрижка»")
                    .contains("«Перенести» или «Отменить»");
            assertThat(reply.buttons()).containsExactly(new Button("intent:CONFIRM", "Подтвердить"),
                    new Button("intent:RESCHEDULE", "Перенести"), new Button("intent:CANCEL", "Отменить"));
            ReminderSent s = sent.await(EventTypes.REMINDER_SENT, e -> id.equals(e.data().appointmentId()), WAIT)
                    .event().data();
            assertThat(s.kind()).isEqualTo("before_2h");
            assertThat(s.dueAt()).isEqualTo(moscowAt(2, 20, 59));
            assertThat(s.sentAt()).isEqualTo(tick);
        }
    }

    @Test
    void aTickInQuietHoursHoldsAReminderForALaterVisitAndSkipsOnesForAVisitBeforeMorning() {
        // the service was down: at 03:00 the 24 h reminder of a noon visit and both of an 08:30 visit are overdue
        UUID noon = UUID.randomUUID();
        String noonConversation = Appointments.conversation();
        KafkaEvents.send(booked(noon, noonConversation, moscowAt(3, 12, 0)), noonConversation);
        UUID early = UUID.randomUUID();
        String earlyConversation = Appointments.conversation();
        KafkaEvents.send(booked(early, earlyConversation, moscowAt(3, 8, 30)), earlyConversation);
        UUID noon24 = UUID.fromString((String) awaitReminders(noon, list -> list.size() == 2).get(0).get("id"));
        List<UUID> earlyIds = awaitReminders(early, list -> list.size() == 2).stream()
                .map(r -> UUID.fromString((String) r.get("id"))).toList();

        try (KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            DispatchResult night = dispatch(moscowAt(3, 3, 0));
            assertThat(night.heldReminders()).contains(noon24);
            assertThat(night.skippedReminders()).containsAll(earlyIds);
            assertThat(night.sentReminders()).doesNotContain(noon24).doesNotContainAnyElementsOf(earlyIds);
            assertThat(awaitReminders(noon, list -> true)).extracting(r -> r.get("status"))
                    .containsOnly("PENDING");
            assertThat(awaitReminders(early, list -> true)).extracting(r -> r.get("status"))
                    .containsOnly("SKIPPED");

            // 09:00 the quiet hours are over: the held reminder goes out, about today
            DispatchResult morning = dispatch(moscowAt(3, 9, 0));
            assertThat(morning.sentReminders()).contains(noon24);
            assertThat(morning.heldReminders()).doesNotContain(noon24);
            ReplyRequested reply = replies.await(EventTypes.REPLY_REQUESTED,
                    e -> noonConversation.equals(e.data().conversationId()), WAIT).event().data();
            assertThat(reply.text()).startsWith("Напоминаем: сегодня в 12:00");
            assertThat(replies.drain(Duration.ofSeconds(2))).noneMatch(json -> json.contains(earlyConversation));
        }
    }

    @Test
    void armBOfTheReminderTimingExperimentGetsOneReminderThreeHoursBefore() {
        Instant startsAt = moscow(3, 15);
        UUID id = UUID.randomUUID();
        String conversation = Appointments.conversation("wa:", "B");
        KafkaEvents.send(booked(id, conversation, startsAt), conversation);

        List<Map<String, Object>> planned = awaitReminders(id, list -> !list.isEmpty());
        assertThat(planned).hasSize(1);
        assertThat(planned.get(0)).containsEntry("kind", "before_3h").containsEntry("variant", "B");
        assertThat(instant(planned.get(0).get("dueAt"))).isEqualTo(startsAt.minus(Duration.ofHours(3)));

        try (KafkaEvents.Listener sent = KafkaEvents.listen(EventTypes.REMINDER_SENT.topic())) {
            dispatch(startsAt.minus(Duration.ofHours(3)).plusSeconds(30));
            ReminderSent s = sent.await(EventTypes.REMINDER_SENT, e -> id.equals(e.data().appointmentId()), WAIT)
                    .event().data();
            assertThat(s.kind()).isEqualTo("before_3h");
            assertThat(s.variant()).isEqualTo("B");
            assertThat(s.variants()).containsEntry("reminder-timing", "B").containsKey("confirm-wording");
        }
    }

    @Test
    void lockingDueRemindersLeavesOutTheOnesATickHolds() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String conversation = Appointments.conversation();
        KafkaEvents.send(booked(first, conversation, moscow(6, 14)), conversation);
        KafkaEvents.send(booked(second, conversation, moscow(6, 16)), conversation);
        UUID held = UUID.fromString((String) awaitReminders(first, list -> list.size() == 2).get(0).get("id"));
        UUID other = UUID.fromString((String) awaitReminders(second, list -> list.size() == 2).get(0).get("id"));

        Instant now = moscow(5, 17); // both 24 h reminders are due
        List<UUID> all = lockDue(now, List.of());
        assertThat(all).contains(held, other);
        List<UUID> rest = lockDue(now, List.of(held));
        assertThat(rest).contains(other).doesNotContain(held);
    }

    private List<UUID> lockDue(Instant now, List<UUID> except) {
        return SafeContext.run(vertx, () -> Panache.withTransaction(() -> store.lockDue(now, 10_000, except)))
                .await().atMost(Duration.ofSeconds(30))
                .stream().map(d -> d.reminderId()).toList();
    }
}
