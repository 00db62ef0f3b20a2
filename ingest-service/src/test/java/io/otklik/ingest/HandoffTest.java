package io.otklik.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Channel;
import io.otklik.events.data.HandoffRequested;
import io.otklik.ingest.handoff.HandoffService;
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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** handoff_requested → a short Russian message with the conversation's link in the staff member's Telegram chat. */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_ingest_test"))
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "property",
        value = "otklik.whatsapp.graph-url,otklik.telegram.api-url,otklik.instagram.graph-url,otklik.sms.url"))
class HandoffTest extends OutboundTestSupport {

    static final String SEND = "/bot123456:test-bot-token/sendMessage";

    @InjectWireMock
    WireMockServer fake;

    static EventEnvelope<HandoffRequested> handoff(String tenant, String staffId, String chatId, String summary,
                                                   boolean urgent) {
        String conversation = UUID.randomUUID().toString();
        return EventEnvelope.of(EventTypes.HANDOFF_REQUESTED, "routing-service", Instant.now(), tenant, conversation,
                new HandoffRequested(UUID.randomUUID(), conversation, Channel.WHATSAPP, staffId, "on-duty", chatId,
                        summary, urgent));
    }

    @Test
    void handoffReachesTheOnDutyStaffChatOnceWithSummaryChannelAndLink() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        fake.stubFor(post(urlEqualTo(SEND)).withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"result\":{\"message_id\":77,\"date\":1739321030,\"text\":\"x\"}}")));
        // no chat id in the event: the tenant's staff entry (marina, 100200301) is used
        EventEnvelope<HandoffRequested> event = handoff("demo-salon", "marina", null,
                "Клиент жалуется на запись " + marker + ", просит перезвонить", true);
        UUID replyId = HandoffService.replyId(event.id());
        try (KafkaEvents.Listener sent = KafkaEvents.listen(EventTypes.REPLY_SENT.topic())) {
            KafkaEvents.send(event, event.subject());
            Awaitility.await().atMost(WAIT).until(() -> "SENT".equals(row(replyId).get("status")));
            KafkaEvents.send(event, event.subject()); // redelivered: nothing twice
            assertThat(sent.drain(Duration.ofSeconds(3))).noneMatch(json -> json.contains(replyId.toString()));
        }
        List<LoggedRequest> calls = fake.findAll(postRequestedFor(urlEqualTo(SEND)).withRequestBody(containing(marker)));
        assertThat(calls).hasSize(1);
        var body = WindowAndFallbackTest.read(calls.get(0).getBodyAsString());
        assertThat(body.path("chat_id").asLong()).isEqualTo(100200301L);
        String text = body.path("text").asText();
        assertThat(text).startsWith("🔴 СРОЧНО").contains("Клиент жалуется на запись " + marker)
                .contains("Канал: WhatsApp")
                .containsPattern("Диалог: http://localhost:8081/api/v1/conversations/" + event.data().conversationId()
                        + "\\?token=[0-9a-f]{64}");
        assertThat(row(replyId)).containsEntry("kind", "STAFF_HANDOFF").containsEntry("channel", "TELEGRAM")
                .containsEntry("external_message_id", "77").containsEntry("conversation_id",
                        event.data().conversationId());
    }

    @Test
    void handoffUsesTheEventsChatId() {
        String chat = Long.toString(600_000_000L + (long) (Math.random() * 100_000_000));
        fake.stubFor(post(urlEqualTo(SEND)).withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"result\":{\"message_id\":78,\"date\":1739321030,\"text\":\"x\"}}")));
        EventEnvelope<HandoffRequested> event = handoff("demo-salon", "olga", chat, "Вопрос о скидке", false);
        KafkaEvents.send(event, event.subject());
        UUID replyId = HandoffService.replyId(event.id());
        Awaitility.await().atMost(WAIT).until(() -> "SENT".equals(row(replyId).get("status")));
        List<LoggedRequest> calls = fake.findAll(postRequestedFor(urlEqualTo(SEND))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat))));
        assertThat(calls).hasSize(1);
        assertThat(WindowAndFallbackTest.read(calls.get(0).getBodyAsString()).path("text").asText())
                .startsWith("🔔 Клиенту нужен сотрудник\n\nВопрос о скидке\n\nКанал: WhatsApp");
    }

    @Test
    void handoffWithoutABotIsStoredFailedWithTheReason() {
        // demo-clinic has no Telegram bot
        EventEnvelope<HandoffRequested> event = handoff("demo-clinic", "irina", null, "Нужна консультация", true);
        KafkaEvents.send(event, event.subject());
        UUID replyId = HandoffService.replyId(event.id());
        Awaitility.await().atMost(WAIT).until(() -> "FAILED".equals(row(replyId).get("status")));
        assertThat(row(replyId)).containsEntry("error_code", "no_bot").containsEntry("kind", "STAFF_HANDOFF");
        assertThat((String) row(replyId).get("error_reason")).contains("no Telegram bot");
    }
}
