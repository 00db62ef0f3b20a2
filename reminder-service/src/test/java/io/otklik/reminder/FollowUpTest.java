package io.otklik.reminder;

import static io.otklik.reminder.Appointments.WAIT;
import static io.otklik.reminder.Appointments.awaitAppointment;
import static io.otklik.reminder.Appointments.booked;
import static io.otklik.reminder.Appointments.instant;
import static io.otklik.reminder.Appointments.moscow;
import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.AppointmentBooked;
import io.otklik.events.data.Channel;
import io.otklik.events.data.HandoffRequested;
import io.otklik.platform.experiment.Experiments;
import io.otklik.platform.tenant.TenantRegistry;
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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The follow-up of unconfirmed bookings through the real broker and database: demo-salon's default confirmBy (3 h
 * before the visit), handoff_requested to whoever the rota names at the deadline (Марина 09–21, the owner Ольга
 * after hours); time is driven through {@link ReminderDispatcher#dispatchDue(Instant)}.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_reminder_test"))
class FollowUpTest {

    static final Duration CONFIRM_BY = Duration.ofHours(3);

    @Inject
    ReminderDispatcher dispatcher;

    @Inject
    TenantRegistry tenants;

    DispatchResult dispatch(Instant now) {
        return dispatcher.dispatchDue(now).await().atMost(Duration.ofSeconds(30));
    }

    static String day(Instant startsAt) {
        return startsAt.atZone(Appointments.MOSCOW).format(DateTimeFormatter.ofPattern("dd.MM"));
    }

    @Test
    void anUnconfirmedBookingIsHandedToTheOnDutyMemberOnceAtTheDeadline() {
        Instant startsAt = moscow(2, 15);
        UUID id = UUID.randomUUID();
        String conversation = Appointments.conversation();
        EventEnvelope<AppointmentBooked> booking = booked(id, conversation, startsAt);
        KafkaEvents.send(booking, conversation);
        awaitAppointment(id, "BOOKED");
        Instant due = startsAt.minus(CONFIRM_BY);

        try (KafkaEvents.Listener handoffs = KafkaEvents.listen(EventTypes.HANDOFF_REQUESTED.topic())) {
            assertThat(dispatch(due.minusSeconds(60)).followUps()).doesNotContain(id);

            DispatchResult atDeadline = dispatch(due);
            assertThat(atDeadline.followUps()).contains(id);
            var received = handoffs.await(EventTypes.HANDOFF_REQUESTED,
                    e -> conversation.equals(e.data().conversationId()), WAIT);
            HandoffRequested h = received.event().data();
            // 12:00 in Moscow: Марина's shift
            assertThat(h.staffId()).isEqualTo("marina");
            assertThat(h.staffRole()).isEqualTo("on-duty");
            assertThat(h.telegramChatId()).isEqualTo("100200301");
            assertThat(h.leadId()).isEqualTo(booking.data().leadId());
            assertThat(h.channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(h.urgent()).isFalse();
            assertThat(h.reason()).isEqualTo(HandoffRequested.NOT_CONFIRMED);
            assertThat(h.appointmentId()).isEqualTo(id);
            assertThat(h.summary()).isEqualTo("Клиент Иван не подтвердил запись на " + day(startsAt)
                    + " 15:00 «Стрижка» (мастер Анна). Позвоните клиенту: +79161234567.");
            assertThat(h.variants()).isEqualTo(Experiments.variants(tenants.byId("demo-salon").orElseThrow(),
                    conversation)).containsKey("confirm-wording");
            assertThat(received.key()).isEqualTo(conversation).isEqualTo(received.event().subject());
            assertThat(received.event().source()).isEqualTo("reminder-service");
            assertThat(received.event().tenantId()).isEqualTo("demo-salon");

            // later ticks, even concurrent with a confirmation arriving late, hand it over no second time
            assertThat(dispatch(due.plusSeconds(60)).followUps()).doesNotContain(id);
            assertThat(dispatch(startsAt.minusSeconds(60)).followUps()).doesNotContain(id);
            assertThat(handoffs.drain(Duration.ofSeconds(2))).filteredOn(json -> json.contains(conversation))
                    .hasSize(1);
        }
    }

    @Test
    void afterHoursTheOwnerOnDutyGetsIt() {
        Instant startsAt = moscow(2, 10); // deadline 07:00 Moscow: Ольга's night shift
        UUID id = UUID.randomUUID();
        String conversation = Appointments.conversation();
        KafkaEvents.send(booked(id, conversation, startsAt), conversation);
        awaitAppointment(id, "BOOKED");
        try (KafkaEvents.Listener handoffs = KafkaEvents.listen(EventTypes.HANDOFF_REQUESTED.topic())) {
            assertThat(dispatch(startsAt.minus(CONFIRM_BY).plusSeconds(30)).followUps()).contains(id);
            HandoffRequested h = handoffs.await(EventTypes.HANDOFF_REQUESTED,
                    e -> conversation.equals(e.data().conversationId()), WAIT).event().data();
            assertThat(h.staffId()).isEqualTo("olga");
            assertThat(h.staffRole()).isEqualTo("owner");
            assertThat(h.telegramChatId()).isEqualTo("100200300");
        }
    }

    @Test
    void aConfirmedBookingIsNotFollowedUp() {
        Instant startsAt = moscow(2, 16);
        UUID id = UUID.randomUUID();
        String conversation = Appointments.conversation();
        assertNotFollowedUpAfter(id, conversation, startsAt, Appointments.confirmed(id, conversation, startsAt),
                "CONFIRMED");
    }

    @Test
    void aCancelledBookingIsNotFollowedUp() {
        Instant startsAt = moscow(2, 17);
        UUID id = UUID.randomUUID();
        String conversation = Appointments.conversation();
        assertNotFollowedUpAfter(id, conversation, startsAt, Appointments.cancelled(id, conversation, startsAt),
                "CANCELLED");
    }

    /** Books, applies {@code settle} (reaching {@code status}), and checks no handoff goes out at the deadline. */
    void assertNotFollowedUpAfter(UUID id, String conversation, Instant startsAt, EventEnvelope<?> settle,
                                  String status) {
        KafkaEvents.send(booked(id, conversation, startsAt), conversation);
        awaitAppointment(id, "BOOKED");
        KafkaEvents.send(settle, conversation);
        awaitAppointment(id, status);

        try (KafkaEvents.Listener handoffs = KafkaEvents.listen(EventTypes.HANDOFF_REQUESTED.topic())) {
            assertThat(dispatch(startsAt.minus(CONFIRM_BY).plusSeconds(60)).followUps()).doesNotContain(id);
            assertThat(handoffs.drain(Duration.ofSeconds(2))).noneMatch(json -> json.contains(conversation));
        }
    }

    @Test
    void aRescheduleMovesTheDeadline() {
        Instant startsAt = moscow(2, 18);
        Instant moved = moscow(3, 14);
        UUID id = UUID.randomUUID();
        String conversation = Appointments.conversation();
        KafkaEvents.send(booked(id, conversation, startsAt), conversation);
        awaitAppointment(id, "BOOKED");
        KafkaEvents.send(Appointments.rescheduled(id, conversation, startsAt, moved), conversation);
        Appointments.awaitReminders(id, list -> list.size() == 4);
        assertThat(instant(awaitAppointment(id, "BOOKED").get("startsAt"))).isEqualTo(moved);

        try (KafkaEvents.Listener handoffs = KafkaEvents.listen(EventTypes.HANDOFF_REQUESTED.topic())) {
            assertThat(dispatch(startsAt.minus(CONFIRM_BY).plusSeconds(60)).followUps())
                    .as("the old deadline no longer counts").doesNotContain(id);
            assertThat(dispatch(moved.minus(CONFIRM_BY).plusSeconds(60)).followUps()).contains(id);
            HandoffRequested h = handoffs.await(EventTypes.HANDOFF_REQUESTED,
                    e -> conversation.equals(e.data().conversationId()), WAIT).event().data();
            assertThat(h.summary()).startsWith("Клиент Иван не подтвердил запись на " + day(moved) + " 14:00 ");
            assertThat(handoffs.drain(Duration.ofSeconds(2))).filteredOn(json -> json.contains(conversation))
                    .hasSize(1);
        }
    }

    @Test
    void aBookingMadeAfterTheDeadlineIsNotFollowedUp() {
        Instant startsAt = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        UUID id = UUID.randomUUID();
        String conversation = Appointments.conversation();
        KafkaEvents.send(booked(id, conversation, startsAt), conversation);
        awaitAppointment(id, "BOOKED");
        try (KafkaEvents.Listener handoffs = KafkaEvents.listen(EventTypes.HANDOFF_REQUESTED.topic())) {
            assertThat(dispatch(startsAt.minus(Duration.ofHours(1))).followUps()).doesNotContain(id);
            assertThat(handoffs.drain(Duration.ofSeconds(2))).noneMatch(json -> json.contains(conversation));
        }
    }
}
