package io.otklik.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;

import io.otklik.events.EventTypes;
import io.otklik.events.data.Channel;
import io.otklik.events.data.MessageReceived;
import io.otklik.ingest.whatsapp.WhatsAppSignature;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.otklik.testkit.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The WhatsApp webhook against the real broker and database: signature, durability, duplicates, bad input. */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_ingest_test"))
@WithTestResource(value = WireMockResource.class,
        initArgs = @ResourceArg(name = "property", value = "otklik.whatsapp.graph-url,otklik.telegram.api-url"))
class WhatsAppWebhookTest {

    static final String SECRET = "test_app_secret";

    static String textWebhook(String wamid, String from, String name, String text) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",\
                "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",\
                "phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"%s"},"wa_id":"%s"}],\
                "messages":[{"from":"%s","id":"%s","timestamp":"1739321024","type":"text","text":{"body":"%s"}}]}}]}]}"""
                .formatted(name, from, from, wamid, text);
    }

    static io.restassured.response.Response post(String body, String signature) {
        return given().header("X-Hub-Signature-256", signature).contentType("application/json")
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/webhooks/whatsapp");
    }

    @Test
    void referenceVectorIsStoredOncePublishedOnceAndAcknowledged() throws Exception {
        byte[] body = WhatsAppSignatureTest.vectorBody();
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.MESSAGE_RECEIVED.topic())) {
            given().header("X-Hub-Signature-256", WhatsAppSignatureTest.VECTOR_SIGNATURE).body(body)
                    .post("/webhooks/whatsapp")
                    .then().statusCode(200).body("accepted", equalTo(1)).body("duplicates", equalTo(0));

            var received = events.await(EventTypes.MESSAGE_RECEIVED,
                    e -> e.data().externalMessageId().equals("wamid.TEST1"), Duration.ofSeconds(20));
            MessageReceived m = received.event().data();
            assertThat(m.text()).isEqualTo("Записаться");
            assertThat(m.channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(m.channelAccountId()).isEqualTo("106540352242922");
            assertThat(m.contact().phone()).isEqualTo("+79161234567");
            assertThat(m.contact().displayName()).isEqualTo("Ivan");
            assertThat(received.event().tenantId()).isEqualTo("demo-salon");
            assertThat(received.event().source()).isEqualTo("ingest-service");
            assertThat(received.key()).isEqualTo(m.conversationId()).isEqualTo(received.event().subject());
            assertThat(received.headers()).containsEntry("ce_id", received.event().id().toString())
                    .containsEntry("ce_type", "message_received").containsEntry("ce_specversion", "1.0");

            // Meta retries: the same body again is acknowledged but neither stored nor published twice.
            given().header("X-Hub-Signature-256", WhatsAppSignatureTest.VECTOR_SIGNATURE).body(body)
                    .post("/webhooks/whatsapp")
                    .then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(1));
            assertThat(events.drain(Duration.ofSeconds(2)))
                    .filteredOn(json -> json.contains("wamid.TEST1")).hasSize(1);
        }
    }

    @Test
    void wrongOrMissingSignatureIs401AndNothingIsStored() {
        String wamid = "wamid." + UUID.randomUUID();
        String body = textWebhook(wamid, "79160000001", "Пётр", "Здравствуйте");
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.MESSAGE_RECEIVED.topic())) {
            post(body, WhatsAppSignature.sign(body.getBytes(StandardCharsets.UTF_8), "wrong-secret"))
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("detail", containsString("X-Hub-Signature-256"));
            given().contentType("application/json").body(body).post("/webhooks/whatsapp").then().statusCode(401);
            assertThat(events.drain(Duration.ofSeconds(2))).noneMatch(json -> json.contains(wamid));
        }
        // signed correctly it is accepted: the message was not marked as seen by the refused attempts
        post(body, WhatsAppSignature.sign(body.getBytes(StandardCharsets.UTF_8), SECRET))
                .then().statusCode(200).body("accepted", equalTo(1));
    }

    @Test
    void malformedBodiesAre400WithTheReason() {
        String notJson = "{\"object\":";
        post(notJson, WhatsAppSignature.sign(notJson.getBytes(StandardCharsets.UTF_8), SECRET))
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("the body is not valid JSON")).body("field", equalTo("body"));
        String wrongObject = "{\"object\":\"page\",\"entry\":[]}";
        post(wrongObject, WhatsAppSignature.sign(wrongObject.getBytes(StandardCharsets.UTF_8), SECRET))
                .then().statusCode(400).body("detail", containsString("whatsapp_business_account"));
        String noId = textWebhook("", "79160000002", "Анна", "Привет");
        post(noId, WhatsAppSignature.sign(noId.getBytes(StandardCharsets.UTF_8), SECRET))
                .then().statusCode(400).body("detail", containsString("messages[].id"));
    }

    @Test
    void unknownNumberIs404AndOversizeIs413() {
        String body = textWebhook("wamid.x", "79160000003", "Анна", "Привет").replace("106540352242922", "1");
        post(body, WhatsAppSignature.sign(body.getBytes(StandardCharsets.UTF_8), SECRET))
                .then().statusCode(404).body("detail", containsString("phone_number_id 1"));
        byte[] huge = new byte[300 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertThat(io.otklik.ingest.Oversize.send("POST", "/webhooks/whatsapp",
                java.util.Map.of("X-Hub-Signature-256", "sha256=00"), "application/json", huge).statusCode())
                .isEqualTo(413);
    }

    @Test
    void verificationHandshakeEchoesTheChallengeOnlyForAKnownToken() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "verify-me")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/whatsapp")
                .then().statusCode(200).body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/whatsapp")
                .then().statusCode(403);
    }
}
