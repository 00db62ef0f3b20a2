package io.otklik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventJson;
import io.otklik.events.EventTypes;
import io.otklik.events.data.AppointmentBooked;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.testkit.Ports;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two reminder-service processes on one database and one broker (the adjustable clock on, their timers off): 40
 * bookings are published, both clocks are moved to the same instant at once, and both tick concurrently. Every
 * reminder due by then must leave exactly once: one reminder_sent and one reply_requested per reminder, whichever
 * replica sent it.
 */
class ReminderReplicasIT {

    static final int BOOKINGS = 40;
    static final String RUN = "rep";
    static final String TENANT = "demo-salon";
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final Duration WAIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    static final List<AutoCloseable> STARTED = new ArrayList<>();
    static InfraProcess infra;
    static Suite replicaA;
    static Suite replicaB;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        Path root = Project.root();
        Path work = root.resolve("e2e/target/replicas-run");
        try {
            infra = InfraProcess.start(root, work.resolve("infra"), Ports.free(), Ports.free(),
                    List.of(Suite.Service.REMINDER.database(RUN)), line -> System.out.println("[infra] " + line));
            STARTED.add(infra);
            Fakes fakes = Fakes.start(0);
            STARTED.add(fakes);
            Map<String, String> env = new HashMap<>(infra.env());
            env.putAll(DemoSecrets.env(fakes));
            env.put("OTKLIK_CLOCK_ADJUSTABLE", "true");
            // only the admin endpoint ticks, so the two ticks below are the whole of the work
            env.put("OTKLIK_REMINDER_TICK", "off");
            // one after the other: the second finds the schema migrated
            replicaA = Suite.start(root, work.resolve("logs-a"), RUN, Ports.freeBlock(6), env,
                    List.of(Suite.Service.REMINDER), line -> System.out.println("[replica a] " + line));
            STARTED.add(replicaA);
            replicaB = Suite.start(root, work.resolve("logs-b"), RUN, Ports.freeBlock(6), env,
                    List.of(Suite.Service.REMINDER), line -> System.out.println("[replica b] " + line));
            STARTED.add(replicaB);
        } catch (Exception | Error e) {
            stopAll();
            throw e;
        }
    }

    @AfterAll
    static void stopAll() {
        Shutdown.closeAll(new ArrayList<>(STARTED), "replicas");
        STARTED.clear();
    }

    static String url(Suite replica) {
        return replica.url(Suite.Service.REMINDER);
    }

    @Test
    void concurrentTicksOfTwoReplicasSendEachReminderExactlyOnce() throws Exception {
        // 40 visits from 15:00 Moscow three days from now, a minute apart: their 24 h reminders are due between
        // 15:00 and 15:39 two days from now (daytime: no quiet hours), their 2 h reminders not before the visit day
        LocalDate day = LocalDate.now(MOSCOW).plusDays(3);
        Instant first = day.atTime(15, 0).atZone(MOSCOW).toInstant();
        Map<UUID, String> conversationOf = new HashMap<>();
        try (KafkaProducer<String, String> producer = producer();
             EventLog events = new EventLog(infra.kafka(), "replicas-it", Pattern.compile("reminder_sent|reply_requested"))) {
            for (int i = 0; i < BOOKINGS; i++) {
                String conversation = "wa:" + DemoSecrets.SALON_WA_NUMBER + ":7916" + String.format("%07d", i);
                UUID appointmentId = UUID.randomUUID();
                conversationOf.put(appointmentId, conversation);
                Instant startsAt = first.plus(Duration.ofMinutes(i));
                AppointmentBooked booked = new AppointmentBooked(appointmentId, conversation, UUID.randomUUID(),
                        "client-" + i, Channel.WHATSAPP, DemoSecrets.SALON_WA_NUMBER,
                        new Contact("7916" + String.format("%07d", i), "Клиент " + i,
                                "+7916" + String.format("%07d", i)),
                        "haircut", "Стрижка", "anna", "Анна", startsAt, startsAt.plus(Duration.ofHours(1)),
                        MOSCOW.getId());
                producer.send(new ProducerRecord<>(EventTypes.APPOINTMENT_BOOKED.topic(), conversation,
                        EventJson.write(EventEnvelope.of(EventTypes.APPOINTMENT_BOOKED, "routing-service",
                                Instant.now(), TENANT, conversation, booked)))).get(10, TimeUnit.SECONDS);
            }
            // both replicas consume (one consumer group, partitions split between them) into the shared database
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(
                    () -> booked(replicaB).size() == BOOKINGS);

            Instant target = day.minusDays(1).atTime(16, 0).atZone(MOSCOW).toInstant();
            List<JsonNode> ticks = tickBothAt("{\"to\":\"" + target + "\"}");
            Set<String> sentByA = ids(ticks.get(0).path("sent"));
            Set<String> sentByB = ids(ticks.get(1).path("sent"));
            System.out.printf("[replicas] concurrent tick at %s: replica a sent %d, replica b sent %d%n", target,
                    sentByA.size(), sentByB.size());
            // no reminder sent by both (either replica may have claimed the whole batch, the other none)
            Set<String> sentByBoth = new HashSet<>(sentByA);
            sentByBoth.retainAll(sentByB);
            assertThat(sentByBoth).as("reminders sent by both replicas").isEmpty();
            Set<String> sent = new HashSet<>(sentByA);
            sent.addAll(sentByB);

            // what the shared database says: the reminders SENT are exactly the two ticks' together, one for every
            // appointment that had a reminder due by then (the tenant's reminder experiment may plan fewer
            // reminders for some arms, so not every booking has one due), none for the others
            Set<String> sentInDb = new HashSet<>();
            Set<String> remindedConversations = new HashSet<>();
            for (Map.Entry<UUID, String> booking : conversationOf.entrySet()) {
                JsonNode reminders = Http.get(url(replicaA) + "/api/v1/appointments/" + booking.getKey()
                        + "/reminders", DemoSecrets.SALON_API_KEY);
                boolean anyDue = false;
                int sentOfThis = 0;
                for (JsonNode r : reminders) {
                    anyDue |= !Instant.parse(r.path("dueAt").asText()).isAfter(target);
                    if ("SENT".equals(r.path("status").asText())) {
                        sentOfThis++;
                        sentInDb.add(r.path("id").asText());
                    }
                }
                assertThat(sentOfThis).as("reminders sent for %s", booking.getKey()).isEqualTo(anyDue ? 1 : 0);
                if (anyDue) {
                    remindedConversations.add(booking.getValue());
                }
            }
            assertThat(sent).isNotEmpty().isEqualTo(sentInDb);
            System.out.printf("[replicas] %d of %d bookings had a reminder due; all %d sent once%n",
                    remindedConversations.size(), BOOKINGS, sent.size());

            // exactly one of each on the broker, and it stays so (no late duplicate from the other replica's relay)
            int expected = sent.size();
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> events.count("reminder_sent") >= expected && events.count("reply_requested")
                            >= expected);
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> events.count("reminder_sent") == expected
                            && events.count("reply_requested") == expected);
            Map<String, Long> reminderSent = events.countBy("reminder_sent", d -> d.path("reminderId").asText());
            assertThat(reminderSent.keySet()).isEqualTo(sent);
            assertThat(reminderSent.values()).containsOnly(1L);
            Map<String, Long> replies = events.countBy("reply_requested", d -> d.path("conversationId").asText());
            assertThat(replies.keySet()).isEqualTo(remindedConversations);
            assertThat(replies.values()).containsOnly(1L);
            assertThat(events.all("reply_requested")).allSatisfy(d -> assertThat(d.path("kind").asText())
                    .isEqualTo("REMINDER"));

            // a second concurrent tick a minute later finds nothing left to send
            List<JsonNode> again = tickBothAt("{\"advance\":\"PT1M\"}");
            assertThat(ids(again.get(0).path("sent"))).isEmpty();
            assertThat(ids(again.get(1).path("sent"))).isEmpty();
            // the other replica reads the same shared database
            assertThat(booked(replicaA)).hasSize(BOOKINGS);
        }
    }

    /** POSTs the body to both replicas' admin clock at the same moment; their answers, a then b. */
    static List<JsonNode> tickBothAt(String body) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        for (Suite replica : List.of(replicaA, replicaB)) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    return Http.post(url(replica) + "/api/v1/admin/clock", DemoSecrets.ADMIN_API_KEY, body);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        go.countDown();
        List<JsonNode> answers = new ArrayList<>();
        for (CompletableFuture<JsonNode> call : calls) {
            answers.add(call.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    static List<JsonNode> booked(Suite replica) throws IOException, InterruptedException {
        List<JsonNode> open = new ArrayList<>();
        Http.get(url(replica) + "/api/v1/admin/appointments", DemoSecrets.ADMIN_API_KEY).forEach(open::add);
        return open;
    }

    static Set<String> ids(JsonNode array) {
        Set<String> ids = new HashSet<>();
        array.forEach(n -> ids.add(n.asText()));
        return ids;
    }

    static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p);
    }
}
