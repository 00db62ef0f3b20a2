package io.otklik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventJson;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Channel;
import io.otklik.events.data.ReminderSent;
import io.otklik.testkit.Ports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The scripted Russian dialogs of {@code src/test/resources/dialogs/}, each a multi-turn conversation through the
 * six services as processes: every client message goes to ingest-service's real webhook (signed WhatsApp, Telegram
 * with its secret token), the real nlu-service model classifies it, routing-service answers; the answer is read as
 * {@code reply_requested} from the broker, and the other events of the turn (appointment_*, handoff_requested …)
 * likewise. One suite start for all dialogs; transcripts land in {@code target/dialogs/}.
 */
class DialogScriptsIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SCRIPTS = Path.of("src/test/resources/dialogs");

    static InfraProcess infra;
    static Fakes fakes;
    static Suite suite;
    static Clients clients;
    static EventLog events;
    static KafkaProducer<String, String> producer;
    static final AtomicLong CLIENT_NUMBER = new AtomicLong(1);

    /** Every record of the watched topics, in arrival order. */
    static final class EventLog implements AutoCloseable {

        record Event(int index, String topic, String key, JsonNode envelope) {

            JsonNode data() {
                return envelope.path("data");
            }
        }

        private final List<Event> all = new ArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread poller;

        EventLog(String bootstrap) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "dialog-scripts-" + UUID.randomUUID());
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
            consumer.subscribe(Pattern.compile("reply_requested|message_classified|appointment_[a-z]+"
                    + "|handoff_requested|lead_created|lead_routed|reminder_sent"));
            poller = new Thread(() -> {
                try (consumer) {
                    while (running.get()) {
                        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                            try {
                                JsonNode envelope = JSON.readTree(r.value());
                                synchronized (all) {
                                    all.add(new Event(all.size(), r.topic(), r.key(), envelope));
                                }
                            } catch (IOException e) {
                                // not ours (a poison-message test would put such a thing here); skip it
                            }
                        }
                    }
                }
            }, "dialog-scripts-events");
            poller.setDaemon(true);
            poller.start();
        }

        int size() {
            synchronized (all) {
                return all.size();
            }
        }

        List<Event> since(int index, String topic) {
            synchronized (all) {
                return all.subList(Math.min(index, all.size()), all.size()).stream()
                        .filter(e -> e.topic().equals(topic)).toList();
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            poller.join(5000);
        }
    }

    @BeforeAll
    static void startEverything() throws Exception {
        Path root = Project.root();
        Path work = root.resolve("e2e/target/dialog-run");
        // own databases (otklik_dlg_*), so this run never meets EndToEndIT's or the demo's
        infra = InfraProcess.start(root, work.resolve("infra"), Ports.free(), Ports.free(), Suite.databases("dlg"),
                line -> System.out.println("[infra] " + line));
        fakes = Fakes.start(0);
        Map<String, String> env = new HashMap<>(infra.env());
        env.putAll(DemoSecrets.env(fakes));
        suite = Suite.start(root, work.resolve("logs"), "dlg", Ports.freeBlock(6), env,
                line -> System.out.println("[suite] " + line));
        clients = new Clients(suite.url(Suite.Service.INGEST));
        events = new EventLog(infra.kafka());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(p);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (producer != null) {
            producer.close();
        }
        if (events != null) {
            events.close();
        }
        if (suite != null) {
            suite.close();
        }
        if (fakes != null) {
            fakes.close();
        }
        if (infra != null) {
            infra.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> dialogs() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(SCRIPTS)) {
            files = list.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).as("scripted dialogs").hasSizeGreaterThanOrEqualTo(15);
        List<DialogScript> scripts = new ArrayList<>();
        for (Path f : files) {
            scripts.add(DialogScript.read(f));
        }
        return scripts.stream().map(s -> DynamicTest.dynamicTest(s.name() + ": " + s.title(), () -> run(s)));
    }

    /** A client of one script: their channel identity, and their conversation once the first answer names it. */
    static final class Person {
        final String name;
        final String userId;
        final long number;
        String conversationId;

        Person(String name, String channel) {
            this.name = name;
            this.number = CLIENT_NUMBER.getAndIncrement();
            this.userId = channel.equals("telegram") ? Long.toString(500_000_000L + number)
                    : Long.toString(79_990_000_000L + number);
        }
    }

    void run(DialogScript script) throws Exception {
        Map<String, Person> people = new HashMap<>();
        StringBuilder transcript = new StringBuilder("# " + script.title() + " (" + script.tenant() + ", "
                + script.channel() + ")\n");
        try {
            for (DialogScript.Step step : script.steps()) {
                Person who = people.computeIfAbsent(step.client(), n -> new Person(n, script.channel()));
                if (step instanceof DialogScript.Remind) {
                    remind(script, who, transcript);
                } else {
                    say(script, who, (DialogScript.Say) step, transcript);
                }
            }
        } finally {
            Path out = Path.of("target/dialogs");
            Files.createDirectories(out);
            Files.writeString(out.resolve(script.name() + ".txt"), transcript, StandardCharsets.UTF_8);
            System.out.println(transcript);
        }
    }

    void say(DialogScript script, Person who, DialogScript.Say step, StringBuilder transcript) throws Exception {
        int start = events.size();
        int answered = answers(script, who, 0).size();
        Clients.Webhook webhook = webhook(script, who, step.text());
        Clients.Answer delivered = clients.deliver(webhook);
        assertThat(delivered.status()).as("ingest accepted «%s»", step.text()).isEqualTo(200);
        transcript.append(who.name).append(" → ").append(step.text()).append('\n');

        Awaitility.await("the answer to «" + step.text() + "»").atMost(WAIT)
                .until(() -> answers(script, who, 0).size() > answered);
        EventLog.Event reply = answers(script, who, 0).get(answered);
        who.conversationId = reply.key();
        String text = reply.data().path("text").asText();
        String intent = classification(who, step.text(), start);
        transcript.append("  [nlu: ").append(intent).append("]\n");
        transcript.append("бот → ").append(text).append('\n');
        assertThat(step.reply().matcher(text).matches())
                .as("the answer to «%s»%n  was: %s%n  expected: %s%n%s", step.text(), text, step.replySource(),
                        transcript)
                .isTrue();
        for (DialogScript.Expect expect : step.events()) {
            Awaitility.await(expect + " after «" + step.text() + "»").atMost(WAIT)
                    .until(() -> events.since(start, expect.type()).stream()
                            .anyMatch(e -> who.conversationId.equals(e.key()) && matches(e, expect)));
            transcript.append("  ! ").append(expect).append('\n');
        }
    }

    /** The ANSWER replies to this person on the script's channel, oldest first. */
    static List<EventLog.Event> answers(DialogScript script, Person who, int since) {
        return events.since(since, "reply_requested").stream()
                .filter(e -> "ANSWER".equals(e.data().path("kind").asText()))
                .filter(e -> who.userId.equals(e.data().path("recipient").path("channelUserId").asText()))
                .filter(e -> script.channel().equalsIgnoreCase(e.data().path("channel").asText()))
                .toList();
    }

    /** nlu-service's intent (and fallback flag) for the message, for the transcript. */
    static String classification(Person who, String text, int start) {
        return events.since(start, "message_classified").stream()
                .filter(e -> who.conversationId.equals(e.key()))
                .filter(e -> text.equals(e.data().path("message").path("text").asText()))
                .map(e -> {
                    JsonNode c = e.data().path("classification");
                    return c.path("intent").asText() + String.format(" %.2f", c.path("confidence").asDouble())
                            + (c.path("fallback").asBoolean() ? " fallback" : "")
                            + (c.path("urgent").asBoolean() ? " urgent" : "");
                })
                .findFirst().orElse("?");
    }

    static boolean matches(EventLog.Event e, DialogScript.Expect expect) {
        return expect.fields().entrySet().stream()
                .allMatch(f -> f.getValue().equals(e.data().path(f.getKey()).asText()));
    }

    static Clients.Webhook webhook(DialogScript script, Person who, String text) {
        if (script.channel().equals("telegram")) {
            return Clients.telegram("lyon_salon_bot", DemoSecrets.SALON_TG_SECRET, 900_000_000L
                    + CLIENT_NUMBER.getAndIncrement() * 10, Long.parseLong(who.userId), who.name, text);
        }
        boolean clinic = script.tenant().equals("clinic");
        return Clients.whatsApp(clinic ? DemoSecrets.CLINIC_WA_NUMBER : DemoSecrets.SALON_WA_NUMBER,
                clinic ? DemoSecrets.CLINIC_WA_APP_SECRET : DemoSecrets.SALON_WA_APP_SECRET, who.userId, who.name,
                text);
    }

    /**
     * reminder-service's reminders fall due hours before a visit, too late for a test: the reminder_sent it would
     * publish is put on the broker here (routing-service consumes it for real), and the test waits until routing
     * has taken it in before the client answers.
     */
    void remind(DialogScript script, Person who, StringBuilder transcript) throws Exception {
        assertThat(who.conversationId).as("a reminder needs a conversation").isNotNull();
        List<EventLog.Event> booked = events.since(0, "appointment_booked").stream()
                .filter(e -> who.conversationId.equals(e.key())).toList();
        assertThat(booked).as("a reminder needs a booked appointment").isNotEmpty();
        String appointmentId = booked.get(booked.size() - 1).data().path("appointmentId").asText();
        String tenantId = script.tenant().equals("clinic") ? "demo-clinic" : "demo-salon";
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope<ReminderSent> reminder = EventEnvelope.of(EventTypes.REMINDER_SENT, "reminder-service", now,
                tenantId, who.conversationId, new ReminderSent(UUID.randomUUID(), UUID.fromString(appointmentId),
                        who.conversationId, Channel.valueOf(script.channel().toUpperCase(java.util.Locale.ROOT)),
                        "before_24h", now, now, null));
        producer.send(new ProducerRecord<>(EventTypes.REMINDER_SENT.topic(), who.conversationId,
                EventJson.write(reminder))).get();
        String key = script.tenant().equals("clinic") ? DemoSecrets.CLINIC_API_KEY : DemoSecrets.SALON_API_KEY;
        Awaitility.await("routing took the reminder in").atMost(WAIT).until(() -> appointmentId.equals(
                Http.get(suite.url(Suite.Service.ROUTING) + "/api/v1/conversations/" + who.conversationId, key)
                        .path("remindedAppointmentId").asText()));
        transcript.append("~ reminder-service reminded ").append(who.name).append(" of the visit\n");
    }
}
