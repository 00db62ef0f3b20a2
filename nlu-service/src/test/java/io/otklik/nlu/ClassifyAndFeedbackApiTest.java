package io.otklik.nlu;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.not;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.MessageReceived;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** POST /api/v1/classify and /api/v1/feedback: tenant scoping by API key, bodies, problems. */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_nlu_test"))
class ClassifyAndFeedbackApiTest {

    static final String SALON_KEY = "test-salon-key";
    static final String CLINIC_KEY = "test-clinic-key";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    static RequestSpecification as(String apiKey) {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        return apiKey == null ? spec : spec.header("X-Api-Key", apiKey);
    }

    @Test
    void classifyAnswersIntentEntitiesAndTheModelVersionForTheCallersTenant() {
        // Wednesday 25 November 2026, 10:00 in Moscow
        String receivedAt = "2026-11-25T07:00:00Z";
        as(SALON_KEY).body(Map.of("text",
                        "Здравствуйте! Хочу записаться на стрижку завтра в 15:00, мой номер +7 916 123-45-67",
                        "tenantId", "demo-salon", "channel", "whatsapp", "receivedAt", receivedAt))
                .post("/api/v1/classify")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("intent", equalTo("BOOK"))
                .body("confidence", greaterThan(0.5f))
                .body("fallback", equalTo(false))
                .body("urgent", equalTo(false))
                .body("modelVersion", startsWith("embedded-maxent-"))
                .body("alternatives.size()", lessThanOrEqualTo(3))
                .body("alternatives.intent", not(hasItem("BOOK")))
                .body("entities.find { it.type == 'service' }.value", equalTo("haircut"))
                .body("entities.find { it.type == 'service' }.text", equalTo("стрижку"))
                .body("entities.find { it.type == 'datetime' }.from", equalTo("2026-11-26T12:00:00Z"))
                .body("entities.find { it.type == 'phone' }.value", equalTo("+79161234567"));

        // the clinic's key classifies against the clinic's catalogue and its time zone (Yekaterinburg, UTC+5)
        as(CLINIC_KEY).body(Map.of("text", "Сколько стоит отбеливание?", "receivedAt", receivedAt))
                .post("/api/v1/classify")
                .then().statusCode(200)
                .body("intent", equalTo("PRICE"))
                .body("entities.find { it.type == 'service' }.value", equalTo("whitening"));
        as(CLINIC_KEY).body(Map.of("text", "Очень болит зуб, можно сегодня в 18?", "receivedAt", receivedAt))
                .post("/api/v1/classify")
                .then().statusCode(200)
                .body("intent", equalTo("BOOK"))
                .body("urgent", equalTo(true))
                .body("urgencyReason", equalTo("боль"))
                .body("entities.find { it.type == 'datetime' }.from", equalTo("2026-11-25T13:00:00Z"));
    }

