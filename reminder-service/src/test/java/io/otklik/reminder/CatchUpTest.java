package io.otklik.reminder;

import static io.otklik.reminder.Appointments.WAIT;
import static io.otklik.reminder.Appointments.awaitReminders;
import static io.otklik.reminder.Appointments.booked;
import static io.otklik.reminder.Appointments.moscow;
import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.EventTypes;
import io.otklik.events.data.ReminderSent;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Catch-up after downtime, against the real broker and database: the first tick after a long pause sends only the
 * latest due reminder of a visit still ahead, and none of a visit that has started; every skipped reminder says why.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_reminder_test"))
class CatchUpTest {

    @Inject
    ReminderDispatcher dispatcher;

    DispatchResult dispatch(Instant now) {
        return dispatcher.dispatchDue(now).await().atMost(Duration.ofSeconds(30));
    }

    static UUID id(Map<String, Object> reminder) {
        return UUID.fromString((String) reminder.get("id"));
    }

    @Test
    void afterDowntimeOnlyTheLatestReminderOfAVisitAheadIsSentAndTheOtherSaysItWasSuperseded() {
        Instant startsAt = moscow(2, 15);
        UUID id = UUID.randomUUID();
        String conversation = Appointments.conversation();
        KafkaEvents.send(booked(id, conversation, startsAt), conversation);
        List<Map<String, Object>> planned = awaitReminders(id, list -> list.size() == 2);
        UUID before24h = id(planned.get(0));
        UUID before2h = id(planned.get(1));

        // down from before the 24 h reminder until an hour before the visit
        Instant tick = startsAt.minus(Duration.ofHours(1));
        try (KafkaEvents.Listener sent = KafkaEvents.listen(EventTypes.REMINDER_SENT.topic());
             KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            DispatchResult result = dispatch(tick);
            assertThat(result.sentReminders()).contains(before2h).doesNotContain(before24h);
            assertThat(result.skippedReminders()).contains(before24h).doesNotContain(before2h);
            ReminderSent s = sent.await(EventTypes.REMINDER_SENT, e -> id.equals(e.data().appointmentId()), WAIT)
                    .event().data();
            assertThat(s.reminderId()).isEqualTo(before2h);
            assertThat(s.kind()).isEqualTo("before_2h");
            assertThat(s.sentAt()).isEqualTo(tick);
            assertThat(replies.drain(Duration.ofSeconds(2))).filteredOn(json -> json.contains(conversation))
                    .hasSize(1);
        }
        List<Map<String, Object>> after = awaitReminders(id, list -> !"PENDING".equals(list.get(0).get("status")));
        assertThat(after.get(0)).containsEntry("kind", "before_24h").containsEntry("status", "SKIPPED")
                .containsEntry("skipReason", "superseded_by_later_reminder");
        assertThat(after.get(1)).containsEntry("kind", "before_2h").containsEntry("status", "SENT");
        assertThat(after.get(1).get("skipReason")).isNull();
    }

    @Test
    void afterDowntimePastTheVisitsStartNothingIsSentAndEachReminderSaysTheVisitStarted() {
        Instant startsAt = moscow(2, 16);
        UUID id = UUID.randomUUID();
        String conversation = Appointments.conversation();
        KafkaEvents.send(booked(id, conversation, startsAt), conversation);
        List<Map<String, Object>> planned = awaitReminders(id, list -> list.size() == 2);

        try (KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            DispatchResult result = dispatch(startsAt.plus(Duration.ofMinutes(30)));
            assertThat(result.sentReminders()).doesNotContainAnyElementsOf(planned.stream().map(CatchUpTest::id)
                    .toList());
            assertThat(result.skippedReminders()).containsAll(planned.stream().map(CatchUpTest::id).toList());
            assertThat(replies.drain(Duration.ofSeconds(2))).noneMatch(json -> json.contains(conversation));
        }
        assertThat(awaitReminders(id, list -> true)).hasSize(2).allSatisfy(r -> assertThat(r)
                .containsEntry("status", "SKIPPED").containsEntry("skipReason", "visit_started"));
    }
}
