package io.otklik.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplyRequested;
import io.otklik.events.data.Template;
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
import org.junit.jupiter.api.Test;

/** reply_requested → the WhatsApp Graph / Telegram fakes get the real request → reply_sent or reply_failed. */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_ingest_test"))
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "property",
        value = "otklik.whatsapp.graph-url,otklik.telegram.api-url,otklik.instagram.graph-url,otklik.sms.url"))
class ReplyDeliveryTest extends OutboundTestSupport {

    @InjectWireMock
    WireMockServer fake;

    static EventEnvelope<ReplyRequested> reply(Channel channel, String account, String to, String text,
                                               Template template) {
        return reply("demo-salon", channel, account, new Contact(to, "Иван", null), text, template, List.of());
    }

    @Test
    void whatsAppReplyIsSentOnceWithTheGraphRequestBodyAndReported() {
        String to = "7916" + (1_000_000 + (int) (Math.random() * 8_999_999));
        fake.stubFor(post(urlEqualTo("/106540352242922/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(to)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to
                                + "\",\"wa_id\":\"" + to + "\"}],\"messages\":[{\"id\":\"wamid.OUT-" + to + "\"}]}")));
        EventEnvelope<ReplyRequested> event = reply(Channel.WHATSAPP, "106540352242922", to,
                "Готово! Записали вас на «Стрижка» 26.11 в 15:00.", null);
        clientWrote(event, Duration.ofHours(1));

        try (KafkaEvents.Listener sent = KafkaEvents.listen(EventTypes.REPLY_SENT.topic())) {
            KafkaEvents.send(event, event.subject());
            var received = sent.await(EventTypes.REPLY_SENT,
                    e -> e.data().replyId().equals(event.data().replyId()), WAIT);
            assertThat(received.event().data().externalMessageId()).isEqualTo("wamid.OUT-" + to);
            assertThat(received.event().data().inReplyTo()).isEqualTo(event.data().inReplyTo());
            assertThat(received.event().data().inboundReceivedAt()).isEqualTo(event.data().inboundReceivedAt());
            assertThat(received.key()).isEqualTo(event.data().conversationId());

            fake.verify(1, postRequestedFor(urlEqualTo("/106540352242922/messages"))
                    .withHeader("Authorization", equalTo("Bearer test-wa-access-token"))
                    .withRequestBody(equalToJson("""
                            {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"text",
                             "text":{"preview_url":false,"body":"Готово! Записали вас на «Стрижка» 26.11 в 15:00."}}"""
                            .formatted(to))));

            // the same event again, and a new event for the same replyId: the client gets one message only
            KafkaEvents.send(event, event.subject());
            KafkaEvents.send(new EventEnvelope<>(UUID.randomUUID(), event.type(), event.source(), event.time(),
                    event.tenantId(), event.subject(), event.schemaVersion(), event.data()), event.subject());
            List<String> more = sent.drain(Duration.ofSeconds(3));
            assertThat(more).filteredOn(json -> json.contains(event.data().replyId().toString())).hasSize(1);
            fake.verify(1, postRequestedFor(urlEqualTo("/106540352242922/messages"))
                    .withRequestBody(matchingJsonPath("$.to", equalTo(to))));
            assertThat(row(event.data().replyId())).containsEntry("status", "SENT").containsEntry("route", "TEXT")
                    .containsEntry("external_message_id", "wamid.OUT-" + to).containsEntry("attempts", 1);
        }
    }

