package io.otklik.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplyRequested;
import io.otklik.ingest.whatsapp.WhatsAppSignature;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.otklik.testkit.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Personal data never reaches the logs: a known phone and names go through every inbound door (WhatsApp, Telegram,
 * the public form, the leads API, rejected submissions, a reply, the export and the staff view), then the service's
 * log file ({@code %test.quarkus.log.file.*}) is scanned for them.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_ingest_test"))
@WithTestResource(value = WireMockResource.class,
        initArgs = @ResourceArg(name = "property", value = "otklik.whatsapp.graph-url,otklik.telegram.api-url"))
class LogPrivacyTest {

    static final Path LOG = Path.of("target/ingest-test.log");
    static final String DIGITS = "9169990011";
    static final String NAME = "Аграфена Кузьмичёва";
    static final String TG_NAME = "Агафон Пантелеймонов";

    @Test
    void phonesAndNamesNeverReachTheLog() throws Exception {
        String wamid = "wamid.privacy-" + UUID.randomUUID();
        String wa = """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",\
                "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",\
                "phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"%s"},"wa_id":"7%s"}],\
                "messages":[{"from":"7%s","id":"%s","timestamp":"1739321024","type":"text",\
                "text":{"body":"Я %s, мой номер +7%s"}}]}}]}]}""".formatted(NAME, DIGITS, DIGITS, wamid, NAME, DIGITS);
        byte[] waBody = wa.getBytes(StandardCharsets.UTF_8);
        given().header("X-Hub-Signature-256", WhatsAppSignature.sign(waBody, "test_app_secret")).body(waBody)
                .contentType("application/json").post("/webhooks/whatsapp").then().statusCode(200);

        long updateId = 800_000_000L + (long) (Math.random() * 99_999_999);
        String tg = """
                {"update_id":%d,"message":{"message_id":7,"from":{"id":555000111,"is_bot":false,"first_name":"Агафон",
                "last_name":"Пантелеймонов"},"chat":{"id":555000111,"first_name":"Агафон","last_name":"Пантелеймонов",
                "type":"private"},"date":1739321024,"text":"Перезвоните на 8 %s, %s"}}"""
                .formatted(updateId, DIGITS, TG_NAME);
        given().header("X-Telegram-Bot-Api-Secret-Token", "tg-secret_1").contentType("application/json").body(tg)
                .post("/webhooks/telegram/lyon_salon_bot").then().statusCode(200);

        String formMessageId = given().contentType("application/json")
                .body("{\"name\":\"" + NAME + "\",\"phone\":\"8 " + DIGITS + "\",\"message\":\"Это " + NAME + "\"}")
                .post("/api/v1/forms/lyon-site").then().statusCode(202).extract().path("messageId");
        String conversationId = given().header("X-Api-Key", "test-salon-key")
                .contentType("application/x-www-form-urlencoded")
                .formParam("name", NAME).formParam("phone", "+7" + DIGITS).formParam("message", "Звоните " + DIGITS)
                .post("/api/v1/leads").then().statusCode(202).extract().path("conversationId");
        // rejected input echoes nothing into the log either
        given().contentType("application/json").body("{\"name\":\"" + NAME + "\",\"phone\":\"8 " + DIGITS + "9\"}")
                .post("/api/v1/forms/lyon-site").then().statusCode(400);
        given().header("X-Hub-Signature-256", "sha256=00").body(waBody).contentType("application/json")
                .post("/webhooks/whatsapp").then().statusCode(401);

        ReplyRequested reply = new ReplyRequested(UUID.randomUUID(), conversationId, Channel.WEB_FORM, "api",
                new Contact("+7" + DIGITS, NAME, "+7" + DIGITS), NAME + ", перезвоним на +7" + DIGITS,
                ReplyKind.ANSWER, UUID.fromString(formMessageId), Instant.now(), null);
        KafkaEvents.send(EventEnvelope.of(EventTypes.REPLY_REQUESTED, "routing-service", Instant.now(), "demo-salon",
                conversationId, reply), conversationId);
        given().header("X-Api-Key", "test-admin-key")
                .get("/api/v1/conversations/export?raw=true&from=" + Instant.now().minusSeconds(60) + "&to="
                        + Instant.now().plusSeconds(60)).then().statusCode(200);
        given().header("X-Api-Key", "test-salon-key").get("/api/v1/conversations/" + conversationId)
                .then().statusCode(200);

        // the log lines of what just happened are there (so the file is written and flushed) ...
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(LOG)
                && Files.readString(LOG).contains("message=" + formMessageId)
                && Files.readString(LOG).contains("reply=" + reply.replyId()));
        String log = Files.readString(LOG);
        // ... and none of the personal data is
        for (String raw : List.of(DIGITS, DIGITS.substring(0, 3) + " " + DIGITS.substring(3),
                "916) 999", "999-00-11", "Аграфен", "Кузьмичёв", "Агафон", "Пантелеймон")) {
            assertThat(log).as("the log must not contain '%s'", raw).doesNotContain(raw);
        }
    }
}
