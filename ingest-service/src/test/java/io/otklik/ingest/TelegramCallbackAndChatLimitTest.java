package io.otklik.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.MessageReceived;
import io.otklik.events.data.ReplyRequested;
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
import org.junit.jupiter.api.Test;

/**
 * Telegram's inline-button presses are answered (answerCallbackQuery) once, after they are stored and without
 * holding up the webhook; and replies to one chat are spaced by the per-chat limit while other chats are not.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_ingest_test"))
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "property",
        value = "otklik.whatsapp.graph-url,otklik.telegram.api-url,otklik.instagram.graph-url,otklik.sms.url"))
class TelegramCallbackAndChatLimitTest extends OutboundTestSupport {

    static final String ANSWER = "/bot123456:test-bot-token/answerCallbackQuery";
    static final String SEND = "/bot123456:test-bot-token/sendMessage";
    static final AtomicLong UPDATE_IDS = new AtomicLong(300_000_000L + (System.currentTimeMillis() % 1_000_000) * 1000);

    @InjectWireMock
    WireMockServer fake;

    /** A press of the inline button "Записаться" under the bot's message, as the Bot API delivers it. */
    static String press(long updateId, long chat, String callbackId) {
        return """
                {"update_id":%d,"callback_query":{"id":"%s","from":{"id":%d,"is_bot":false,\
                "first_name":"Иван","language_code":"ru"},"message":{"message_id":452,"from":{"id":7000000000,\
                "is_bot":true,"first_name":"Лён","username":"lyon_salon_bot"},"chat":{"id":%d,"first_name":"Иван",\
                "type":"private"},"date":1739321030,"text":"Стоимость — от 9 000 ₽. Записать вас?",\
                "reply_markup":{"inline_keyboard":[[{"text":"Записаться","callback_data":"book"},\
                {"text":"Позже","callback_data":"later"}]]}},"chat_instance":"-4471953846527","data":"book"}}"""
                .formatted(updateId, callbackId, chat, chat);
    }

    static void deliver(String body, int accepted, int duplicates) {
        given().header("X-Telegram-Bot-Api-Secret-Token", "tg-secret_1").contentType("application/json")
                .body(body).post("/webhooks/telegram/demo-salon")
                .then().statusCode(200).body("accepted", org.hamcrest.Matchers.equalTo(accepted))
                .body("duplicates", org.hamcrest.Matchers.equalTo(duplicates));
    }

    List<LoggedRequest> answers(String callbackId) {
        return fake.findAll(postRequestedFor(urlEqualTo(ANSWER))
                .withRequestBody(matchingJsonPath("$.callback_query_id", equalTo(callbackId))));
    }

    void answerOk() {
        fake.stubFor(WireMock.post(urlEqualTo(ANSWER))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"result\":true}")));
    }

    @Test
    void aPressDeliveredTwiceIsStoredOnceAndAnsweredOnce() {
        answerOk();
        long chat = 710_000_001L;
        long u = UPDATE_IDS.incrementAndGet();
        String callbackId = "4382bfdwdsb323b2d9-" + u;
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.MESSAGE_RECEIVED.topic())) {
            deliver(press(u, chat, callbackId), 1, 0);
            MessageReceived pressed = events.await(EventTypes.MESSAGE_RECEIVED,
                    e -> e.data().externalMessageId().equals(Long.toString(u)), WAIT).event().data();
            assertThat(pressed.buttonId()).isEqualTo("book");
            // Telegram retries the same update_id (our 200 was lost): acknowledged, neither stored nor answered
            deliver(press(u, chat, callbackId), 0, 1);
        }
        await().atMost(WAIT).until(() -> answers(callbackId).size() >= 1);
        // a later press is answered too; by the time its answer arrived, a second answer to the first would have
        String later = "5511cafe0000-" + u;
        long u2 = UPDATE_IDS.incrementAndGet();
        deliver(press(u2, chat, later), 1, 0);
        await().atMost(WAIT).until(() -> answers(later).size() == 1);
        assertThat(answers(callbackId)).hasSize(1);
        assertThat(answers(callbackId).get(0).getBodyAsString()).isEqualTo(
                "{\"callback_query_id\":\"" + callbackId + "\"}");
    }

    @Test
    void aFailingAnswerNeitherFailsNorLosesThePress() {
        long chat = 710_000_002L;
        long u = UPDATE_IDS.incrementAndGet();
        String callbackId = "failing-" + u;
        // the Bot API refuses (the query is too old) and, for the next press, does not answer for 8 s
        fake.stubFor(WireMock.post(urlEqualTo(ANSWER))
                .withRequestBody(matchingJsonPath("$.callback_query_id", equalTo(callbackId)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: query is too old"
                                + " and response timeout expired or query ID is invalid\"}")));
        String slowId = "slow-" + u;
        fake.stubFor(WireMock.post(urlEqualTo(ANSWER))
                .withRequestBody(matchingJsonPath("$.callback_query_id", equalTo(slowId)))
                .willReturn(aResponse().withFixedDelay(8000).withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"result\":true}")));
        long u2 = UPDATE_IDS.incrementAndGet();
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.MESSAGE_RECEIVED.topic())) {
            deliver(press(u, chat, callbackId), 1, 0);
            Instant before = Instant.now();
            deliver(press(u2, chat, slowId), 1, 0);
            // generous: the answer takes 8 s, the webhook must not wait for it
            assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(6));
            events.await(EventTypes.MESSAGE_RECEIVED, e -> e.data().externalMessageId().equals(Long.toString(u)),
                    WAIT);
            events.await(EventTypes.MESSAGE_RECEIVED, e -> e.data().externalMessageId().equals(Long.toString(u2)),
                    WAIT);
        }
        await().atMost(WAIT).until(() -> answers(callbackId).size() == 1 && answers(slowId).size() == 1);
    }

    EventEnvelope<ReplyRequested> toChat(long chat, String text, String key) {
        EventEnvelope<ReplyRequested> event = reply("demo-salon", Channel.TELEGRAM, "lyon_salon_bot",
                new Contact(Long.toString(chat), "Иван", null), text, null, List.of());
        // one Kafka key for the whole sequence: one partition, so ingest consumes them in the order sent
        KafkaEvents.send(event, key);
        return event;
    }

    @Test
    void repliesToOneChatAreSpacedByTheChatLimitAndOtherChatsDoNotWait() {
        long chatA = 720_000_000L + (long) (Math.random() * 1_000_000);
        long chatB = chatA + 5_000_000L;
        fake.stubFor(WireMock.post(urlEqualTo(SEND))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"result\":{\"message_id\":{{randomInt lower=1000 upper=900000}},"
                                + "\"date\":1739321030,\"text\":\"x\"}}")));
        String key = UUID.randomUUID().toString();
        List<EventEnvelope<ReplyRequested>> sent;
        try (KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_SENT.topic())) {
            sent = List.of(toChat(chatA, "Первое сообщение", key), toChat(chatB, "Сообщение другому клиенту", key),
                    toChat(chatA, "Второе сообщение", key));
            for (EventEnvelope<ReplyRequested> e : sent) {
                replies.await(EventTypes.REPLY_SENT, r -> r.data().replyId().equals(e.data().replyId()), WAIT);
            }
        }
        LoggedRequest a1 = only(chatA, "Первое сообщение");
        LoggedRequest b = only(chatB, "Сообщение другому клиенту");
        LoggedRequest a2 = only(chatA, "Второе сообщение");
        long a1ToA2 = a2.getLoggedDate().getTime() - a1.getLoggedDate().getTime();
        long a1ToB = b.getLoggedDate().getTime() - a1.getLoggedDate().getTime();
        // the chat's bucket refills after 1 s; the requests' own latencies are the slack
        assertThat(a1ToA2).as("the second message to one chat waits for the chat's bucket").isGreaterThan(800);
        // consumed in order A, B, A: B was queued behind A's first message and still did not wait for A's chat
        assertThat(a1ToB).as("another chat does not wait for the first chat's bucket").isLessThan(a1ToA2)
                .isLessThan(1000);
        assertThat(a1.getLoggedDate()).isBeforeOrEqualTo(b.getLoggedDate());
    }

    LoggedRequest only(long chat, String text) {
        List<LoggedRequest> calls = fake.findAll(postRequestedFor(urlEqualTo(SEND))
                .withRequestBody(equalToJson("{\"chat_id\":" + chat + ",\"text\":\"" + text + "\"}")));
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }
}