    @Test
    void templateIsSentAsAWhatsAppTemplateMessage() {
        String to = "7925" + (1_000_000 + (int) (Math.random() * 8_999_999));
        fake.stubFor(post(urlEqualTo("/106540352242922/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(to)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[{\"id\":\"wamid.TPL-" + to + "\"}]}")));
        EventEnvelope<ReplyRequested> event = reply(Channel.WHATSAPP, "106540352242922", to, "Напоминание",
                new Template("appointment_reminder", "ru", List.of("Иван", "26.11 15:00")));
        try (KafkaEvents.Listener sent = KafkaEvents.listen(EventTypes.REPLY_SENT.topic())) {
            KafkaEvents.send(event, event.subject());
            sent.await(EventTypes.REPLY_SENT, e -> e.data().replyId().equals(event.data().replyId()), WAIT);
        }
        fake.verify(1, postRequestedFor(urlEqualTo("/106540352242922/messages")).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","to":"%s","type":"template","template":{"name":"appointment_reminder",
                 "language":{"code":"ru"},"components":[{"type":"body","parameters":[{"type":"text","text":"Иван"},
                 {"type":"text","text":"26.11 15:00"}]}]}}""".formatted(to))));
    }

    @Test
    void synchronous131047FallsBackToTheTenantsReplyTemplate() {
        String to = digits("7903");
        fake.stubFor(post(urlEqualTo("/106540352242922/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(to)))
                .withRequestBody(matchingJsonPath("$.type", equalTo("text")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Re-engagement message\",\"type\":\"OAuthException\","
                                + "\"code\":131047,\"fbtrace_id\":\"x\"}}")));
        fake.stubFor(post(urlEqualTo("/106540352242922/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(to)))
                .withRequestBody(matchingJsonPath("$.type", equalTo("template")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[{\"id\":\"wamid.FALLBACK-" + to + "\"}]}")));
        EventEnvelope<ReplyRequested> event = reply(Channel.WHATSAPP, "106540352242922", to, "Привет", null);
        clientWrote(event, Duration.ofHours(2)); // our log says the window is open; Meta disagrees
        try (KafkaEvents.Listener sent = KafkaEvents.listen(EventTypes.REPLY_SENT.topic())) {
            KafkaEvents.send(event, event.subject());
            var received = sent.await(EventTypes.REPLY_SENT,
                    e -> e.data().replyId().equals(event.data().replyId()), WAIT);
            assertThat(received.event().data().externalMessageId()).isEqualTo("wamid.FALLBACK-" + to);
        }
        fake.verify(1, postRequestedFor(urlEqualTo("/106540352242922/messages")).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","to":"%s","type":"template","template":{"name":"otklik_reply",
                 "language":{"code":"ru"},"components":[{"type":"body","parameters":[{"type":"text","text":"Иван"},
                 {"type":"text","text":"Привет"}]}]}}""".formatted(to))));
        assertThat(row(event.data().replyId())).containsEntry("status", "SENT").containsEntry("route", "TEMPLATE");
    }

    @Test
    void synchronous131047WithoutAnyFallbackBecomesReplyFailedNotRetryable() {
        String to = digits("7904");
        fake.stubFor(post(urlEqualTo("/106540352242999/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(to)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Re-engagement message\",\"type\":\"OAuthException\","
                                + "\"code\":131047,\"fbtrace_id\":\"x\"}}")));
        EventEnvelope<ReplyRequested> event = reply("demo-clinic", Channel.WHATSAPP, "106540352242999",
                new Contact(to, "Иван", null), "Привет", null, List.of());
        clientWrote(event, Duration.ofHours(2));
        try (KafkaEvents.Listener failed = KafkaEvents.listen(EventTypes.REPLY_FAILED.topic())) {
            KafkaEvents.send(event, event.subject());
            var received = failed.await(EventTypes.REPLY_FAILED,
                    e -> e.data().replyId().equals(event.data().replyId()), WAIT);
            assertThat(received.event().data().errorCode()).isEqualTo("131047");
            assertThat(received.event().data().retryable()).isFalse();
            assertThat(received.event().data().reason()).startsWith("Re-engagement message")
                    .contains("outside the 24 h window");
        }
        fake.verify(1, postRequestedFor(urlEqualTo("/106540352242999/messages"))
                .withHeader("Authorization", equalTo("Bearer test-clinic-wa-access-token")));
        assertThat(row(event.data().replyId())).containsEntry("status", "FAILED").containsEntry("error_code", "131047");
    }

    @Test
    void telegramReplyGoesToSendMessage() {
        long chatId = 500_000_000L + (long) (Math.random() * 100_000_000);
        fake.stubFor(post(urlEqualTo("/bot123456:test-bot-token/sendMessage"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(chatId))))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"result\":{\"message_id\":452,\"date\":1739321030,\"text\":\"x\"}}")));
        EventEnvelope<ReplyRequested> event = reply(Channel.TELEGRAM, "lyon_salon_bot", Long.toString(chatId),
                "Стрижка — 1500 ₽. Записать вас?", null);
        try (KafkaEvents.Listener sent = KafkaEvents.listen(EventTypes.REPLY_SENT.topic())) {
            KafkaEvents.send(event, event.subject());
            var received = sent.await(EventTypes.REPLY_SENT,
                    e -> e.data().replyId().equals(event.data().replyId()), WAIT);
            assertThat(received.event().data().externalMessageId()).isEqualTo("452");
        }
        fake.verify(1, postRequestedFor(urlEqualTo("/bot123456:test-bot-token/sendMessage")).withRequestBody(
                equalToJson("{\"chat_id\":" + chatId + ",\"text\":\"Стрижка — 1500 ₽. Записать вас?\"}")));
    }

    @Test
    void unreadableRequestGoesToTheDeadLetterTopicWithTheReason() {
        try (KafkaEvents.Listener dlq = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.deadLetterTopic())) {
            String marker = UUID.randomUUID().toString();
            KafkaEvents.sendRaw(EventTypes.REPLY_REQUESTED.topic(), marker, "{\"broken\":\"" + marker + "\"");
            var dead = dlq.awaitRaw(json -> json.contains(marker), WAIT);
            assertThat(dead.headers()).hasEntrySatisfying("dead-letter-reason",
                    reason -> assertThat(reason).contains("not JSON"));
            assertThat(dead.key()).isEqualTo(marker);
        }
    }
}