    @Test
    void classifyRefusesAnotherTenantsIdAnUnknownChannelAndABadTime() {
        as(SALON_KEY).body(Map.of("text", "Хочу записаться", "tenantId", "demo-clinic"))
                .post("/api/v1/classify")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("demo-clinic")).body("$", not(hasKey("intent")));
        as(SALON_KEY).body(Map.of("text", "Хочу записаться", "channel", "fax"))
                .post("/api/v1/classify")
                .then().statusCode(400).body("field", equalTo("channel")).body("detail", containsString("WHATSAPP"));
        as(SALON_KEY).body(Map.of("text", "Хочу записаться", "receivedAt", "вчера"))
                .post("/api/v1/classify")
                .then().statusCode(400).body("field", equalTo("receivedAt"))
                .body("detail", containsString("ISO-8601"));
    }

    @Test
    void classifyWithoutOrWithAWrongKeyIs401() {
        as(null).body(Map.of("text", "Хочу записаться")).post("/api/v1/classify")
                .then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401)).body("title", equalTo("Unauthorized"))
                .body("detail", containsString("X-Api-Key"));
        as("guess").body(Map.of("text", "Хочу записаться")).post("/api/v1/classify")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("not a valid API key"))
                .body("$", not(hasKey("intent")));
    }

    @Test
    void classifyRejectsAMissingBlankOrOverlongText() {
        as(SALON_KEY).body(Map.of()).post("/api/v1/classify")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("text")).body("detail", containsString("required"));
        as(SALON_KEY).body(Map.of("text", "   ")).post("/api/v1/classify")
                .then().statusCode(400).body("field", equalTo("text"));
        as(SALON_KEY).body(Map.of("text", "а".repeat(4001))).post("/api/v1/classify")
                .then().statusCode(400).body("field", equalTo("text")).body("detail", containsString("4000"));
        as(SALON_KEY).body(Map.of("text", "а".repeat(4000))).post("/api/v1/classify")
                .then().statusCode(200).body("intent", oneOf("BOOK", "RESCHEDULE", "CANCEL", "CONFIRM", "PRICE",
                        "INFO", "COMPLAINT", "HUMAN", "OTHER"));
        as(SALON_KEY).body("{\"text\":").post("/api/v1/classify")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not the JSON expected"));
        as(SALON_KEY).body("{\"text\":{\"a\":1}}").post("/api/v1/classify")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("text"));
        // other framework errors keep their status
        as(SALON_KEY).get("/api/v1/classify").then().statusCode(405);
        as(SALON_KEY).body(Map.of("text", "да")).post("/api/v1/nothing-here").then().statusCode(404);
    }

    @Test
    void feedbackLabelsAClassifiedMessageOfTheTenant() {
        EventEnvelope<MessageReceived> event = Messages.received("demo-salon", "А маникюр сколько?",
                Messages.SALON_MORNING);
        UUID messageId = event.data().messageId();
        try (KafkaEvents.Listener classified = KafkaEvents.listen(EventTypes.MESSAGE_CLASSIFIED.topic())) {
            KafkaEvents.send(event, event.subject());
            classified.await(EventTypes.MESSAGE_CLASSIFIED, e -> e.data().message().messageId().equals(messageId),
                    Duration.ofSeconds(30));
        }

        try (KafkaEvents.Listener feedback = KafkaEvents.listen(EventTypes.INTENT_FEEDBACK.topic())) {
            as(SALON_KEY).body(Map.of("messageId", messageId.toString(), "intent", "BOOK"))
                    .post("/api/v1/feedback").then().statusCode(204);
            var announced = feedback.await(EventTypes.INTENT_FEEDBACK,
                    e -> e.data().messageId().equals(messageId), Duration.ofSeconds(30));
            assertThat(announced.event().data().correctIntent()).isEqualTo("BOOK");
            assertThat(announced.event().data().predictedIntent()).isEqualTo("PRICE");
            assertThat(announced.event().data().model()).startsWith("embedded-maxent-");
            assertThat(announced.event().data().conversationId()).isEqualTo(event.data().conversationId());
            assertThat(announced.event().tenantId()).isEqualTo("demo-salon");
        }
        assertThat(labels(messageId)).containsExactly(List.of("demo-salon", "BOOK", "PRICE"));

        // a correction replaces the label
        as(SALON_KEY).body(Map.of("messageId", messageId.toString(), "intent", "price"))
                .post("/api/v1/feedback").then().statusCode(204);
        assertThat(labels(messageId)).as("names are read case-insensitively")
                .containsExactly(List.of("demo-salon", "PRICE", "PRICE"));

        // another tenant cannot see or label it
        as(CLINIC_KEY).body(Map.of("messageId", messageId.toString(), "intent", "OTHER"))
                .post("/api/v1/feedback").then().statusCode(404).contentType("application/problem+json");
        as(null).body(Map.of("messageId", messageId.toString(), "intent", "OTHER"))
                .post("/api/v1/feedback").then().statusCode(401);
        assertThat(labels(messageId)).containsExactly(List.of("demo-salon", "PRICE", "PRICE"));
    }

    @Test
    void feedbackOnAnUnknownMessageIs404AndBadFieldsAre400() {
        UUID unknown = UUID.randomUUID();
        as(SALON_KEY).body(Map.of("messageId", unknown.toString(), "intent", "BOOK"))
                .post("/api/v1/feedback")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString(unknown.toString()));
        assertThat(labels(unknown)).isEmpty();

        as(SALON_KEY).body(Map.of("messageId", unknown.toString(), "intent", "buy"))
                .post("/api/v1/feedback")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("intent")).body("detail", containsString("BOOK, RESCHEDULE"));
        as(SALON_KEY).body(Map.of("messageId", unknown.toString(), "intent", "booking"))
                .post("/api/v1/feedback")
                .then().statusCode(400).body("field", equalTo("intent"));
        as(SALON_KEY).body(Map.of("messageId", unknown.toString()))
                .post("/api/v1/feedback")
                .then().statusCode(400).body("field", equalTo("intent"));
        as(SALON_KEY).body(Map.of("messageId", "not-a-uuid", "intent", "BOOK"))
                .post("/api/v1/feedback")
                .then().statusCode(400).body("field", equalTo("messageId"));
        as(SALON_KEY).body(Map.of("intent", "BOOK"))
                .post("/api/v1/feedback")
                .then().statusCode(400).body("field", equalTo("messageId"));
    }

    List<List<Object>> labels(UUID messageId) {
        return Messages.rows(jdbcUrl, dbUser, "select tenant_id, intent, predicted_intent from feedback_label where message_id = ?",
                messageId);
    }
}
