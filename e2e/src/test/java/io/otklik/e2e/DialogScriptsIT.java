package io.otklik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventJson;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Channel;
import io.otklik.events.data.ReminderSent;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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

    static RunningSuite run;
    static InfraProcess infra;
    static Fakes fakes;
    static Suite suite;
    static Clients clients;
    static EventLog events;
    static KafkaProducer<String, String> producer;
    static final AtomicLong CLIENT_NUMBER = new AtomicLong(1);

    @BeforeAll
    static void startEverything() throws Exception {
        // own databases (otklik_dlg_*), so this run never meets EndToEndIT's or the demo's
        run = RunningSuite.start("dlg", "dialog-run");
        infra = run.infra();
        fakes = run.fakes();
        suite = run.suite();
        clients = run.clients();
        events = new EventLog(infra.kafka(), "dialog-scripts", Pattern.compile("reply_requested|message_classified"
                + "|appointment_[a-z]+|handoff_requested|lead_created|lead_routed|reminder_sent"));
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
        if (run != null) {
            run.close();
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
        /** After a silent step: how many answers the person had, which the next message must find unchanged. */
        int silencedAnswers = -1;

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
                } else if (step instanceof DialogScript.Takeover t) {
                    takeover(script, who, t.take(), transcript);
                } else if (((DialogScript.Say) step).silent()) {
                    unanswered(script, who, (DialogScript.Say) step, transcript);
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
        if (who.silencedAnswers >= 0) {
            assertThat(answered).as("no answer to the message the bot had to leave to a person").isEqualTo(
                    who.silencedAnswers);
            who.silencedAnswers = -1;
        }
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

    /**
     * A message the bot must not answer: delivered, then awaited until routing-service has taken it in (the
     * conversation's last message time reaches it), and no answer may have come by then. Routing handles a
     * conversation's messages in order, so an answer to it would also come before the answer to the next message,
     * which the next step checks.
     */
    void unanswered(DialogScript script, Person who, DialogScript.Say step, StringBuilder transcript)
            throws Exception {
        assertThat(who.conversationId).as("a silent step continues a conversation").isNotNull();
        int start = events.size();
        int answered = answers(script, who, 0).size();
        Clients.Answer delivered = clients.deliver(webhook(script, who, step.text()));
        assertThat(delivered.status()).as("ingest accepted «%s»", step.text()).isEqualTo(200);
        transcript.append(who.name).append(" → ").append(step.text()).append('\n');
        Awaitility.await("nlu classified «" + step.text() + "»").atMost(WAIT)
                .until(() -> !"?".equals(classification(who, step.text(), start)));
        Instant received = events.since(start, "message_classified").stream()
                .filter(e -> who.conversationId.equals(e.key()))
                .filter(e -> step.text().equals(e.data().path("message").path("text").asText()))
                .map(e -> Instant.parse(e.data().path("message").path("receivedAt").asText()))
                .findFirst().orElseThrow()
                .truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps of it
        String url = suite.url(Suite.Service.ROUTING) + "/api/v1/conversations/" + who.conversationId;
        String key = apiKey(script);
        Awaitility.await("routing took «" + step.text() + "» in").atMost(WAIT).until(() ->
                !Instant.parse(Http.get(url, key).path("lastMessageAt").asText()).isBefore(received));
        transcript.append("  [nlu: ").append(classification(who, step.text(), start)).append("]\n");
        assertThat(answers(script, who, 0)).as("the bot stays silent after «%s»%n%s", step.text(), transcript)
                .hasSize(answered);
        transcript.append("бот молчит (разговор ведёт администратор)\n");
        who.silencedAnswers = answered;
    }

    /** The on-duty administrator takes the client's conversation over, or gives it back, through the admin API. */
    void takeover(DialogScript script, Person who, boolean take, StringBuilder transcript) throws Exception {
        assertThat(who.conversationId).as("a takeover needs a conversation").isNotNull();
        String url = suite.url(Suite.Service.ROUTING) + "/api/v1/conversations/" + who.conversationId
                + (take ? "/takeover" : "/release");
        JsonNode answer = Http.post(url, apiKey(script), take ? "{\"minutes\": 30, \"staffId\": \"marina\"}" : "{}");
        assertThat(answer.path("takenOver").asBoolean()).as("%s answered %s", url, answer).isEqualTo(take);
        transcript.append(take ? "~ администратор Марина взяла разговор на себя\n"
                : "~ администратор вернула разговор боту\n");
    }

    static String apiKey(DialogScript script) {
        return script.tenant().equals("clinic") ? DemoSecrets.CLINIC_API_KEY : DemoSecrets.SALON_API_KEY;
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
        String key = apiKey(script);
        Awaitility.await("routing took the reminder in").atMost(WAIT).until(() -> appointmentId.equals(
                Http.get(suite.url(Suite.Service.ROUTING) + "/api/v1/conversations/" + who.conversationId, key)
                        .path("remindedAppointmentId").asText()));
        transcript.append("~ reminder-service reminded ").append(who.name).append(" of the visit\n");
    }
}
