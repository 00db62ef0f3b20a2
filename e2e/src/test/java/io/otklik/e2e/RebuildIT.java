package io.otklik.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.otklik.e2e.rebuild.MetricsRebuild;
import io.otklik.e2e.rebuild.MetricsStore;
import io.otklik.e2e.rebuild.TopicOffsets;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventJson;
import io.otklik.events.EventType;
import io.otklik.events.EventTypes;
import io.otklik.events.Topics;
import io.otklik.events.data.AppointmentBooked;
import io.otklik.events.data.AppointmentCancelled;
import io.otklik.events.data.AppointmentConfirmed;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Classification;
import io.otklik.events.data.Contact;
import io.otklik.events.data.Entities;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.MessageClassified;
import io.otklik.events.data.MessageReceived;
import io.otklik.events.data.NoShow;
import io.otklik.events.data.ReplyFailed;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplySent;
import io.otklik.events.data.Utm;
import io.otklik.testkit.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metrics rebuild on real processes: a fresh broker and PostgreSQL, one live metrics-service, a varied stream of
 * events of two tenants published the way the services publish them (a duplicate, events out of order, an unreadable
 * record), then {@link MetricsRebuild} — the code ./otklik metrics-rebuild runs — replays the topics into a fresh
 * database with a new consumer group. The rebuilt reports must equal the live ones field by field (admin totals and
 * each tenant) and hold the numbers computed by hand below.
 */
class RebuildIT {

    static final String SALON = "demo-salon";
    static final String CLINIC = "demo-clinic";
    /** A past morning: every event of this test is dated from here on (the broker is the test's own). */
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final String SUFFIX = System.getenv().getOrDefault("OTKLIK_TEST_DB_SUFFIX", "")
            .replaceAll("[^a-z0-9]", "");
    static final String RUN = "rbit" + SUFFIX;
    static final String REBUILT_DB = "otklik_" + RUN + "_rebuilt";

    static final List<AutoCloseable> STARTED = new ArrayList<>();
    static InfraProcess infra;
    static Fakes fakes;
    static Suite live;
    static MetricsStore store;
    static Path work;

    @BeforeAll
    static void startBrokerDatabaseAndLiveMetrics() throws Exception {
        Path root = Project.root();
        work = root.resolve("e2e/target/rebuild-run");
        try {
            infra = InfraProcess.start(root, work.resolve("infra"), Ports.free(), Ports.free(),
                    List.of(Suite.Service.METRICS.database(RUN)), line -> System.out.println("[infra] " + line));
            STARTED.add(infra);
            fakes = Fakes.start(0);
            STARTED.add(fakes);
            Map<String, String> env = new HashMap<>(infra.env());
            env.putAll(DemoSecrets.env(fakes));
            live = Suite.start(root, work.resolve("logs-live"), RUN, Ports.freeBlock(6), env,
                    List.of(Suite.Service.METRICS), line -> System.out.println("[live] " + line));
            STARTED.add(live);
            Map<String, String> pg = infra.env();
            store = new MetricsStore(pg.get("OTKLIK_PG_HOST"), Integer.parseInt(pg.get("OTKLIK_PG_PORT")),
                    pg.get("OTKLIK_PG_USER"), null);
            store.drop(REBUILT_DB);
        } catch (Exception | Error e) {
            stopAll();
            throw e;
        }
    }

    @AfterAll
    static void stopAll() {
        Shutdown.closeAll(new ArrayList<>(STARTED), "rebuild-it");
        STARTED.clear();
        if (store != null) {
            store.drop(REBUILT_DB);
        }
    }

