package io.otklik.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplyRequested;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.otklik.testkit.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Telegram webhooks (secret token, update_id dedup) and the web form (validation, replies shown to the page). */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_ingest_test"))
@WithTestResource(value = WireMockResource.class,
        initArgs = @ResourceArg(name = "property", value = "otklik.whatsapp.graph-url,otklik.telegram.api-url"))
class TelegramAndWebFormTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    static String update(long updateId, long chatId, String text) {
        return """
                {"update_id":%d,"message":{"message_id":451,"from":{"id":%d,"is_bot":false,"first_name":"Иван",
                "last_name":"Петров","username":"ivan_p","language_code":"ru"},"chat":{"id":%d,"first_name":"Иван",
                "last_name":"Петров","username":"ivan_p","type":"private"},"date":1739321024,"text":"%s"}}"""
                .formatted(updateId, chatId, chatId, text);
    }

    @Test
    void telegramUpdateIsAcceptedOnceWithTheRightSecret() {
        long updateId = 900_000_000L + (long) (Math.random() * 99_999_999);
        long chatId = 123_456_789L;
        String body = update(updateId, chatId, "Сколько стоит окрашивание?");
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.MESSAGE_RECEIVED.topic())) {
            given().header("X-Telegram-Bot-Api-Secret-Token", "tg-secret_1").contentType("application/json")
                    .body(body).post("/webhooks/telegram/lyon_salon_bot")
                    .then().statusCode(200).body("accepted", equalTo(1));
            var received = events.await(EventTypes.MESSAGE_RECEIVED,
                    e -> e.data().externalMessageId().equals(Long.toString(updateId)), WAIT);
            assertThat(received.event().data().channel()).isEqualTo(Channel.TELEGRAM);
            assertThat(received.event().data().contact().channelUserId()).isEqualTo("123456789");
            assertThat(received.event().data().contact().displayName()).isEqualTo("Иван Петров");
            assertThat(received.event().data().text()).isEqualTo("Сколько стоит окрашивание?");
            assertThat(received.event().data().sentAt()).isEqualTo(Instant.ofEpochSecond(1739321024));

            given().header("X-Telegram-Bot-Api-Secret-Token", "tg-secret_1").contentType("application/json")
                    .body(body).post("/webhooks/telegram/lyon_salon_bot")
                    .then().statusCode(200).body("duplicates", equalTo(1));
            assertThat(events.drain(Duration.ofSeconds(2)))
                    .filteredOn(json -> json.contains("\"externalMessageId\":\"" + updateId + "\"")).hasSize(1);
        }
    }

    @Test
    void telegramRejectsAWrongSecretAnUnknownBotAndABrokenUpdate() {
        String body = update(1, 1, "привет");
        given().header("X-Telegram-Bot-Api-Secret-Token", "nope").contentType("application/json").body(body)
                .post("/webhooks/telegram/lyon_salon_bot")
                .then().statusCode(401).body("detail", containsString("X-Telegram-Bot-Api-Secret-Token"));
        given().contentType("application/json").body(body).post("/webhooks/telegram/lyon_salon_bot")
                .then().statusCode(401);
        given().header("X-Telegram-Bot-Api-Secret-Token", "tg-secret_1").contentType("application/json").body(body)
                .post("/webhooks/telegram/someone_else_bot").then().statusCode(404);
        given().header("X-Telegram-Bot-Api-Secret-Token", "tg-secret_1").contentType("application/json")
                .body("{\"message\":{}}").post("/webhooks/telegram/lyon_salon_bot")
                .then().statusCode(400).body("detail", equalTo("'update_id' must be an integer"));
        // an update with nothing from a client (the bot was blocked) is acknowledged and ignored, so Telegram stops
        given().header("X-Telegram-Bot-Api-Secret-Token", "tg-secret_1").contentType("application/json")
                .body("{\"update_id\":5,\"my_chat_member\":{\"chat\":{\"id\":1,\"type\":\"private\"}}}")
                .post("/webhooks/telegram/lyon_salon_bot")
                .then().statusCode(200).body("ignored", equalTo(1));
    }

    @Test
    void webFormValidatesAndTheBotReplyIsShownToThePage() {
        given().contentType("application/json").body("{\"name\":\"Анна\",\"phone\":\"12345\",\"message\":\"Хочу на маникюр\"}")
                .post("/api/v1/forms/lyon-site")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("phone")).body("detail", containsString("not a valid phone number"));
        given().contentType("application/json").body("{\"name\":\"Анна\"}").post("/api/v1/forms/lyon-site")
                .then().statusCode(400).body("field", equalTo("message"));
        given().contentType("application/json").body("{\"name\":").post("/api/v1/forms/lyon-site")
                .then().statusCode(400);
        given().contentType("application/json").body("{\"message\":\"x\"}").post("/api/v1/forms/nobody")
                .then().statusCode(404);

        String submission = UUID.randomUUID().toString();
        String body = """
                {"submissionId":"%s","name":"Анна","phone":"8 (916) 555-12-34","message":"Хочу на маникюр в субботу",
                 "utm":{"source":"yandex","medium":"cpc","campaign":"nails"}}""".formatted(submission);
        String messageId;
        String conversationId;
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.MESSAGE_RECEIVED.topic())) {
            var response = given().contentType("application/json").body(body).post("/api/v1/forms/lyon-site")
                    .then().statusCode(202).body("duplicate", equalTo(false)).extract();
            messageId = response.path("messageId");
            conversationId = response.path("conversationId");
            var received = events.await(EventTypes.MESSAGE_RECEIVED,
                    e -> e.data().messageId().toString().equals(messageId), WAIT);
            assertThat(received.event().data().contact().phone()).isEqualTo("+79165551234");
            assertThat(received.event().data().utm().source()).isEqualTo("yandex");
            assertThat(received.event().data().channel()).isEqualTo(Channel.WEB_FORM);
            assertThat(received.event().data().conversationId()).isEqualTo(conversationId);
        }
        given().contentType("application/json").body(body).post("/api/v1/forms/lyon-site")
                .then().statusCode(202).body("duplicate", equalTo(true)).body("messageId", equalTo(messageId));

        ReplyRequested reply = new ReplyRequested(UUID.randomUUID(), conversationId, Channel.WEB_FORM, "lyon-site",
                new Contact("+79165551234", "Анна", "+79165551234"), "Записали вас на маникюр в субботу в 12:00.",
                ReplyKind.ANSWER, UUID.fromString(messageId), Instant.now(), null);
        KafkaEvents.send(EventEnvelope.of(EventTypes.REPLY_REQUESTED, "routing-service", Instant.now(), "demo-salon",
                conversationId, reply), conversationId);
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given()
                .get("/api/v1/forms/lyon-site/messages/" + messageId + "/replies")
                .then().statusCode(200).body("$", hasSize(1))
                .body("[0].text", equalTo("Записали вас на маникюр в субботу в 12:00."))
                .body("[0].replyId", equalTo(reply.replyId().toString())));
        given().get("/api/v1/forms/lyon-site/messages/not-an-id/replies").then().statusCode(400)
                .body("field", equalTo("messageId"));
    }
}
