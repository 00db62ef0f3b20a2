package io.otklik.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventJson;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Button;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.ReplyRequested;
import io.otklik.testkit.InjectWireMock;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.otklik.testkit.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Telegram's keyboard and errors, and the durable retries: 429 retry_after and 5xx are sent again by the poller
 * (attempts counted in the row, delivered parts never repeated), permanent errors fail at once, and a message left
 * SENDING by a crash is failed by the sweeper, not resent.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_ingest_test"))
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "property",
        value = "otklik.whatsapp.graph-url,otklik.telegram.api-url,otklik.instagram.graph-url,otklik.sms.url"))
class RetryAndTelegramTest extends OutboundTestSupport {

    static final String SEND = "/bot123456:test-bot-token/sendMessage";

    @InjectWireMock
    WireMockServer fake;

    static String chat() {
        return Long.toString(500_000_000L + (long) (Math.random() * 100_000_000));
    }

    static String ok(int messageId) {
        return "{\"ok\":true,\"result\":{\"message_id\":" + messageId + ",\"date\":1739321030,\"text\":\"x\"}}";
    }

    EventEnvelope<ReplyRequested> telegram(String chat, String text, List<Button> buttons) {
        return reply("demo-salon", Channel.TELEGRAM, "lyon_salon_bot", new Contact(chat, "Иван", null), text, null,
                buttons);
    }

