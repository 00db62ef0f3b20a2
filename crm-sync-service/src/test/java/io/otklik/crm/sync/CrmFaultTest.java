package io.otklik.crm.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.otklik.crm.TestData;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventJson;
import io.otklik.events.data.LeadCreated;
import io.otklik.testkit.FakeBitrix24;
import io.otklik.testkit.InfraEnv;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 item 6: 500 leads (lead_created, appointment_booked, appointment_confirmed on Kafka) against a portal where
 * about 30 % of requests answer 503 QUERY_LIMIT_EXCEEDED, some answer only after 5 s (the client times out after
 * 1 s: the lead may have been added) and some batch commands fail alone → every lead exists exactly once, gets its
 * updates in order, every task ends DONE, and the request rate the portal saw never exceeds the client's limiter.
 */
@QuarkusTest
@TestProfile(CrmFaultTest.Faults.class)
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_crm_test"))
@WithTestResource(FaultyPortalResource.class)
class CrmFaultTest {

    static final int LEADS = 500;
    static final double RPS = 5;
    static final int BURST = 5;

    /** A limiter the run takes seconds under, short timeouts and backoffs, and enough attempts for 30 % failures. */
    public static class Faults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "otklik.crm.bitrix24.requests-per-second", Double.toString(RPS),
                    "otklik.crm.bitrix24.burst", Integer.toString(BURST),
                    "otklik.crm.bitrix24.timeout", "1s",
                    "otklik.crm.retry.base-delay", "200ms",
                    "otklik.crm.retry.max-delay", "2s",
                    "otklik.crm.retry.max-attempts", "40",
                    "otklik.crm.sync.poll-interval", "200ms");
        }
    }

    @Test
    void fiveHundredLeadsEachExistOnceWithTheirUpdatesInOrderUnderFaults() throws Exception {
        List<EventEnvelope<LeadCreated>> leads = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            leads.add(TestData.whatsAppLead());
        }
        Properties props = new Properties();
        props.put("bootstrap.servers", InfraEnv.get().kafkaBootstrapServers());
        props.put("acks", "all");
        props.put("linger.ms", "5");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (var event : leads) {
                send(producer, event);
            }
            for (var event : leads) {
                send(producer, TestData.booked(event.data()));
            }
            for (var event : leads) {
                send(producer, TestData.confirmed(event.data()));
            }
            producer.flush();
        }
        Set<String> ours = leads.stream().map(e -> e.data().leadId().toString()).collect(Collectors.toSet());
        FakeBitrix24 fake = FaultyPortalResource.fake;

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            var rows = TestData.rows("select count(*) as n from crm_lead where status = 'CONFIRMED'"
                    + " and lead_id = any(?::uuid[])", (Object) ours.toArray(new String[0]));
            return ((Number) rows.get(0).get("n")).intValue() == LEADS;
        });

        // every lead exactly once, found by ORIGIN_ID
        Map<String, List<FakeBitrix24.Lead>> byOrigin = fake.leads().values().stream()
                .filter(l -> ours.contains(l.originId()))
                .collect(Collectors.groupingBy(FakeBitrix24.Lead::originId));
        assertThat(byOrigin).hasSize(LEADS);
        assertThat(byOrigin.values()).allSatisfy(copies -> assertThat(copies).hasSize(1));
        // updates in order: the booking's IN_PROCESS before the confirmation, nothing after it; a retried update
        // whose answer was lost may repeat itself, never an older one
        Set<String> seen = new HashSet<>();
        for (List<FakeBitrix24.Lead> copies : byOrigin.values()) {
            List<String> updates = copies.get(0).updates().stream()
                    .map(u -> "Y".equals(u.get("UF_CRM_APPOINTMENT_CONFIRMED")) ? "CONFIRMED" : u.get("STATUS_ID"))
                    .toList();
            List<String> distinct = new ArrayList<>();
            for (String u : updates) {
                if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(u)) {
                    distinct.add(u);
                }
            }
            assertThat(distinct).as("updates of %s", copies.get(0).originId())
                    .isIn(List.of("IN_PROCESS", "CONFIRMED"), List.of("CONFIRMED"));
            seen.add(String.join(">", distinct));
        }
        assertThat(fake.updatesOfUnknownLeads()).isZero();
        // every task DONE, none FAILED
        var statuses = TestData.rows("select status, count(*) as n from crm_sync_task where lead_id = any(?::uuid[])"
                + " group by status", (Object) ours.toArray(new String[0]));
        assertThat(statuses).extracting(r -> r.get("status")).containsExactly("DONE");
        // the faults really happened, and batches were used
        assertThat(fake.injectedFailures()).isGreaterThan(10);
        assertThat(fake.slowAnswers()).isGreaterThan(0);
        assertThat(fake.batches()).isGreaterThan(0);
        assertThat(fake.commands()).isGreaterThan(fake.requests());
        // the rate seen by the portal: never more than rps × window + burst. The fake timestamps arrivals, not the
        // client's tokens: the way there (HTTP client, event loop, WireMock's threads) varies, and under ./otklik
        // test on two busy cores two requests granted 200 ms apart were seen to arrive 100 ms apart (an excess of
        // 0.24 requests with 50 ms of slack). 250 ms of slack allows for that; a limiter letting through even 1.5×
        // its rate would exceed this bound by tens of requests over the run.
        assertThat(fake.maxExcess(RPS, BURST, 250)).isLessThanOrEqualTo(0.0);
        System.out.printf("crm fault test: requests=%d batches=%d commands=%d injected_503=%d slow=%d orders=%s%n",
                fake.requests(), fake.batches(), fake.commands(), fake.injectedFailures(), fake.slowAnswers(), seen);
    }

    private static void send(KafkaProducer<String, String> producer, EventEnvelope<?> event) {
        producer.send(new ProducerRecord<>(event.type(), event.subject(), EventJson.write(event)));
    }
}
