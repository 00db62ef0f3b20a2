package io.otklik.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.LeadRouted;
import io.otklik.ingest.handoff.LeadAlertService;
import io.otklik.testkit.InjectWireMock;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.WireMockResource;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * lead_routed with {@code notify} and a person as assignee → a short Russian alert (priority, the rule's reason, the
 * lead's summary, the link) in that person's Telegram chat, once; nothing for notify=false or the bot.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_ingest_test"))
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "property",
        value = "otklik.whatsapp.graph-url,otklik.telegram.api-url,otklik.instagram.graph-url,otklik.sms.url"))
class LeadAlertTest extends OutboundTestSupport {

    static final String SEND = "/bot123456:test-bot-token/sendMessage";

    @InjectWireMock
    WireMockServer fake;

    static EventEnvelope<LeadRouted> routed(String assignee, String role, boolean notify, String summary) {
        String conversation = UUID.randomUUID().toString();
        return EventEnvelope.of(EventTypes.LEAD_ROUTED, "routing-service", Instant.now(), "demo-salon", conversation,
                new LeadRouted(UUID.randomUUID(), conversation, assignee, role, "rule-1",
                        "Правило 1 (строка 1): WhatsApp в первые 5 минут → дежурный", "P1", notify, summary));
    }

    void stubTelegram(String marker) {
        fake.stubFor(post(urlEqualTo(SEND)).withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"result\":{\"message_id\":91,\"date\":1739321030,\"text\":\"x\"}}")));
    }

    /** The ingest consumer has taken the event in (its inbox row). */
    boolean handled(UUID eventId) {
        try (java.sql.Connection c = db.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(
                "select 1 from inbox where consumer = 'ingest.lead_routed' and event_id = ?")) {
            s.setObject(1, eventId);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theAssigneeGetsTheAlertOnceWithPriorityReasonSummaryAndLink() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        stubTelegram(marker);
        EventEnvelope<LeadRouted> event = routed("marina", "on-duty", true,
                "Запись: Стрижка 26.11 15:00 " + marker + "; WhatsApp; клиент новый");
        UUID replyId = LeadAlertService.replyId(event.id());
        try (KafkaEvents.Listener sent = KafkaEvents.listen(EventTypes.REPLY_SENT.topic())) {
            KafkaEvents.send(event, event.subject());
            Awaitility.await().atMost(WAIT).until(() -> "SENT".equals(row(replyId).get("status")));
            KafkaEvents.send(event, event.subject()); // redelivered: sent once
            // a staff message is no reply to the client
            assertThat(sent.drain(Duration.ofSeconds(3))).noneMatch(json -> json.contains(replyId.toString()));
        }
        List<LoggedRequest> calls = fake.findAll(postRequestedFor(urlEqualTo(SEND)).withRequestBody(containing(marker)));
        assertThat(calls).hasSize(1);
        var body = WindowAndFallbackTest.read(calls.get(0).getBodyAsString());
        // marina's chat in tenants.yaml
        assertThat(body.path("chat_id").asLong()).isEqualTo(100200301L);
        assertThat(body.path("text").asText())
                .startsWith("🔴 Новая заявка для вас\nПриоритет: P1 — ответить сейчас\nПравило: Правило 1 (строка 1):"
                        + " WhatsApp в первые 5 минут → дежурный\n\nЗапись: Стрижка 26.11 15:00 " + marker
                        + "; WhatsApp; клиент новый\n\nДиалог: http://localhost:8081/api/v1/conversations/"
                        + event.data().conversationId() + "?token=")
                .matches("(?s).*\\?token=[0-9a-f]{64}");
        assertThat(row(replyId)).containsEntry("kind", "STAFF_HANDOFF").containsEntry("channel", "TELEGRAM")
                .containsEntry("external_message_id", "91");
    }

    @Test
    void noAlertWithoutNotifyOrForTheBot() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        stubTelegram(marker);
        EventEnvelope<LeadRouted> quiet = routed("marina", "on-duty", false, "Вопрос о цене " + marker);
        EventEnvelope<LeadRouted> bot = routed("bot", "bot", true, "Запись: Маникюр " + marker);
        KafkaEvents.send(quiet, quiet.subject());
        KafkaEvents.send(bot, bot.subject());
        Awaitility.await().atMost(WAIT).until(() -> handled(quiet.id()) && handled(bot.id()));
        assertThat(row(LeadAlertService.replyId(quiet.id()))).isEmpty();
        assertThat(row(LeadAlertService.replyId(bot.id()))).isEmpty();
        assertThat(fake.findAll(postRequestedFor(urlEqualTo(SEND)).withRequestBody(containing(marker)))).isEmpty();
    }
}
