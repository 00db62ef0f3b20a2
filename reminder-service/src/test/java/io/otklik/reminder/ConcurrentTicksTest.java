package io.otklik.reminder;

import static io.otklik.reminder.Appointments.WAIT;
import static io.otklik.reminder.Appointments.awaitReminders;
import static io.otklik.reminder.Appointments.booked;
import static io.otklik.reminder.Appointments.moscow;
import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.EventTypes;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two replicas ticking at the same instant (two threads calling {@link ReminderDispatcher#dispatchDue(Instant)} at
 * once, and a third tick later) against the real database and broker: every due reminder is sent exactly once.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_reminder_test"))
class ConcurrentTicksTest {

    static final int BOOKINGS = 40;

    @Inject
    ReminderDispatcher dispatcher;

    @Test
    void twoTicksAtOnceSendEachDueReminderExactlyOnce() throws Exception {
        // 40 visits 3 days ahead, a minute apart: each has a before_24h reminder due by the tick, before_2h not yet
        Instant first = moscow(3, 11);
        Map<String, UUID> conversations = new HashMap<>();
        for (int i = 0; i < BOOKINGS; i++) {
            UUID id = UUID.randomUUID();
            String conversation = Appointments.conversation();
            conversations.put(conversation, id);
            KafkaEvents.send(booked(id, conversation, first.plus(Duration.ofMinutes(i))), conversation);
        }
        Set<UUID> due = new HashSet<>();
        for (UUID id : conversations.values()) {
            List<Map<String, Object>> planned = awaitReminders(id, list -> list.size() == 2);
            due.add(UUID.fromString((String) planned.stream().filter(r -> "before_24h".equals(r.get("kind")))
                    .findFirst().orElseThrow().get("id")));
        }
        assertThat(due).hasSize(BOOKINGS);
        Instant tick = first.minus(Duration.ofHours(24)).plus(Duration.ofMinutes(BOOKINGS + 5));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic());
             KafkaEvents.Listener sent = KafkaEvents.listen(EventTypes.REMINDER_SENT.topic())) {
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<DispatchResult>> ticks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ticks.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return dispatcher.dispatchDue(tick).await().atMost(Duration.ofSeconds(60));
                }, pool));
            }
            DispatchResult a = ticks.get(0).get(90, TimeUnit.SECONDS);
            DispatchResult b = ticks.get(1).get(90, TimeUnit.SECONDS);
            DispatchResult later = dispatcher.dispatchDue(tick.plusSeconds(30)).await().atMost(Duration.ofSeconds(60));

            List<UUID> ours = new ArrayList<>();
            for (DispatchResult r : List.of(a, b, later)) {
                r.sentReminders().stream().filter(due::contains).forEach(ours::add);
            }
            assertThat(ours).as("sent by one of the ticks, never by two").hasSize(BOOKINGS)
                    .containsExactlyInAnyOrderElementsOf(due);
            assertThat(later.sentReminders()).doesNotContainAnyElementsOf(due);

            // on Kafka: one reply_requested per conversation and one reminder_sent per reminder
            replies.awaitCount(EventTypes.REPLY_REQUESTED,
                    e -> conversations.containsKey(e.data().conversationId()), BOOKINGS, WAIT);
            sent.awaitCount(EventTypes.REMINDER_SENT, e -> due.contains(e.data().reminderId()), BOOKINGS, WAIT);
            replies.drain(Duration.ofSeconds(3)); // anything sent twice would have arrived by now
            sent.drain(Duration.ofSeconds(1));
            var allReplies = replies.awaitCount(EventTypes.REPLY_REQUESTED,
                    e -> conversations.containsKey(e.data().conversationId()), 0, WAIT);
            Map<String, Long> perConversation = new HashMap<>();
            allReplies.forEach(r -> perConversation.merge(r.event().data().conversationId(), 1L, Long::sum));
            assertThat(perConversation).hasSize(BOOKINGS).allSatisfy((c, n) -> assertThat(n).as(c).isEqualTo(1L));
            var allSent = sent.awaitCount(EventTypes.REMINDER_SENT, e -> due.contains(e.data().reminderId()), 0,
                    WAIT);
            assertThat(allSent.stream().map(r -> r.event().data().reminderId()).toList())
                    .hasSize(BOOKINGS).containsExactlyInAnyOrderElementsOf(due);
            assertThat(allReplies.stream().map(r -> r.event().data().replyId()).distinct()).hasSize(BOOKINGS);
        } finally {
            pool.shutdownNow();
        }
        // in the database: each before_24h is SENT, each before_2h still pending
        for (UUID id : conversations.values()) {
            assertThat(awaitReminders(id, list -> true)).extracting(r -> r.get("kind") + ":" + r.get("status"))
                    .containsExactlyInAnyOrder("before_24h:SENT", "before_2h:PENDING");
        }
    }
}
