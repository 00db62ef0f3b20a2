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
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.ReminderSent;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplyRequested;
import io.otklik.reminder.schedule.DispatchResult;
import io.otklik.reminder.schedule.ReminderDispatcher;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
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
                    + " мастер Анна. Ответьте «Да», чтобы подтвердить, или напишите, если планы изменились.");
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
        String conversation = "tg:" + UUID.randomUUID();
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
        Instant startsAt = moscow(5, 10);
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
}