    @Test
    void rebuiltStoreGivesTheLiveNumbers() throws Exception {
        publishStream();

        // the live service has read everything (its group committed the end offsets) and shows it
        try (TopicOffsets offsets = TopicOffsets.connect(infra.kafka())) {
            TopicOffsets.Snapshot ends = offsets.snapshot(offsets.eventTopics());
            offsets.awaitConsumed(MetricsRebuild.DEFAULT_LIVE_GROUP, ends, Duration.ofSeconds(90),
                    Duration.ofSeconds(5), "live", System.out::println);
        }

        List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
        MetricsRebuild.Outcome outcome = MetricsRebuild.run(new MetricsRebuild.Settings(Project.root(),
                        work.resolve("rebuild"), infra.kafka(), store, REBUILT_DB, "metrics-service-rebuild-it",
                        DemoSecrets.ADMIN_API_KEY, MetricsRebuild.HISTORY_FROM, MetricsRebuild.HISTORY_TO,
                        live.url(Suite.Service.METRICS), MetricsRebuild.DEFAULT_LIVE_GROUP, Duration.ofSeconds(180),
                        DemoSecrets.env(fakes)),
                line -> System.out.println("[rebuild] " + line), started);

        assertThat(started).as("the rebuilt service is stopped").isEmpty();
        assertThat(outcome.liveProblem()).isNull();
        assertThat(outcome.rebuilt().keySet()).containsExactly(MetricsRebuild.ALL_TENANTS, CLINIC, SALON);
        assertThat(outcome.live().keySet()).containsExactlyElementsOf(outcome.rebuilt().keySet());
        for (String scope : outcome.rebuilt().keySet()) {
            JsonNode rebuilt = outcome.rebuilt().get(scope);
            JsonNode liveReport = outcome.live().get(scope);
            List<String> fields = new ArrayList<>();
            rebuilt.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(scope).contains("conversations", "ttfr", "by_channel", "by_utm_source");
            for (String field : fields) {
                assertThat(rebuilt.get(field)).as(scope + " " + field).isEqualTo(liveReport.get(field));
            }
            assertThat(rebuilt).as(scope).isEqualTo(liveReport);
        }
        assertThat(outcome.differences()).isEmpty();
        assertThat(outcome.identical()).isTrue();
        assertThat(outcome.switchEnv()).containsEntry("OTKLIK_METRICS_DB", REBUILT_DB)
                .containsEntry("OTKLIK_METRICS_GROUP", "metrics-service-rebuild-it");

        assertSalon(outcome.rebuilt().get(SALON));
        assertClinic(outcome.rebuilt().get(CLINIC));
        assertTotals(outcome.rebuilt().get(MetricsRebuild.ALL_TENANTS));

        // the unreadable record went to its dead-letter topic once, from the live service: the replay ignored it
        try (TopicOffsets offsets = TopicOffsets.connect(infra.kafka())) {
            assertThat(offsets.snapshot(List.of(Topics.deadLetter(Topics.LEAD_CREATED))).events()).isEqualTo(1);
        }
    }

