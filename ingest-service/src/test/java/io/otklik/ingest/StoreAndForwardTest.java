package io.otklik.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.otklik.events.EventTypes;
import io.otklik.events.data.MessageReceived;
import io.otklik.ingest.whatsapp.WhatsAppSignature;
import io.otklik.testkit.InfraEnv;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Store and forward: with no Kafka broker at all the webhook is still acknowledged, its message stored and its event
 * kept in the outbox; once a broker comes up on the configured address the event reaches it. The broker is the infra
 * module's own (InfraMain), started by this test as a separate process on the ports the service was given.
 */
@QuarkusTest
@TestProfile(StoreAndForwardTest.BrokerDown.class)
class StoreAndForwardTest {

    static final int KAFKA_PORT = InfraEnv.freePort();
    static final int CONTROLLER_PORT = InfraEnv.freePort();

    /** The service's Kafka address has no broker behind it; the database is the real one. */
    public static class BrokerDown implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // wait for the broker's metadata instead of failing the send while it is away
            // and name the broker-less address per channel too: ./otklik test exports KAFKA_BOOTSTRAP_SERVERS (the
            // suite's real broker), and that environment variable outranks a test resource's kafka.bootstrap.servers
            String nowhere = "127.0.0.1:" + KAFKA_PORT;
            return Map.of("mp.messaging.outgoing.otklik-events-out.max.block.ms", "300000",
                    "mp.messaging.outgoing.otklik-events-out.delivery.timeout.ms", "300000",
                    "mp.messaging.outgoing.otklik-events-out.request.timeout.ms", "30000",
                    "mp.messaging.outgoing.otklik-events-out.bootstrap.servers", nowhere,
                    "mp.messaging.incoming.reply-requested.bootstrap.servers", nowhere,
                    "mp.messaging.incoming.handoff-requested.bootstrap.servers", nowhere);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(NoBroker.class));
        }
    }

    /** Points the service at a free port with nothing listening and at its own test database. */
    public static class NoBroker implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            String database = OtklikInfraResource.databaseName("otklik_ingest_saf_test");
            InfraEnv infra = InfraEnv.get();
            infra.ensureDatabase(database);
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:" + KAFKA_PORT,
                    "quarkus.datasource.reactive.url", infra.reactiveUrl(database),
                    "quarkus.datasource.jdbc.url", infra.jdbcUrl(database),
                    "quarkus.datasource.username", infra.pgUser());
        }

        @Override
        public void stop() {
        }
    }

    @Inject
    Pool pool;

    @Test
    void aWebhookIsAcknowledgedWithoutABrokerAndItsEventArrivesOnceOneIsUp() throws Exception {
        assertThat(ConfigProvider.getConfig().getValue(
                "mp.messaging.outgoing.otklik-events-out.bootstrap.servers", String.class))
                .as("the events channel points where no broker is").isEqualTo("127.0.0.1:" + KAFKA_PORT);
        String wamid = "wamid.SAF" + UUID.randomUUID().toString().replace("-", "");
        byte[] body = WhatsAppWebhookTest.textWebhook(wamid, "79161237777", "Пётр", "Запишите меня на субботу")
                .getBytes(StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        given().header("X-Hub-Signature-256", WhatsAppSignature.sign(body, WhatsAppWebhookTest.SECRET)).body(body)
                .post("/webhooks/whatsapp")
                .then().statusCode(200).body("accepted", equalTo(1));
        System.out.printf("store-and-forward: first webhook (cold service) acknowledged in %.1f ms with no Kafka"
                + " broker%n", (System.nanoTime() - t0) / 1e6);
        String wamid2 = wamid + ".2";
        byte[] second = WhatsAppWebhookTest.textWebhook(wamid2, "79161237777", "Пётр", "И на воскресенье")
                .getBytes(StandardCharsets.UTF_8);
        long t1 = System.nanoTime();
        given().header("X-Hub-Signature-256", WhatsAppSignature.sign(second, WhatsAppWebhookTest.SECRET))
                .body(second).post("/webhooks/whatsapp")
                .then().statusCode(200).body("accepted", equalTo(1));
        System.out.printf("store-and-forward: second webhook acknowledged in %.1f ms with no Kafka broker%n",
                (System.nanoTime() - t1) / 1e6);
        assertThat(Sql.count(pool, "select count(*) from inbound_message where external_message_id = $1", wamid))
                .isEqualTo(1);
        assertThat(Sql.count(pool, "select count(*) from outbox where payload like $1", "%\"" + wamid + "\"%"))
                .as("the event waits in the outbox").isEqualTo(1);

        Path dir = Files.createTempDirectory("otklik-saf-broker");
        Path root = InfraEnv.projectRoot();
        InfraEnv infra = InfraEnv.get();
        Process broker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", root.resolve("infra/target/infra.jar") + ":" + root.resolve("infra/target/lib") + "/*",
                "io.otklik.infra.InfraMain", "--dir", dir.toString(), "--fresh",
                "--kafka-port", Integer.toString(KAFKA_PORT), "--controller-port", Integer.toString(CONTROLLER_PORT),
                "--pg", "external", "--pg-host", infra.pgHost(), "--pg-port", Integer.toString(infra.pgPort()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("infra.out").toFile()).start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.exists(dir.resolve("infra.env")) || !broker.isAlive());
            assertThat(broker.isAlive()).as("the broker started: %s", Files.readString(dir.resolve("infra.out")))
                    .isTrue();
            try (KafkaEvents.Listener events = KafkaEvents.listenFromStart("127.0.0.1:" + KAFKA_PORT,
                    EventTypes.MESSAGE_RECEIVED.topic())) {
                MessageReceived m = events.await(EventTypes.MESSAGE_RECEIVED,
                        e -> e.data().externalMessageId().equals(wamid), Duration.ofSeconds(120)).event().data();
                assertThat(m.text()).isEqualTo("Запишите меня на субботу");
                assertThat(m.clientId()).isNotNull();
                events.await(EventTypes.MESSAGE_RECEIVED, e -> e.data().externalMessageId().equals(wamid2),
                        Duration.ofSeconds(60));
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Sql.count(pool,
                    "select count(*) from outbox where payload like $1", "%\"" + wamid + "\"%")).isZero());
        } finally {
            broker.destroy();
            broker.waitFor();
        }
    }
}
