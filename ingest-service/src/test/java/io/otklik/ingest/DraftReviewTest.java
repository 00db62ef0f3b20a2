package io.otklik.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Channel;
import io.otklik.events.data.DraftReviewed;
import io.otklik.events.data.ReplyDrafted;
import io.otklik.ingest.sandbox.DraftReviewService;
import io.otklik.testkit.InjectWireMock;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.otklik.testkit.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Sandbox drafts through Telegram: reply_drafted → the reviewer's chat gets the client's message, the draft and two
 * buttons (once); a staff member's press becomes draft_reviewed and no client message; the same press from a chat
 * that is nobody's on the staff changes nothing.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_ingest_test"))
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "property",
        value = "otklik.whatsapp.graph-url,otklik.telegram.api-url,otklik.instagram.graph-url,otklik.sms.url"))
class DraftReviewTest extends OutboundTestSupport {

    static final String SEND = "/bot123456:test-bot-token/sendMessage";
    static final String ANSWER = "/bot123456:test-bot-token/answerCallbackQuery";
    static final AtomicLong UPDATE_IDS = new AtomicLong(500_000_000L + (System.currentTimeMillis() % 1_000_000) * 1000);
    /** Марина, on duty at demo-salon (tenants.yaml). */
    static final long MARINA_CHAT = 100200301L;

    @InjectWireMock
    WireMockServer fake;

    static EventEnvelope<ReplyDrafted> drafted(String clientText, String draftText) {
        String conversation = UUID.randomUUID().toString();
        return EventEnvelope.of(EventTypes.REPLY_DRAFTED, "routing-service", Instant.now(), "demo-salon",
                conversation, new ReplyDrafted(UUID.randomUUID(), conversation, Channel.WHATSAPP, "marina", null,
                        clientText, draftText, "Запись: Стрижка"));
    }

    /** A press of a draft button as the Bot API delivers it: in the reviewer's private chat with the bot. */
    static String press(long updateId, long chat, String callbackId, String data) {
        return """
                {"update_id":%d,"callback_query":{"id":"%s","from":{"id":%d,"is_bot":false,\
                "first_name":"Марина","language_code":"ru"},"message":{"message_id":901,"from":{"id":7000000000,\
                "is_bot":true,"first_name":"Лён","username":"lyon_salon_bot"},"chat":{"id":%d,\
                "first_name":"Марина","type":"private"},"date":1739321030,"text":"🧪 Песочница…",\
                "reply_markup":{"inline_keyboard":[[{"text":"Отправить","callback_data":"%s"}],\
                [{"text":"Отклонить","callback_data":"%s"}]]}},"chat_instance":"-4471953846527","data":"%s"}}"""
                .formatted(updateId, callbackId, chat, chat, data.replace("reject", "approve"),
                        data.replace("approve", "reject"), data);
    }

