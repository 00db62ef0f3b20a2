package io.otklik.routing.sandbox;

import static io.otklik.routing.Messages.classified;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.DraftReviewed;
import io.otklik.events.data.Entities;
import io.otklik.events.data.MessageClassified;
import io.otklik.events.data.ReplyDrafted;
import io.otklik.events.data.ReplyRequested;
import io.otklik.routing.Messages.Client;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Sandbox mode end to end with the real broker and database: a sandbox tenant's reply becomes a draft announced to
 * the approver; approval through the API or a draft_reviewed event sends it exactly once (edited or as drafted),
 * rejection hands the conversation to the reviewer; a tenant whose sandbox ended answers live.
 */
@QuarkusTest
@TestProfile(SandboxProfile.class)
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_routing_test"))
class SandboxFlowTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Duration QUIET = Duration.ofSeconds(3);
    static final String SANDBOX = "test-sandbox";
    static final String KEY = "test-sandbox-key";

    /** A client writes to the sandbox salon; returns the draft announced for it. */
    static ReplyDrafted drafted(KafkaEvents.Listener drafts, EventEnvelope<MessageClassified> message) {
        String conversation = message.data().message().conversationId();
        KafkaEvents.send(message, conversation);
        return drafts.await(EventTypes.REPLY_DRAFTED, e -> e.data().conversationId().equals(conversation), WAIT)
                .event().data();
    }

    @Test
    void aDraftIsSentOnlyWhenApprovedAndOnlyOnce() {
        Client client = Client.whatsApp("Вера");
        String conversation = client.conversationId();
        EventEnvelope<MessageClassified> hello = classified(SANDBOX, client, "Здравствуйте, вы работаете?", "OTHER",
                Entities.none());
        try (KafkaEvents.Listener drafts = KafkaEvents.listen(EventTypes.REPLY_DRAFTED.topic());
             KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            ReplyDrafted draft = drafted(drafts, hello);
            // the approver named in sandbox.approver, with their chat, the client's text and the bot's reply
            assertThat(draft.staffId()).isEqualTo("marina");
            assertThat(draft.telegramChatId()).isEqualTo("100200301");
            assertThat(draft.clientText()).isEqualTo("Здравствуйте, вы работаете?");
            assertThat(draft.draftText()).isNotBlank();
            assertThat(draft.channel()).isEqualTo(client.channel());
            assertThat(replies.drain(QUIET)).noneMatch(json -> json.contains(conversation));

            List<String> pending = given().header("X-Api-Key", KEY).queryParam("status", "pending")
                    .get("/api/v1/drafts").then().statusCode(200).extract().jsonPath().getList("id");
            assertThat(pending).contains(draft.draftId().toString());

            JsonPath approved = given().header("X-Api-Key", KEY)
                    .post("/api/v1/drafts/" + draft.draftId() + "/approve")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(approved.getString("status")).isEqualTo("APPROVED");
            assertThat(approved.getString("finalText")).isEqualTo(draft.draftText());
            assertThat(approved.getString("reviewer")).isEqualTo("staff");

            ReplyRequested sent = replies.await(EventTypes.REPLY_REQUESTED,
                    e -> e.data().conversationId().equals(conversation), WAIT).event().data();
            assertThat(sent.text()).isEqualTo(draft.draftText());
            // first-response time still counts from the client's message
            assertThat(sent.inReplyTo()).isEqualTo(hello.data().message().messageId());
            assertThat(sent.inboundReceivedAt()).isEqualTo(hello.data().message().receivedAt());
            assertThat(sent.recipient()).isEqualTo(client.contact());

            // deciding again sends nothing
            given().header("X-Api-Key", KEY).post("/api/v1/drafts/" + draft.draftId() + "/approve")
                    .then().statusCode(409).contentType("application/problem+json");
            given().header("X-Api-Key", KEY).post("/api/v1/drafts/" + draft.draftId() + "/reject")
                    .then().statusCode(409);
            assertThat(replies.drain(QUIET)).filteredOn(json -> json.contains(conversation)).hasSize(1);
            List<String> approvedIds = given().header("X-Api-Key", KEY).queryParam("status", "APPROVED")
                    .get("/api/v1/drafts").then().statusCode(200).extract().jsonPath().getList("id");
            assertThat(approvedIds).contains(draft.draftId().toString());
        }
    }

    @Test
    void anEditedTextIsSentInsteadOfTheDraft() {
        Client client = Client.telegram("Лев");
        try (KafkaEvents.Listener drafts = KafkaEvents.listen(EventTypes.REPLY_DRAFTED.topic());
             KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            ReplyDrafted draft = drafted(drafts, classified(SANDBOX, client, "Добрый вечер", "OTHER",
                    Entities.none()));
            String edited = "Добрый вечер! Это Ольга, администратор. Чем помочь?";
            given().header("X-Api-Key", KEY).contentType(ContentType.JSON)
                    .body("{\"text\": \"" + edited + "\", \"staffId\": \"olga\"}")
                    .post("/api/v1/drafts/" + draft.draftId() + "/approve")
                    .then().statusCode(200).body("finalText", equalTo(edited)).body("reviewer", equalTo("olga"))
                    .body("draftText", equalTo(draft.draftText()));
            List<KafkaEvents.Received<ReplyRequested>> sent = replies.awaitCount(EventTypes.REPLY_REQUESTED,
                    e -> e.data().conversationId().equals(client.conversationId()), 1, WAIT);
            assertThat(sent.get(0).event().data().text()).isEqualTo(edited);
            assertThat(replies.drain(QUIET)).filteredOn(json -> json.contains(client.conversationId())).hasSize(1);
        }
    }

    @Test
    void aRejectedDraftHandsTheConversationToTheReviewerAndTheBotStaysSilent() {
        Client client = Client.whatsApp("Гриша");
        String conversation = client.conversationId();
        try (KafkaEvents.Listener drafts = KafkaEvents.listen(EventTypes.REPLY_DRAFTED.topic());
             KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            ReplyDrafted draft = drafted(drafts, classified(SANDBOX, client, "Сколько стоит стрижка?", "PRICE",
                    new Entities("haircut", null, null, null, null)));
            given().header("X-Api-Key", KEY).contentType(ContentType.JSON).body("{\"staffId\": \"marina\"}")
                    .post("/api/v1/drafts/" + draft.draftId() + "/reject")
                    .then().statusCode(200).body("status", equalTo("REJECTED")).body("reviewer", equalTo("marina"));
            List<String> takenOver = given().header("X-Api-Key", KEY).queryParam("state", "TAKEN_OVER")
                    .get("/api/v1/conversations").then().statusCode(200).extract().jsonPath().getList("id");
            assertThat(takenOver).contains(conversation);

            // the client writes again: the message is recorded, but the bot neither drafts nor replies
            EventEnvelope<MessageClassified> again = classified(SANDBOX, client, "Запишите меня на стрижку", "BOOK",
                    new Entities("haircut", null, null, null, null));
            KafkaEvents.send(again, conversation);
            Instant at = again.data().message().receivedAt();
            Awaitility.await().atMost(WAIT).until(() -> at.toString().equals(Instant.parse(given()
                    .header("X-Api-Key", KEY).get("/api/v1/conversations/" + conversation).then().statusCode(200)
                    .extract().jsonPath().getString("lastMessageAt")).toString()));
            assertThat(drafts.drain(QUIET)).filteredOn(json -> json.contains(conversation)).hasSize(1);
            assertThat(replies.drain(Duration.ZERO)).noneMatch(json -> json.contains(conversation));
            given().header("X-Api-Key", KEY).post("/api/v1/drafts/" + draft.draftId() + "/approve")
                    .then().statusCode(409);
        }
    }

    @Test
    void aTelegramReviewDecidesTheDraftOnce() {
        Client approvedClient = Client.whatsApp("Нина");
        Client rejectedClient = Client.whatsApp("Олег");
        try (KafkaEvents.Listener drafts = KafkaEvents.listen(EventTypes.REPLY_DRAFTED.topic());
             KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            ReplyDrafted toApprove = drafted(drafts, classified(SANDBOX, approvedClient, "Привет", "OTHER",
                    Entities.none()));
            ReplyDrafted toReject = drafted(drafts, classified(SANDBOX, rejectedClient, "Алло", "OTHER",
                    Entities.none()));

            EventEnvelope<DraftReviewed> approve = review(toApprove, DraftReviewed.Decision.APPROVED, "marina");
            KafkaEvents.send(approve, toApprove.conversationId());
            ReplyRequested sent = replies.await(EventTypes.REPLY_REQUESTED,
                    e -> e.data().conversationId().equals(toApprove.conversationId()), WAIT).event().data();
            assertThat(sent.text()).isEqualTo(toApprove.draftText());
            // a second press (another event id) and a redelivery of the first change nothing
            KafkaEvents.send(review(toApprove, DraftReviewed.Decision.APPROVED, "olga"), toApprove.conversationId());
            KafkaEvents.send(approve, toApprove.conversationId());

            KafkaEvents.send(review(toReject, DraftReviewed.Decision.REJECTED, "olga"), toReject.conversationId());
            Awaitility.await().atMost(WAIT).until(() -> given().header("X-Api-Key", KEY)
                    .queryParam("state", "TAKEN_OVER").get("/api/v1/conversations").then().statusCode(200)
                    .extract().jsonPath().getList("id").contains(toReject.conversationId()));

            List<String> seen = replies.drain(QUIET);
            assertThat(seen).filteredOn(json -> json.contains(toApprove.conversationId())).hasSize(1);
            assertThat(seen).noneMatch(json -> json.contains(toReject.conversationId()));
            JsonPath all = given().header("X-Api-Key", KEY).get("/api/v1/drafts").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(all.getString("find { it.id == '" + toApprove.draftId() + "' }.reviewer"))
                    .isEqualTo("marina");
            assertThat(all.getString("find { it.id == '" + toReject.draftId() + "' }.status"))
                    .isEqualTo("REJECTED");
        }
    }

    static EventEnvelope<DraftReviewed> review(ReplyDrafted draft, DraftReviewed.Decision decision, String staff) {
        return EventEnvelope.of(EventTypes.DRAFT_REVIEWED, "ingest-service", Instant.now(), SANDBOX,
                draft.conversationId(), new DraftReviewed(draft.draftId(), decision, staff, Instant.now(),
                        draft.conversationId()));
    }

    @Test
    void aTenantWhoseSandboxEndedAnswersLive() {
        Client client = Client.whatsApp("Яна");
        EventEnvelope<MessageClassified> hello = classified("test-live", client, "Здравствуйте", "OTHER",
                Entities.none());
        try (KafkaEvents.Listener drafts = KafkaEvents.listen(EventTypes.REPLY_DRAFTED.topic());
             KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            KafkaEvents.send(hello, client.conversationId());
            replies.await(EventTypes.REPLY_REQUESTED,
                    e -> hello.data().message().messageId().equals(e.data().inReplyTo()), WAIT);
            assertThat(drafts.drain(QUIET)).noneMatch(json -> json.contains(client.conversationId()));
        }
    }

    @Test
    void badRequestsAreProblems() {
        Client client = Client.whatsApp("Зоя");
        ReplyDrafted draft;
        try (KafkaEvents.Listener drafts = KafkaEvents.listen(EventTypes.REPLY_DRAFTED.topic())) {
            draft = drafted(drafts, classified(SANDBOX, client, "Добрый день", "OTHER", Entities.none()));
        }
        String approve = "/api/v1/drafts/" + draft.draftId() + "/approve";
        given().header("X-Api-Key", KEY).contentType(ContentType.JSON).body("{\"text\": \"  \"}").post(approve)
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("text"));
        given().header("X-Api-Key", KEY).contentType(ContentType.JSON).body("{\"text\": 5}").post(approve)
                .then().statusCode(400).body("field", equalTo("text"));
        given().header("X-Api-Key", KEY).contentType(ContentType.JSON)
                .body("{\"text\": \"" + "а".repeat(SandboxService.MAX_TEXT + 1) + "\"}").post(approve)
                .then().statusCode(400).body("field", equalTo("text"));
        given().header("X-Api-Key", KEY).contentType(ContentType.JSON).body("{\"staffId\": \"nobody\"}")
                .post(approve).then().statusCode(400).body("field", equalTo("staffId"));
        given().header("X-Api-Key", KEY).contentType(ContentType.JSON).body("{\"text\": ").post(approve)
                .then().statusCode(400).body("field", equalTo("body"));
        given().header("X-Api-Key", KEY).queryParam("status", "LOST").get("/api/v1/drafts")
                .then().statusCode(400).body("field", equalTo("status"));
        given().header("X-Api-Key", KEY).post("/api/v1/drafts/" + UUID.randomUUID() + "/approve")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("X-Api-Key", KEY).post("/api/v1/drafts/not-a-draft/reject").then().statusCode(404);
        // another tenant's key does not see it
        given().header("X-Api-Key", "test-live-key").post(approve).then().statusCode(404);
        given().post(approve).then().statusCode(401);
        // all refused: still pending
        given().header("X-Api-Key", KEY).queryParam("status", "PENDING").get("/api/v1/drafts").then()
                .statusCode(200).body("find { it.id == '" + draft.draftId() + "' }.status", equalTo("PENDING"));
    }
}