    /** 4 conversations, 5 messages (one delivered twice), 1 fallback of 5, 2 leads, 2 bookings, TTFR 800…6500 ms. */
    static void assertSalon(JsonNode r) {
        assertCounts(r, 4, 5, 2, 2, 1, 0, 1, 5, 1);
        assertThat(r.path("fallback_rate").asDouble()).isCloseTo(0.2, within(1e-9));
        assertThat(r.path("chat_to_lead").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(r.path("confirmed_share").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(r.path("no_show_rate").asDouble()).isCloseTo(0.5, within(1e-9));
        // first responses 800 (C), 1200 (A), 3000 (B: the earlier answer arrived second), 6500 (D)
        assertTtfr(r, 4, 1200, 6500, 6500, 0.75);
        assertThat(r.path("intents").path("booking").asLong()).isEqualTo(2);
        assertThat(r.path("intents").path("price").asLong()).isEqualTo(1);
        assertThat(r.path("by_channel").path("WHATSAPP").path("leads").asLong()).isEqualTo(1);
        assertThat(r.path("by_channel").path("TELEGRAM").path("messages").asLong()).isEqualTo(2);
        assertThat(r.path("by_channel").path("TELEGRAM").path("booked").asLong()).isEqualTo(1);
        assertThat(r.path("by_utm_source").path("instagram").path("conversations").asLong()).isEqualTo(1);
        assertThat(r.path("by_utm_source").path("vk").path("conversations").asLong()).isEqualTo(1);
    }

    /** 2 conversations, 2 messages, 1 fallback of 2, 2 leads, 2 bookings (one cancelled, one no-show). */
    static void assertClinic(JsonNode r) {
        assertCounts(r, 2, 2, 2, 2, 0, 1, 1, 2, 0);
        assertThat(r.path("fallback_rate").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(r.path("chat_to_lead").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(r.path("no_show_rate").asDouble()).isCloseTo(0.5, within(1e-9));
        assertTtfr(r, 2, 2500, 4000, 4000, 1.0);
        assertThat(r.path("by_utm_source").path("google").path("leads").asLong()).isEqualTo(1);
    }

    /** Both tenants: TTFR 800, 1200, 2500, 3000, 4000, 6500 ms. */
    static void assertTotals(JsonNode r) {
        assertThat(r.path("tenant").asText()).isEqualTo("*");
        assertCounts(r, 6, 7, 4, 4, 1, 1, 2, 7, 1);
        assertThat(r.path("fallback_rate").asDouble()).isCloseTo(2.0 / 7, within(1e-9));
        assertThat(r.path("chat_to_lead").asDouble()).isCloseTo(4.0 / 6, within(1e-9));
        assertTtfr(r, 6, 2500, 6500, 6500, 5.0 / 6);
    }

    static void assertCounts(JsonNode r, long conversations, long messages, long leads, long booked, long confirmed,
                             long cancelled, long noShow, long repliesSent, long repliesFailed) {
        String scope = r.path("tenant").asText();
        assertThat(List.of(r.path("conversations").asLong(), r.path("messages").asLong(), r.path("leads").asLong(),
                r.path("booked").asLong(), r.path("confirmed").asLong(), r.path("cancelled").asLong(),
                r.path("no_show").asLong(), r.path("replies_sent").asLong(), r.path("replies_failed").asLong()))
                .as(scope + ": conversations, messages, leads, booked, confirmed, cancelled, no_show, replies_sent,"
                        + " replies_failed")
                .containsExactly(conversations, messages, leads, booked, confirmed, cancelled, noShow, repliesSent,
                        repliesFailed);
        assertThat(r.path("rescheduled").asLong()).isZero();
    }

    static void assertTtfr(JsonNode r, long count, long p50, long p90, long max, double under5s) {
        JsonNode ttfr = r.path("ttfr");
        assertThat(ttfr.path("count").asLong()).isEqualTo(count);
        assertThat(ttfr.path("p50_ms").asLong()).isEqualTo(p50);
        assertThat(ttfr.path("p90_ms").asLong()).isEqualTo(p90);
        assertThat(ttfr.path("max_ms").asLong()).isEqualTo(max);
        assertThat(ttfr.path("under_5s_share").asDouble()).isCloseTo(under5s, within(1e-9));
    }

    // ---- the stream ----

    static void publishStream() throws Exception {
        try (Stream s = new Stream()) {
            // salon A: WhatsApp from an Instagram ad; answered in 1.2 s; lead, booking, and its confirmation
            // published before the booking (out of order)
            MessageReceived a = s.message(SALON, Channel.WHATSAPP, "instagram", T0);
            s.classified(SALON, a, "booking", false);
            s.answer(SALON, a, 1200);
            s.lead(SALON, a, "instagram", T0.plusSeconds(2));
            UUID bookingA = UUID.randomUUID();
            s.confirmed(SALON, a, bookingA, T0.plusSeconds(120));
            s.booked(SALON, a, bookingA, T0.plusSeconds(3));

            // salon B: Telegram, two messages, the first a fallback; an answer after 7 s, then an earlier one
            // (3 s) arriving late, which becomes the first response; lead, booking, no-show
            MessageReceived b1 = s.message(SALON, Channel.TELEGRAM, null, T0.plus(Duration.ofMinutes(10)));
            MessageReceived b2 = s.message(SALON, Channel.TELEGRAM, b1.conversationId(), null,
                    T0.plus(Duration.ofMinutes(11)));
            s.classified(SALON, b1, "other", true);
            s.classified(SALON, b2, "booking", false);
            s.answer(SALON, b1, 7000);
            s.answer(SALON, b1, 3000);
            s.lead(SALON, b1, null, T0.plus(Duration.ofMinutes(12)));
            UUID bookingB = UUID.randomUUID();
            s.booked(SALON, b1, bookingB, T0.plus(Duration.ofMinutes(13)));
            s.noShow(SALON, b1, bookingB, T0.plus(Duration.ofDays(1)));

            // salon C: Instagram from a VK campaign, its message delivered twice (same event id); a price
            // question answered in 0.8 s; a follow-up that failed
            MessageReceived c = s.messageTwice(SALON, Channel.INSTAGRAM, "vk", T0.plus(Duration.ofMinutes(20)));
            s.classified(SALON, c, "price", false);
            s.answer(SALON, c, 800);
            s.failed(SALON, c, T0.plus(Duration.ofHours(1)));

            // salon D: web form, a consultation answered in 6.5 s (over the target)
            MessageReceived d = s.message(SALON, Channel.WEB_FORM, null, T0.plus(Duration.ofMinutes(30)));
            s.classified(SALON, d, "consultation", false);
            s.answer(SALON, d, 6500);

            // clinic E: WhatsApp from Google, answered in 2.5 s; lead, booking; the no-show published first
            MessageReceived e = s.message(CLINIC, Channel.WHATSAPP, "google", T0.plus(Duration.ofMinutes(5)));
            s.classified(CLINIC, e, "booking", false);
            s.answer(CLINIC, e, 2500);
            s.lead(CLINIC, e, "google", T0.plus(Duration.ofMinutes(6)));
            UUID bookingE = UUID.randomUUID();
            s.noShow(CLINIC, e, bookingE, T0.plus(Duration.ofDays(2)));
            s.booked(CLINIC, e, bookingE, T0.plus(Duration.ofMinutes(7)));

            // clinic F: Telegram, a fallback answered in 4 s; lead, booking, cancelled
            MessageReceived f = s.message(CLINIC, Channel.TELEGRAM, null, T0.plus(Duration.ofMinutes(40)));
            s.classified(CLINIC, f, "other", true);
            s.answer(CLINIC, f, 4000);
            s.lead(CLINIC, f, null, T0.plus(Duration.ofMinutes(41)));
            UUID bookingF = UUID.randomUUID();
            s.booked(CLINIC, f, bookingF, T0.plus(Duration.ofMinutes(42)));
            s.cancelled(CLINIC, f, bookingF, T0.plus(Duration.ofMinutes(50)));

            // not an event at all: the live service sends it to lead_created.dlq, the replay ignores it
            s.raw(Topics.LEAD_CREATED, f.conversationId(), "not an event");
        }
    }

    /** Publishes events as the services do: JSON envelopes keyed by the conversation id, acks=all. */
    static final class Stream implements AutoCloseable {

        private final KafkaProducer<String, String> producer;

        Stream() {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }

        MessageReceived message(String tenant, Channel channel, String utm, Instant at) throws Exception {
            return message(tenant, channel, channel.name().toLowerCase() + ":" + UUID.randomUUID(), utm, at);
        }

        MessageReceived message(String tenant, Channel channel, String conversation, String utm, Instant at)
                throws Exception {
            MessageReceived m = received(channel, conversation, utm, at);
            send(EventTypes.MESSAGE_RECEIVED, "ingest-service", at, tenant, conversation, m);
            return m;
        }

        /** The same event (same id) twice, as a producer retry would deliver it. */
        MessageReceived messageTwice(String tenant, Channel channel, String utm, Instant at) throws Exception {
            String conversation = channel.name().toLowerCase() + ":" + UUID.randomUUID();
            MessageReceived m = received(channel, conversation, utm, at);
            EventEnvelope<MessageReceived> event = EventEnvelope.of(EventTypes.MESSAGE_RECEIVED, "ingest-service",
                    at, tenant, conversation, m);
            publish(EventTypes.MESSAGE_RECEIVED, conversation, event);
            publish(EventTypes.MESSAGE_RECEIVED, conversation, event);
            return m;
        }

        private static MessageReceived received(Channel channel, String conversation, String utm, Instant at) {
            return new MessageReceived(UUID.randomUUID(), conversation, channel, "account-1",
                    "ext-" + UUID.randomUUID(), new Contact("user-" + conversation, "Иван", "+79161234567"),
                    "Хочу записаться на стрижку", at.minusMillis(300), at,
                    utm == null ? null : new Utm(utm, "cpc", "spring", null, null));
        }

        void classified(String tenant, MessageReceived m, String intent, boolean fallback) throws Exception {
            send(EventTypes.MESSAGE_CLASSIFIED, "nlu-service", m.receivedAt().plusMillis(100), tenant,
                    m.conversationId(), new MessageClassified(m, new Classification(intent, fallback ? 0.3 : 0.9,
                            false, fallback, Entities.none(), "test-model-1")));
        }

        void answer(String tenant, MessageReceived m, long afterMs) throws Exception {
            Instant sent = m.receivedAt().plusMillis(afterMs);
            send(EventTypes.REPLY_SENT, "ingest-service", sent, tenant, m.conversationId(),
                    new ReplySent(UUID.randomUUID(), m.conversationId(), m.channel(), "wamid." + UUID.randomUUID(),
                            ReplyKind.ANSWER, m.messageId(), m.receivedAt(), sent));
        }

        void failed(String tenant, MessageReceived m, Instant at) throws Exception {
            send(EventTypes.REPLY_FAILED, "ingest-service", at, tenant, m.conversationId(),
                    new ReplyFailed(UUID.randomUUID(), m.conversationId(), m.channel(), ReplyKind.FOLLOW_UP,
                            "131047", "outside the 24 h window", false, at));
        }

        void lead(String tenant, MessageReceived m, String utm, Instant at) throws Exception {
            send(EventTypes.LEAD_CREATED, "routing-service", at, tenant, m.conversationId(),
                    new LeadCreated(UUID.randomUUID(), m.conversationId(), "client-1", m.channel(), m.contact(),
                            utm == null ? null : new Utm(utm, null, null, null, null), "BOOK",
                            "Клиент хочет записаться", false, m.receivedAt()));
        }

        void booked(String tenant, MessageReceived m, UUID appointment, Instant at) throws Exception {
            Instant startsAt = T0.plus(Duration.ofDays(1));
            send(EventTypes.APPOINTMENT_BOOKED, "routing-service", at, tenant, m.conversationId(),
                    new AppointmentBooked(appointment, m.conversationId(), null, "client-1", m.channel(),
                            "account-1", m.contact(), "haircut", "Стрижка", "anna", "Анна", startsAt,
                            startsAt.plus(Duration.ofHours(1)), "Europe/Moscow"));
        }

        void confirmed(String tenant, MessageReceived m, UUID appointment, Instant at) throws Exception {
            send(EventTypes.APPOINTMENT_CONFIRMED, "routing-service", at, tenant, m.conversationId(),
                    new AppointmentConfirmed(appointment, m.conversationId(), null, T0.plus(Duration.ofDays(1)), at,
                            "client_reply"));
        }

        void cancelled(String tenant, MessageReceived m, UUID appointment, Instant at) throws Exception {
            send(EventTypes.APPOINTMENT_CANCELLED, "routing-service", at, tenant, m.conversationId(),
                    new AppointmentCancelled(appointment, m.conversationId(), null, T0.plus(Duration.ofDays(1)), at,
                            "client_request"));
        }

        void noShow(String tenant, MessageReceived m, UUID appointment, Instant at) throws Exception {
            send(EventTypes.NO_SHOW, "reminder-service", at, tenant, m.conversationId(),
                    new NoShow(appointment, m.conversationId(), null, T0.plus(Duration.ofDays(1)), at, "marina"));
        }

        void raw(String topic, String key, String value) throws Exception {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }

        private <D> void send(EventType<D> type, String source, Instant at, String tenant, String conversation,
                              D data) throws Exception {
            publish(type, conversation, EventEnvelope.of(type, source, at, tenant, conversation, data));
        }

        private void publish(EventType<?> type, String key, EventEnvelope<?> event) throws Exception {
            producer.send(new ProducerRecord<>(type.topic(), key, EventJson.write(event))).get();
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