    void sendOk(String marker) {
        fake.stubFor(post(urlEqualTo(SEND)).withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"result\":{\"message_id\":901,\"date\":1739321030,\"text\":\"x\"}}")));
    }

    /** Sends a draft for review and waits until its message went out. */
    ReplyDrafted sentForReview(String marker) {
        sendOk(marker);
        EventEnvelope<ReplyDrafted> event = drafted("Можно записаться на стрижку " + marker + "?",
                "Конечно! Свободно завтра в 15:00 у Анны. Записать вас?");
        KafkaEvents.send(event, event.subject());
        UUID replyId = DraftReviewService.replyId(event.data().draftId());
        Awaitility.await().atMost(WAIT).until(() -> "SENT".equals(row(replyId).get("status")));
        return event.data();
    }

    @Test
    void theDraftReachesTheApproverOnceWithBothButtons() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        sendOk(marker);
        EventEnvelope<ReplyDrafted> event = drafted("Можно записаться на стрижку " + marker + "?",
                "Конечно! Свободно завтра в 15:00 у Анны. Записать вас?");
        UUID draftId = event.data().draftId();
        UUID replyId = DraftReviewService.replyId(draftId);
        KafkaEvents.send(event, event.subject());
        Awaitility.await().atMost(WAIT).until(() -> "SENT".equals(row(replyId).get("status")));
        KafkaEvents.send(event, event.subject()); // redelivered: not sent twice
        KafkaEvents.send(EventEnvelope.of(EventTypes.REPLY_DRAFTED, "routing-service", Instant.now(), "demo-salon",
                event.subject(), event.data()), event.subject()); // the same draft under another event id
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> fake.findAll(
                postRequestedFor(urlEqualTo(SEND)).withRequestBody(containing(marker))).size() == 1);

        List<LoggedRequest> calls = fake.findAll(postRequestedFor(urlEqualTo(SEND)).withRequestBody(containing(marker)));
        JsonNode body = WindowAndFallbackTest.read(calls.get(0).getBodyAsString());
        // no chat id in the event: Марина's from tenants.yaml
        assertThat(body.path("chat_id").asLong()).isEqualTo(MARINA_CHAT);
        assertThat(body.path("text").asText())
                .startsWith("🧪 Песочница: бот подготовил ответ клиенту (WhatsApp)")
                .contains("Клиент написал:\n«Можно записаться на стрижку " + marker + "?»")
                .contains("Черновик ответа:\n«Конечно! Свободно завтра в 15:00 у Анны. Записать вас?»")
                .contains("Тема: Запись: Стрижка")
                .contains("Диалог: http://localhost:8081/api/v1/conversations/" + event.subject());
        JsonNode keyboard = body.path("reply_markup").path("inline_keyboard");
        assertThat(keyboard).hasSize(2);
        assertThat(keyboard.get(0).get(0).path("text").asText()).isEqualTo("Отправить");
        assertThat(keyboard.get(0).get(0).path("callback_data").asText()).isEqualTo("draft:approve:" + draftId);
        assertThat(keyboard.get(1).get(0).path("text").asText()).isEqualTo("Отклонить");
        assertThat(keyboard.get(1).get(0).path("callback_data").asText()).isEqualTo("draft:reject:" + draftId);
        assertThat(row(replyId)).containsEntry("kind", "STAFF_HANDOFF").containsEntry("channel", "TELEGRAM")
                .containsEntry("conversation_id", event.subject());
    }

    @Test
    void aStaffPressIsAReviewAndNoClientMessage() {
        ReplyDrafted draft = sentForReview(UUID.randomUUID().toString().substring(0, 8));
        fake.stubFor(post(urlEqualTo(ANSWER)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"result\":true}")));
        long update = UPDATE_IDS.incrementAndGet();
        String callbackId = "draft-press-" + update;
        try (KafkaEvents.Listener reviews = KafkaEvents.listen(EventTypes.DRAFT_REVIEWED.topic());
             KafkaEvents.Listener messages = KafkaEvents.listen(EventTypes.MESSAGE_RECEIVED.topic())) {
            given().header("X-Telegram-Bot-Api-Secret-Token", "tg-secret_1").contentType("application/json")
                    .body(press(update, MARINA_CHAT, callbackId, "draft:reject:" + draft.draftId()))
                    .post("/webhooks/telegram/demo-salon")
                    .then().statusCode(200).body("reviewed", Matchers.equalTo(1))
                    .body("accepted", Matchers.equalTo(0));
            var review = reviews.await(EventTypes.DRAFT_REVIEWED,
                    e -> draft.draftId().equals(e.data().draftId()), WAIT);
            DraftReviewed r = review.event().data();
            assertThat(r.decision()).isEqualTo(DraftReviewed.Decision.REJECTED);
            assertThat(r.staffId()).isEqualTo("marina");
            assertThat(r.conversationId()).isEqualTo(draft.conversationId());
            assertThat(r.decidedAt()).isNotNull();
            assertThat(review.key()).isEqualTo(draft.conversationId());
            assertThat(review.event().tenantId()).isEqualTo("demo-salon");
            assertThat(messages.drain(Duration.ofSeconds(3)))
                    .noneMatch(json -> json.contains("\"" + update + "\"") || json.contains(draft.draftId().toString()));
        }
        Awaitility.await().atMost(WAIT).until(() -> fake.findAll(postRequestedFor(urlEqualTo(ANSWER))
                .withRequestBody(matchingJsonPath("$.callback_query_id", equalTo(callbackId)))).size() == 1);
        assertThat(fake.findAll(postRequestedFor(urlEqualTo(ANSWER))
                .withRequestBody(matchingJsonPath("$.callback_query_id", equalTo(callbackId)))).get(0)
                .getBodyAsString()).contains("ответьте клиенту сами");
    }

    @Test
    void theSamePressFromAChatOutsideTheStaffIsIgnored() {
        ReplyDrafted draft = sentForReview(UUID.randomUUID().toString().substring(0, 8));
        long stranger = 730_000_000L + (long) (Math.random() * 1_000_000);
        long update = UPDATE_IDS.incrementAndGet();
        try (KafkaEvents.Listener reviews = KafkaEvents.listen(EventTypes.DRAFT_REVIEWED.topic());
             KafkaEvents.Listener messages = KafkaEvents.listen(EventTypes.MESSAGE_RECEIVED.topic())) {
            given().header("X-Telegram-Bot-Api-Secret-Token", "tg-secret_1").contentType("application/json")
                    .body(press(update, stranger, "stranger-" + update, "draft:approve:" + draft.draftId()))
                    .post("/webhooks/telegram/demo-salon")
                    .then().statusCode(200).body("ignored", Matchers.equalTo(1))
                    .body("accepted", Matchers.equalTo(0));
            // and a staff chat's press whose data is no draft button's stays ignored too
            long bad = UPDATE_IDS.incrementAndGet();
            given().header("X-Telegram-Bot-Api-Secret-Token", "tg-secret_1").contentType("application/json")
                    .body(press(bad, MARINA_CHAT, "bad-" + bad, "draft:approve:not-a-uuid"))
                    .post("/webhooks/telegram/demo-salon")
                    .then().statusCode(200).body("ignored", Matchers.equalTo(1));
            assertThat(reviews.drain(Duration.ofSeconds(3))).noneMatch(json -> json.contains(
                    draft.draftId().toString()));
            assertThat(messages.drain(Duration.ZERO)).noneMatch(json -> json.contains("\"" + update + "\"")
                    || json.contains("\"" + bad + "\""));
        }
    }
}