    @Test
    void longTelegramReplyIsSplitWithTheKeyboardOnTheLastPiece() {
        String chat = chat();
        fake.stubFor(post(urlEqualTo(SEND)).withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(ok(700))));
        String text = "Наши услуги: " + "маникюр, педикюр, стрижка. ".repeat(180);
        EventEnvelope<ReplyRequested> event = telegram(chat, text,
                List.of(new Button("book", "Записаться"), new Button("price", "Цены")));
        try (KafkaEvents.Listener sent = KafkaEvents.listen(EventTypes.REPLY_SENT.topic())) {
            KafkaEvents.send(event, event.subject());
            sent.await(EventTypes.REPLY_SENT, e -> e.data().replyId().equals(event.data().replyId()), WAIT);
        }
        List<LoggedRequest> calls = fake.findAll(postRequestedFor(urlEqualTo(SEND))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat))));
        assertThat(calls).hasSize(2);
        var first = WindowAndFallbackTest.read(calls.get(0).getBodyAsString());
        var last = WindowAndFallbackTest.read(calls.get(1).getBodyAsString());
        assertThat(first.path("text").asText().length()).isLessThanOrEqualTo(4096);
        assertThat(first.has("reply_markup")).isFalse();
        assertThat((first.path("text").asText() + " " + last.path("text").asText()).strip()).isEqualTo(text.strip());
        assertThat(last.path("reply_markup")).isEqualTo(WindowAndFallbackTest.read("{\"inline_keyboard\":[[{\"text\":"
                + "\"Записаться\",\"callback_data\":\"book\"}],[{\"text\":\"Цены\",\"callback_data\":\"price\"}]]}"));
        assertThat(row(event.data().replyId())).containsEntry("parts_sent", 2).containsEntry("status", "SENT");
    }

    @Test
    void telegram429IsRetriedAfterRetryAfterWithoutRepeatingDeliveredParts() {
        String chat = chat();
        String text = "А".repeat(4000) + " " + "Б".repeat(100);
        // the first piece goes through; the second is refused once with 429 retry_after=1, then accepted
        fake.stubFor(post(urlEqualTo(SEND)).withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat)))
                .withRequestBody(matchingJsonPath("$.text", equalTo("А".repeat(4000))))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(ok(801))));
        fake.stubFor(post(urlEqualTo(SEND)).inScenario("flood-" + chat).whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat)))
                .withRequestBody(matchingJsonPath("$.text", equalTo("Б".repeat(100))))
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after"
                                + " 1\",\"parameters\":{\"retry_after\":1}}"))
                .willSetStateTo("cooled"));
        fake.stubFor(post(urlEqualTo(SEND)).inScenario("flood-" + chat).whenScenarioStateIs("cooled")
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat)))
                .withRequestBody(matchingJsonPath("$.text", equalTo("Б".repeat(100))))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(ok(802))));
        EventEnvelope<ReplyRequested> event = telegram(chat, text, List.of());
        try (KafkaEvents.Listener sent = KafkaEvents.listen(EventTypes.REPLY_SENT.topic())) {
            KafkaEvents.send(event, event.subject());
            var received = sent.await(EventTypes.REPLY_SENT,
                    e -> e.data().replyId().equals(event.data().replyId()), WAIT);
            assertThat(received.event().data().externalMessageId())
                    .as("the first piece, delivered by the first attempt").isEqualTo("801");
        }
        fake.verify(1, postRequestedFor(urlEqualTo(SEND)).withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat)))
                .withRequestBody(matchingJsonPath("$.text", equalTo("А".repeat(4000)))));
        fake.verify(2, postRequestedFor(urlEqualTo(SEND)).withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat)))
                .withRequestBody(matchingJsonPath("$.text", equalTo("Б".repeat(100)))));
        assertThat(row(event.data().replyId())).containsEntry("attempts", 2).containsEntry("status", "SENT")
                .containsEntry("parts_sent", 2);
    }

    @Test
    void blockedBotIsAPermanentReplyFailedAtOnce() {
        String chat = chat();
        fake.stubFor(post(urlEqualTo(SEND)).withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat)))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by"
                                + " the user\"}")));
        EventEnvelope<ReplyRequested> event = telegram(chat, "Напоминаем о записи", List.of());
        try (KafkaEvents.Listener failed = KafkaEvents.listen(EventTypes.REPLY_FAILED.topic())) {
            KafkaEvents.send(event, event.subject());
            var received = failed.await(EventTypes.REPLY_FAILED,
                    e -> e.data().replyId().equals(event.data().replyId()), WAIT);
            assertThat(received.event().data().errorCode()).isEqualTo("403");
            assertThat(received.event().data().reason()).isEqualTo("Forbidden: bot was blocked by the user");
            assertThat(received.event().data().retryable()).isFalse();
        }
        fake.verify(1, postRequestedFor(urlEqualTo(SEND)).withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat))));
        assertThat(row(event.data().replyId())).containsEntry("attempts", 1).containsEntry("status", "FAILED");
    }

    @Test
    void graphOutageIsRetriedUpToMaxAttemptsThenReplyFailedRetryable() {
        String to = digits("7917");
        fake.stubFor(post(urlEqualTo("/" + WA_NUMBER + "/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(to)))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"(#131000) Something went wrong\",\"type\":"
                                + "\"OAuthException\",\"code\":131000,\"fbtrace_id\":\"y\"}}")));
        EventEnvelope<ReplyRequested> event = reply("demo-salon", Channel.WHATSAPP, WA_NUMBER,
                new Contact(to, "Иван", null), "Вы записаны", null, List.of());
        clientWrote(event, Duration.ofHours(1));
        try (KafkaEvents.Listener failed = KafkaEvents.listen(EventTypes.REPLY_FAILED.topic())) {
            KafkaEvents.send(event, event.subject());
            var received = failed.await(EventTypes.REPLY_FAILED,
                    e -> e.data().replyId().equals(event.data().replyId()), WAIT);
            assertThat(received.event().data().errorCode()).isEqualTo("131000");
            assertThat(received.event().data().retryable()).isTrue();
            assertThat(received.event().data().reason()).startsWith("gave up after 3 attempt(s)");
        }
        fake.verify(3, postRequestedFor(urlEqualTo("/" + WA_NUMBER + "/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(to))));
        assertThat(row(event.data().replyId())).containsEntry("attempts", 3).containsEntry("status", "FAILED");
    }

    @Test
    void messageLeftSendingByACrashIsFailedAsInterruptedAndNotResent() throws Exception {
        String chat = chat();
        EventEnvelope<ReplyRequested> event = telegram(chat, "Вы записаны", List.of());
        ReplyRequested r = event.data();
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        try (KafkaEvents.Listener failed = KafkaEvents.listen(EventTypes.REPLY_FAILED.topic())) {
            update("""
                    insert into outbound_message (reply_id, tenant_id, channel, channel_account_id, conversation_id,
                        kind, text, status, requested_at, request, attempts, sending_since)
                    values (?, 'demo-salon', 'TELEGRAM', 'lyon_salon_bot', ?, 'ANSWER', ?, 'SENDING', ?, ?, 1, ?)""",
                    r.replyId(), r.conversationId(), r.text(), Timestamp.from(longAgo),
                    EventJson.mapper().writeValueAsString(r), Timestamp.from(longAgo));
            var received = failed.await(EventTypes.REPLY_FAILED, e -> e.data().replyId().equals(r.replyId()), WAIT);
            assertThat(received.event().data().errorCode()).isEqualTo("interrupted");
            assertThat(received.event().data().retryable()).isFalse();
            assertThat(received.key()).isEqualTo(r.conversationId());
        }
        fake.verify(0, postRequestedFor(urlEqualTo(SEND)).withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat))));
        assertThat(row(r.replyId())).containsEntry("status", "FAILED").containsEntry("error_code", "interrupted");
    }
}
