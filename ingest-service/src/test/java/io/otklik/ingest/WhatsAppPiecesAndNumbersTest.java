package io.otklik.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Button;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.MessageReceived;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplyRequested;
import io.otklik.ingest.inbound.Conversations;
import io.otklik.ingest.whatsapp.WhatsAppSignature;
import io.otklik.testkit.InjectWireMock;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.otklik.testkit.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A WhatsApp reply split into several messages keeps every piece's wamid, so a status of any piece reaches the
 * reply; and a typed number answering the numbered list the bot sent becomes that option's button id.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_ingest_test"))
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "property",
        value = "otklik.whatsapp.graph-url,otklik.telegram.api-url,otklik.instagram.graph-url,otklik.sms.url"))
class WhatsAppPiecesAndNumbersTest extends OutboundTestSupport {

    static final String MESSAGES = "/" + WA_NUMBER + "/messages";

    @InjectWireMock
    WireMockServer fake;

    @Inject
    Pool pool;

    /** Meta answers a send whose text body starts with {@code prefix} with this wamid (Cloud API success shape). */
    void graphAnswers(String to, String bodyPath, String prefix, String wamid) {
        fake.stubFor(post(urlEqualTo(MESSAGES))
                .withRequestBody(matchingJsonPath("$.to", equalTo(to)))
                .withRequestBody(matchingJsonPath(bodyPath, com.github.tomakehurst.wiremock.client.WireMock
                        .matching(java.util.regex.Pattern.quote(prefix) + "(?s).*")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to
                                + "\",\"wa_id\":\"" + to + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}")));
    }

    static void webhook(String body) {
        given().header("X-Hub-Signature-256", WhatsAppSignature.sign(body.getBytes(StandardCharsets.UTF_8),
                        "test_app_secret"))
                .contentType("application/json").body(body).post("/webhooks/whatsapp")
                .then().statusCode(200);
    }

    static String status(String wamid, String status, long at, String to, String errors) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":\
                "messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":\
                "15550783881","phone_number_id":"%s"},"statuses":[{"id":"%s","status":"%s",\
                "timestamp":"%d","recipient_id":"%s"%s}]}}]}]}""".formatted(WA_NUMBER, wamid, status, at, to,
                errors == null ? "" : ",\"errors\":" + errors);
    }

    static String text(String wamid, String from, String body) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",\
                "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",\
                "phone_number_id":"%s"},"contacts":[{"profile":{"name":"Иван"},"wa_id":"%s"}],\
                "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}}]}}]}]}"""
                .formatted(WA_NUMBER, from, from, wamid, Instant.now().getEpochSecond(), body);
    }

    @Test
    void aFailedStatusOfAnEarlierPieceFailsTheSplitReply() {
        String to = digits("7921");
        String first = "А".repeat(4000);
        String second = "Б".repeat(300);
        graphAnswers(to, "$.text.body", "А", "wamid.P1-" + to);
        graphAnswers(to, "$.text.body", "Б", "wamid.P2-" + to);
        EventEnvelope<ReplyRequested> event = reply("demo-salon", Channel.WHATSAPP, WA_NUMBER,
                new Contact(to, "Иван", null), first + " " + second, null, List.of());
        clientWrote(event, java.time.Duration.ofHours(1));
        UUID replyId = event.data().replyId();
        try (KafkaEvents.Listener sent = KafkaEvents.listen(EventTypes.REPLY_SENT.topic());
             KafkaEvents.Listener failed = KafkaEvents.listen(EventTypes.REPLY_FAILED.topic())) {
            KafkaEvents.send(event, event.subject());
            var received = sent.await(EventTypes.REPLY_SENT, e -> e.data().replyId().equals(replyId), WAIT);
            assertThat(received.event().data().externalMessageId()).as("reply_sent names the first piece")
                    .isEqualTo("wamid.P1-" + to);
            fake.verify(2, postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to",
                    equalTo(to))));
            assertThat(Sql.rows(pool, "select part, external_message_id from outbound_part where reply_id = $1"
                    + " order by part", replyId).stream().map(r -> r.getInteger(0) + "=" + r.getString(1)))
                    .containsExactly("0=wamid.P1-" + to, "1=wamid.P2-" + to);

            long now = Instant.now().getEpochSecond();
            webhook(status("wamid.P2-" + to, "delivered", now + 1, to, null));
            assertThat(row(replyId)).containsEntry("status", "DELIVERED");
            // Meta fails the first piece afterwards (e.g. the client's number cannot receive it)
            webhook(status("wamid.P1-" + to, "failed", now + 2, to, """
                    [{"code":131026,"title":"Message undeliverable","message":"Message undeliverable",\
                    "error_data":{"details":"Message Undeliverable."}}]"""));
            var failure = failed.await(EventTypes.REPLY_FAILED, e -> e.data().replyId().equals(replyId), WAIT);
            assertThat(failure.event().data().errorCode()).isEqualTo("131026");
            assertThat(failure.event().data().reason()).isEqualTo("Message undeliverable");
        }
        assertThat(row(replyId)).containsEntry("status", "FAILED").containsEntry("error_code", "131026")
                .containsEntry("external_message_id", "wamid.P1-" + to).containsEntry("parts_sent", 2);
    }

    /** The bot's reply in the client's conversation, with this many options. */
    EventEnvelope<ReplyRequested> offer(String to, String text, int options) {
        String conversation = Conversations.id("demo-salon", Channel.WHATSAPP, WA_NUMBER, to);
        List<Button> buttons = IntStream.rangeClosed(1, options)
                .mapToObj(i -> new Button("slot_" + i, "Суббота " + (8 + i) + ":00")).toList();
        ReplyRequested data = new ReplyRequested(UUID.randomUUID(), conversation, Channel.WHATSAPP, WA_NUMBER,
                new Contact(to, "Иван", null), text, ReplyKind.ANSWER, null, null, null, buttons);
        EventEnvelope<ReplyRequested> event = EventEnvelope.of(EventTypes.REPLY_REQUESTED, "routing-service",
                Instant.now(), "demo-salon", conversation, data);
        try (KafkaEvents.Listener sent = KafkaEvents.listen(EventTypes.REPLY_SENT.topic())) {
            KafkaEvents.send(event, conversation);
            sent.await(EventTypes.REPLY_SENT, e -> e.data().replyId().equals(data.replyId()), WAIT);
        }
        return event;
    }

    MessageReceived clientTypes(String to, String body) {
        String wamid = "wamid.IN-" + UUID.randomUUID();
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.MESSAGE_RECEIVED.topic())) {
            webhook(text(wamid, to, body));
            return events.await(EventTypes.MESSAGE_RECEIVED, e -> e.data().externalMessageId().equals(wamid), WAIT)
                    .event().data();
        }
    }

    @Test
    void aTypedNumberAnsweringTheNumberedListBecomesThatOptionsButtonId() {
        String to = digits("7922");
        graphAnswers(to, "$.text.body", "", "wamid.L-" + to);
        graphAnswers(to, "$.interactive.body.text", "", "wamid.I-" + to);
        assertThat(clientTypes(to, "2").buttonId()).as("nothing offered yet").isNull();

        offer(to, "Свободное время в субботу:", 12);
        fake.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.text.body",
                com.github.tomakehurst.wiremock.client.WireMock.containing("2. Суббота 10:00"))));
        MessageReceived two = clientTypes(to, "2");
        assertThat(two).extracting(MessageReceived::text, MessageReceived::buttonId, MessageReceived::messageType)
                .containsExactly("2", "slot_2", "text");
        assertThat(clientTypes(to, " 11. ").buttonId()).isEqualTo("slot_11");
        assertThat(clientTypes(to, "Второй").buttonId()).isEqualTo("slot_2");
        assertThat(clientTypes(to, "13").buttonId()).as("no 13th option").isNull();
        assertThat(clientTypes(to, "2 человека").buttonId()).as("not only a number").isNull();
        assertThat(Sql.rows(pool, "select button_id from inbound_message where external_message_id = $1",
                two.externalMessageId()).get(0).getString(0)).as("stored with the message").isEqualTo("slot_2");

        // the latest message shows its options as interactive buttons, not numbers: a typed "2" stays text
        offer(to, "Записать вас?", 3);
        assertThat(clientTypes(to, "2").buttonId()).isNull();
    }
}
