package io.otklik.metrics;

import static io.otklik.metrics.TestEvents.CLINIC_KEY;
import static io.otklik.metrics.TestEvents.conversation;
import static io.otklik.metrics.TestEvents.prometheus;
import static io.otklik.metrics.TestEvents.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.otklik.events.EventEnvelope;
import io.otklik.events.data.Channel;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.MessageReceived;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplySent;
import io.otklik.metrics.facts.AllEventsListener;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** At-least-once delivery: a redelivered event changes no number and no meter; an unreadable one is dead-lettered. */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_metrics_test"))
class DeliveryTest {

    static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aRedeliveredEventChangesNothing() {
        Instant from = TestEvents.randomPastHour();
        Instant to = from.plus(Duration.ofHours(1));
        // demo-clinic has no Instagram account (tenants.yaml), so no other test of the suite — ingest-service's tests
        // share the broker and publish demo-salon's Instagram traffic — feeds this meter series
        Map<String, String> series = Map.of("tenant", "demo-clinic", "channel", "INSTAGRAM");
        double observedBefore = prometheus("otklik_first_response_seconds_count", series);

        TestEvents clinic = new TestEvents("demo-clinic");
        String conversation = conversation();
        MessageReceived m = clinic.received(conversation, Channel.INSTAGRAM, null, from.plusSeconds(10));
        clinic.classified(m, "BOOK", true);
        EventEnvelope<ReplySent> answer = clinic.replied(m, ReplyKind.ANSWER, 1500);
        EventEnvelope<LeadCreated> lead = clinic.lead(m, null, from.plusSeconds(20));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode r = report(CLINIC_KEY, from, to);
            assertThat(r.get("messages").asLong()).isEqualTo(1);
            assertThat(r.get("leads").asLong()).isEqualTo(1);
            assertThat(r.get("fallback_rate").asDouble()).isEqualTo(1.0);
            assertThat(r.get("ttfr").get("count").asLong()).isEqualTo(1);
        });
        JsonNode once = report(CLINIC_KEY, from, to);
        assertThat(once.get("ttfr").get("p50_ms").asLong()).isEqualTo(1500);
        assertThat(prometheus("otklik_first_response_seconds_count", series) - observedBefore).isEqualTo(1.0);

        // every event again, same ids; then, on the same partitions, one new event each in a later hour: once those
        // are counted, the copies before them were processed too
        for (EventEnvelope<?> event : clinic.published) {
            KafkaEvents.send(event, conversation);
        }
        Instant later = to.plus(Duration.ofHours(1));
        TestEvents sentinels = new TestEvents("demo-clinic");
        MessageReceived next = sentinels.received(conversation, Channel.INSTAGRAM, null, later.plusSeconds(10));
        sentinels.classified(next, "PRICE", false);
        sentinels.replied(next, ReplyKind.FOLLOW_UP, 1000);
        sentinels.lead(next, null, later.plusSeconds(20));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode r = report(CLINIC_KEY, later, later.plus(Duration.ofHours(1)));
            assertThat(r.get("messages").asLong()).isEqualTo(1);
            assertThat(r.get("intents").get("PRICE").asLong()).isEqualTo(1);
            assertThat(r.get("replies_sent").asLong()).isEqualTo(1);
            assertThat(r.get("leads").asLong()).isEqualTo(1);
        });

        assertThat(report(CLINIC_KEY, from, to)).isEqualTo(once);
        assertThat(prometheus("otklik_first_response_seconds_count", series) - observedBefore).isEqualTo(1.0);
        assertThat(answer.id()).isNotNull();
        assertThat(lead.id()).isNotNull();
    }

    @Test
    void brokenJsonGoesToTheDeadLetterTopicOfItsTopic() {
        String marker = UUID.randomUUID().toString();
        try (KafkaEvents.Listener dlq = KafkaEvents.listen("lead_created.dlq")) {
            KafkaEvents.sendRaw("lead_created", marker, "{broken " + marker);
            var dead = dlq.awaitRaw(json -> json.contains(marker), WAIT);
            assertThat(dead.headers()).containsKey("dead-letter-reason");
            assertThat(dead.headers()).containsEntry("dead-letter-topic", "lead_created");
            assertThat(dead.key()).isEqualTo(marker);
        }
    }

    @Test
    void anEventMissingItsTenantIsDeadLetteredByThisServiceWithTheReason() {
        // reply_failed has no other consumer, so what lands on its dead-letter topic came from metrics-service
        String marker = UUID.randomUUID().toString();
        String noTenant = """
                {"id":"%s","type":"reply_failed","source":"ingest-service","time":"2020-03-14T10:00:00Z",
                 "subject":"c","schemaVersion":1,"data":{"replyId":"%s"}}""".formatted(marker, marker);
        try (KafkaEvents.Listener dlq = KafkaEvents.listen("reply_failed.dlq")) {
            KafkaEvents.sendRaw("reply_failed", marker, noTenant);
            var dead = dlq.awaitRaw(json -> json.contains(marker), WAIT);
            assertThat(dead.json()).isEqualTo(noTenant);
            assertThat(dead.headers().get("dead-letter-reason")).contains("invalid reply_failed").contains("tenantId");
            assertThat(dead.headers()).containsEntry(AllEventsListener.CONSUMER_HEADER, "metrics-service")
                    .containsEntry("dead-letter-topic", "reply_failed");
        }
    }
}
