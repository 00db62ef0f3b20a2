package io.otklik.routing.takeover;

import static io.otklik.routing.Messages.SALON;
import static io.otklik.routing.Messages.classified;
import static io.otklik.routing.Messages.daysAhead;
import static io.otklik.routing.Messages.entities;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Entities;
import io.otklik.events.data.MessageClassified;
import io.otklik.routing.Messages.Client;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Takeover through the admin API and the real broker: while staff hold the conversation the bot stays silent (the
 * lead still opens), after release it answers again; the API's errors.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_routing_test"))
class TakeoverFlowTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String KEY = "test-salon-key";

    @Test
    void theBotIsSilentWhileTakenOverAndAnswersAfterRelease() {
        Client client = Client.whatsApp("Вера");
        String conversation = client.conversationId();
        try (KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic());
             KafkaEvents.Listener leads = KafkaEvents.listen(EventTypes.LEAD_CREATED.topic());
             KafkaEvents.Listener booked = KafkaEvents.listen(EventTypes.APPOINTMENT_BOOKED.topic())) {
            EventEnvelope<MessageClassified> hello = classified(SALON, client, "Здравствуйте", "OTHER",
                    Entities.none());
            KafkaEvents.send(hello, conversation);
            replies.await(EventTypes.REPLY_REQUESTED,
                    e -> hello.data().message().messageId().equals(e.data().inReplyTo()), WAIT);

            Instant before = Instant.now();
            JsonPath taken = given().header("X-Api-Key", KEY).contentType(ContentType.JSON)
                    .body("{\"minutes\": 30, \"staffId\": \"marina\"}")
                    .post("/api/v1/conversations/" + conversation + "/takeover")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(taken.getString("conversationId")).isEqualTo(conversation);
            assertThat(taken.getBoolean("takenOver")).isTrue();
            assertThat(taken.getString("takenOverBy")).isEqualTo("marina");
            assertThat(Instant.parse(taken.getString("takenOverUntil")))
                    .isBetween(before.plus(Duration.ofMinutes(30)), Instant.now().plus(Duration.ofMinutes(30)));
            List<String> takenOver = given().header("X-Api-Key", KEY).queryParam("state", "taken_over")
                    .get("/api/v1/conversations").then().statusCode(200).extract().jsonPath().getList("id");
            assertThat(takenOver).contains(conversation);

            // a booking while taken over: the lead opens (the CRM sees it), nothing is booked, nobody replies
            EventEnvelope<MessageClassified> silent = classified(SALON, client, "Запишите на стрижку в 15:00",
                    "BOOK", entities("haircut", daysAhead(4), LocalTime.of(15, 0)));
            KafkaEvents.send(silent, conversation);
            var lead = leads.await(EventTypes.LEAD_CREATED, e -> e.data().conversationId().equals(conversation),
                    WAIT);
            assertThat(lead.event().data().summary()).startsWith("Запись: Стрижка");

            JsonPath released = given().header("X-Api-Key", KEY)
                    .post("/api/v1/conversations/" + conversation + "/release")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(released.getBoolean("takenOver")).isFalse();
            assertThat(released.getString("takenOverBy")).isNull();

            EventEnvelope<MessageClassified> after = classified(SALON, client, "Алло, вы тут?", "OTHER",
                    Entities.none());
            KafkaEvents.send(after, conversation);
            var answer = replies.await(EventTypes.REPLY_REQUESTED,
                    e -> after.data().message().messageId().equals(e.data().inReplyTo()), WAIT);
            assertThat(answer.event().data().text()).isNotBlank();
            // one partition per conversation: the silent message was handled before the answered one
            assertThat(replies.drain(Duration.ZERO)).noneMatch(json -> json.contains(
                    silent.data().message().messageId().toString()));
            assertThat(booked.drain(Duration.ZERO)).noneMatch(json -> json.contains(conversation));

            given().header("X-Api-Key", KEY).queryParam("state", "TAKEN_OVER").get("/api/v1/conversations")
                    .then().statusCode(200).extract().jsonPath().getList("id", String.class)
                    .forEach(id -> assertThat(id).isNotEqualTo(conversation));
            List<String> all = given().header("X-Api-Key", KEY).get("/api/v1/conversations").then().statusCode(200)
                    .extract().jsonPath().getList("id");
            assertThat(all).contains(conversation);
        }
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        Client client = Client.whatsApp("Глеб");
        EventEnvelope<MessageClassified> hello = classified(SALON, client, "Добрый день", "OTHER", Entities.none());
        try (KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            KafkaEvents.send(hello, client.conversationId());
            replies.await(EventTypes.REPLY_REQUESTED,
                    e -> hello.data().message().messageId().equals(e.data().inReplyTo()), WAIT);
        }
        String path = "/api/v1/conversations/" + client.conversationId();
        for (String body : List.of("{\"minutes\": 0}", "{\"minutes\": 99999}")) {
            given().header("X-Api-Key", KEY).contentType(ContentType.JSON).body(body).post(path + "/takeover")
                    .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("minutes"));
        }
        given().header("X-Api-Key", KEY).contentType(ContentType.JSON).body("{\"minutes\": \"soon\"}")
                .post(path + "/takeover")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("minutes"));
        given().header("X-Api-Key", KEY).contentType(ContentType.JSON).body("{\"minutes\": ")
                .post(path + "/takeover")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("body"));
        given().header("X-Api-Key", KEY).contentType(ContentType.JSON).body("{\"staffId\": \"nobody\"}")
                .post(path + "/takeover")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("staffId"));
        given().header("X-Api-Key", KEY).post("/api/v1/conversations/no-such-conversation/takeover")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("X-Api-Key", KEY).post("/api/v1/conversations/no-such-conversation/release")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("X-Api-Key", "test-clinic-key").post(path + "/takeover")
                .then().statusCode(404);
        given().post(path + "/takeover").then().statusCode(401).contentType("application/problem+json");
        given().header("X-Api-Key", KEY).queryParam("state", "SLEEPING").get("/api/v1/conversations")
                .then().statusCode(400).body("field", equalTo("state"));
        given().header("X-Api-Key", KEY).queryParam("from", "yesterday").get("/api/v1/conversations")
                .then().statusCode(400).body("field", equalTo("from"));

        // without a body: the default length (otklik.takeover.default-minutes, 8 h)
        Instant before = Instant.now();
        JsonPath taken = given().header("X-Api-Key", KEY).post(path + "/takeover").then().statusCode(200)
                .extract().jsonPath();
        assertThat(taken.getString("takenOverBy")).isEqualTo("staff");
        assertThat(Instant.parse(taken.getString("takenOverUntil"))).isAfterOrEqualTo(before.plus(Duration.ofHours(8)));
        given().header("X-Api-Key", KEY).post(path + "/release").then().statusCode(200)
                .body("takenOver", equalTo(false));
    }
}
