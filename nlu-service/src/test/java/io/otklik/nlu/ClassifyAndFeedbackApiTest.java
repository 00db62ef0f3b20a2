package io.otklik.nlu;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
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
import java.time.LocalDate;
import java.time.ZoneId;
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
    void classifyAnswersIntentAndEntitiesForTheCallersTenant() {
        LocalDate tomorrowInMoscow = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(1);
        as(SALON_KEY).body(Map.of("text",
                        "Здравствуйте! Хочу записаться на стрижку завтра в 15:00, мой номер +7 916 123-45-67"))
                .post("/api/v1/classify")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("intent", equalTo("booking"))
                .body("confidence", greaterThan(0.5f))
                .body("urgent", equalTo(false))
                .body("fallback", equalTo(false))
                .body("model", equalTo("keyword-baseline-1"))
                .body("entities.service", equalTo("haircut"))
                .body("entities.date", equalTo(tomorrowInMoscow.toString()))
                .body("entities.time", equalTo("15:00"))
                .body("entities.phone", equalTo("+79161234567"))
                .body("entities", not(hasKey("name")));

        // the clinic's key classifies against the clinic's catalogue
        as(CLINIC_KEY).body(Map.of("text", "Сколько стоит отбеливание?"))
                .post("/api/v1/classify")
                .then().statusCode(200)
                .body("intent", equalTo("price"))
                .body("entities.service", equalTo("whitening"))
                .body("entities", aMapWithSize(1));

        as(SALON_KEY).body(Map.of("text", "ывапролд"))
                .post("/api/v1/classify")
                .then().statusCode(200)
                .body("intent", equalTo("other"))
                .body("fallback", equalTo(true))
                .body("entities", aMapWithSize(0));
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
                .then().statusCode(200).body("intent", equalTo("other"));
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

        as(SALON_KEY).body(Map.of("messageId", messageId.toString(), "intent", "booking"))
                .post("/api/v1/feedback").then().statusCode(204);
        assertThat(labels(messageId)).containsExactly(List.of("demo-salon", "booking"));

        // a correction replaces the label
        as(SALON_KEY).body(Map.of("messageId", messageId.toString(), "intent", "price"))
                .post("/api/v1/feedback").then().statusCode(204);
        assertThat(labels(messageId)).containsExactly(List.of("demo-salon", "price"));

        // another tenant cannot see or label it
        as(CLINIC_KEY).body(Map.of("messageId", messageId.toString(), "intent", "other"))
                .post("/api/v1/feedback").then().statusCode(404).contentType("application/problem+json");
        as(null).body(Map.of("messageId", messageId.toString(), "intent", "other"))
                .post("/api/v1/feedback").then().statusCode(401);
        assertThat(labels(messageId)).containsExactly(List.of("demo-salon", "price"));
    }

    @Test
    void feedbackOnAnUnknownMessageIs404AndBadFieldsAre400() {
        UUID unknown = UUID.randomUUID();
        as(SALON_KEY).body(Map.of("messageId", unknown.toString(), "intent", "booking"))
                .post("/api/v1/feedback")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString(unknown.toString()));
        assertThat(labels(unknown)).isEmpty();

        as(SALON_KEY).body(Map.of("messageId", unknown.toString(), "intent", "buy"))
                .post("/api/v1/feedback")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("intent")).body("detail", containsString("booking, consultation"));
        as(SALON_KEY).body(Map.of("messageId", unknown.toString(), "intent", "Booking"))
                .post("/api/v1/feedback")
                .then().statusCode(400).body("field", equalTo("intent"));
        as(SALON_KEY).body(Map.of("messageId", unknown.toString()))
                .post("/api/v1/feedback")
                .then().statusCode(400).body("field", equalTo("intent"));
        as(SALON_KEY).body(Map.of("messageId", "not-a-uuid", "intent", "booking"))
                .post("/api/v1/feedback")
                .then().statusCode(400).body("field", equalTo("messageId"));
        as(SALON_KEY).body(Map.of("intent", "booking"))
                .post("/api/v1/feedback")
                .then().statusCode(400).body("field", equalTo("messageId"));
    }

    List<List<Object>> labels(UUID messageId) {
        return Messages.rows(jdbcUrl, dbUser, "select tenant_id, intent from feedback_label where message_id = ?",
                messageId);
    }
}
