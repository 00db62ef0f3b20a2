package io.otklik.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Button;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.ReplyRequested;
import io.otklik.ingest.whatsapp.WhatsAppSignature;
import io.otklik.testkit.InjectWireMock;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.otklik.testkit.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 24 h window of WhatsApp and Instagram against the client's last stored message: free text with buttons
 * inside, the tenant's template or the SMS gateway (SMS.ru shape) outside, reply_failed when nothing is left; and
 * Meta's asynchronous failed status.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_ingest_test"))
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "property",
        value = "otklik.whatsapp.graph-url,otklik.telegram.api-url,otklik.instagram.graph-url,otklik.sms.url"))
class WindowAndFallbackTest extends OutboundTestSupport {

    @InjectWireMock
    WireMockServer fake;

    void graphAnswers(String account, String to, String id) {
        fake.stubFor(post(urlEqualTo("/" + account + "/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(to)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to
                                + "\",\"wa_id\":\"" + to + "\"}],\"messages\":[{\"id\":\"" + id + "\"}]}")));
    }

    @Test
    void outsideTheWindowWhatsAppUsesTheTenantsTemplateWithTemplateSafeParameters() {
        String to = digits("7911");
        graphAnswers(WA_NUMBER, to, "wamid.T-" + to);
        EventEnvelope<ReplyRequested> event = reply("demo-salon", Channel.WHATSAPP, WA_NUMBER,
                new Contact(to, null, null), "Есть окно:\n\n\tсуббота 10:00,        воскресенье 12:00", null,
                List.of(new Button("book", "Записаться")));
        clientWrote(event, Duration.ofHours(25));
        try (KafkaEvents.Listener sent = KafkaEvents.listen(EventTypes.REPLY_SENT.topic())) {
            KafkaEvents.send(event, event.subject());
            var received = sent.await(EventTypes.REPLY_SENT,
                    e -> e.data().replyId().equals(event.data().replyId()), WAIT);
            assertThat(received.event().data().externalMessageId()).isEqualTo("wamid.T-" + to);
        }
        fake.verify(1, postRequestedFor(urlEqualTo("/" + WA_NUMBER + "/messages")).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","to":"%s","type":"template","template":{"name":"otklik_reply",
                 "language":{"code":"ru"},"components":[{"type":"body","parameters":[{"type":"text","text":"клиент"},
                 {"type":"text","text":"Есть окно: суббота 10:00,    воскресенье 12:00"}]}]}}""".formatted(to))));
        assertThat(row(event.data().replyId())).containsEntry("route", "TEMPLATE").containsEntry("status", "SENT");
    }

    @Test
    void insideTheWindowWhatsAppButtonsBecomeAnInteractiveMessage() {
        String to = digits("7912");
        graphAnswers(WA_NUMBER, to, "wamid.I-" + to);
        EventEnvelope<ReplyRequested> event = reply("demo-salon", Channel.WHATSAPP, WA_NUMBER,
                new Contact(to, "Иван", null), "Записать вас на субботу?", null,
                List.of(new Button("yes", "Да"), new Button("other", "Выбрать другое время, пожалуйста")));
        clientWrote(event, Duration.ofHours(23));
        try (KafkaEvents.Listener sent = KafkaEvents.listen(EventTypes.REPLY_SENT.topic())) {
            KafkaEvents.send(event, event.subject());
            sent.await(EventTypes.REPLY_SENT, e -> e.data().replyId().equals(event.data().replyId()), WAIT);
        }
        fake.verify(1, postRequestedFor(urlEqualTo("/" + WA_NUMBER + "/messages")).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"interactive",
                 "interactive":{"type":"button","body":{"text":"Записать вас на субботу?"},"action":{"buttons":[
                  {"type":"reply","reply":{"id":"yes","title":"Да"}},
                  {"type":"reply","reply":{"id":"other","title":"Выбрать другое врем…"}}]}}}""".formatted(to))));
        assertThat(row(event.data().replyId())).containsEntry("route", "TEXT");
    }

    @Test
    void outsideTheWindowWithoutTemplateOrSmsIsReplyFailedOutsideWindowWithoutCallingMeta() {
        String to = digits("7913");
        EventEnvelope<ReplyRequested> event = reply("demo-clinic", Channel.WHATSAPP, "106540352242999",
                new Contact(to, "Иван", "+" + to), "Здравствуйте!", null, List.of());
        try (KafkaEvents.Listener failed = KafkaEvents.listen(EventTypes.REPLY_FAILED.topic())) {
            KafkaEvents.send(event, event.subject());
            var received = failed.await(EventTypes.REPLY_FAILED,
                    e -> e.data().replyId().equals(event.data().replyId()), WAIT);
            assertThat(received.event().data().errorCode()).isEqualTo("outside_window");
            assertThat(received.event().data().reason()).contains("24 h").contains("demo-clinic");
            assertThat(received.event().data().retryable()).isFalse();
        }
        fake.verify(0, postRequestedFor(urlEqualTo("/106540352242999/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(to))));
    }

    @Test
    void instagramOutsideTheWindowGoesAsSmsWithTheGatewaysSmsId() {
        String phone = digits("7914");
        String igsid = digits("1234567890");
        fake.stubFor(post(urlEqualTo("/sms/send")).withRequestBody(containing("to=" + phone))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"status":"OK","status_code":100,"sms":{"%s":{"status":"OK","status_code":100,
                         "sms_id":"000000-%s"}},"balance":4122.56}""".formatted(phone, phone))));
        EventEnvelope<ReplyRequested> event = reply("demo-salon", Channel.INSTAGRAM, IG_ACCOUNT,
                new Contact(igsid, "Иван", "+" + phone), "Ждём вас в субботу в 10:00 & не опаздывайте", null,
                List.of());
        clientWrote(event, Duration.ofDays(3));
        try (KafkaEvents.Listener sent = KafkaEvents.listen(EventTypes.REPLY_SENT.topic())) {
            KafkaEvents.send(event, event.subject());
            var received = sent.await(EventTypes.REPLY_SENT,
                    e -> e.data().replyId().equals(event.data().replyId()), WAIT);
            assertThat(received.event().data().externalMessageId()).isEqualTo("000000-" + phone);
            assertThat(received.event().data().channel()).isEqualTo(Channel.INSTAGRAM);
        }
        List<LoggedRequest> sms = fake.findAll(postRequestedFor(urlEqualTo("/sms/send"))
                .withRequestBody(containing("to=" + phone)));
        assertThat(sms).hasSize(1);
        assertThat(form(sms.get(0).getBodyAsString())).containsExactlyInAnyOrder("api_id=test-sms-api-id",
                "to=" + phone, "msg=Ждём вас в субботу в 10:00 & не опаздывайте", "json=1", "from=LyonSalon");
        fake.verify(0, postRequestedFor(urlEqualTo("/" + IG_ACCOUNT + "/messages"))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(igsid))));
        assertThat(row(event.data().replyId())).containsEntry("route", "SMS").containsEntry("status", "SENT")
                .containsEntry("external_message_id", "000000-" + phone);
    }

    @Test
    void smsGatewayErrorIsReplyFailedWithItsCode() {
        String phone = digits("7915");
        fake.stubFor(post(urlEqualTo("/sms/send")).withRequestBody(containing("to=" + phone))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"status":"OK","status_code":100,"sms":{"%s":{"status":"ERROR","status_code":207,
                         "status_text":"На этот номер нельзя отправлять сообщения"}},"balance":4122.56}"""
                        .formatted(phone))));
        EventEnvelope<ReplyRequested> event = reply("demo-salon", Channel.INSTAGRAM, IG_ACCOUNT,
                new Contact(digits("1234567890"), null, "+" + phone), "Напоминаем о записи", null, List.of());
        try (KafkaEvents.Listener failed = KafkaEvents.listen(EventTypes.REPLY_FAILED.topic())) {
            KafkaEvents.send(event, event.subject());
            var received = failed.await(EventTypes.REPLY_FAILED,
                    e -> e.data().replyId().equals(event.data().replyId()), WAIT);
            assertThat(received.event().data().errorCode()).isEqualTo("sms_207");
            assertThat(received.event().data().reason()).contains("нельзя отправлять");
            assertThat(received.event().data().retryable()).isFalse();
        }
    }

    @Test
    void instagramOutsideTheWindowWithoutAPhoneIsReplyFailedNoPhone() {
        EventEnvelope<ReplyRequested> event = reply("demo-salon", Channel.INSTAGRAM, IG_ACCOUNT,
                new Contact(digits("1234567890"), "Иван", null), "Здравствуйте!", null, List.of());
        try (KafkaEvents.Listener failed = KafkaEvents.listen(EventTypes.REPLY_FAILED.topic())) {
            KafkaEvents.send(event, event.subject());
            var received = failed.await(EventTypes.REPLY_FAILED,
                    e -> e.data().replyId().equals(event.data().replyId()), WAIT);
            assertThat(received.event().data().errorCode()).isEqualTo("no_phone");
        }
    }

    @Test
    void instagramInsideTheWindowSplitsUnder1000CharactersWithQuickRepliesOnTheLastPiece() {
        String igsid = digits("1234567890");
        fake.stubFor(post(urlEqualTo("/" + IG_ACCOUNT + "/messages"))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(igsid)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"recipient_id\":\"" + igsid + "\",\"message_id\":\"aWdfZAG1-{{randomValue"
                                + " length=8 type='ALPHANUMERIC'}}\"}")));
        String text = "Прайс: " + "стрижка 1500 ₽, ".repeat(90) + "ждём вас!";
        EventEnvelope<ReplyRequested> event = reply("demo-salon", Channel.INSTAGRAM, IG_ACCOUNT,
                new Contact(igsid, "Иван", null), text, null,
                List.of(new Button("book", "Записаться"), new Button("call", "Позвонить мне")));
        clientWrote(event, Duration.ofMinutes(5));
        try (KafkaEvents.Listener sent = KafkaEvents.listen(EventTypes.REPLY_SENT.topic())) {
            KafkaEvents.send(event, event.subject());
            var received = sent.await(EventTypes.REPLY_SENT,
                    e -> e.data().replyId().equals(event.data().replyId()), WAIT);
            assertThat(received.event().data().externalMessageId()).startsWith("aWdfZAG1-");
        }
        List<LoggedRequest> calls = fake.findAll(postRequestedFor(urlEqualTo("/" + IG_ACCOUNT + "/messages"))
                .withHeader("Authorization", equalTo("Bearer test-ig-access-token"))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(igsid))));
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).getBodyAsString()).doesNotContain("quick_replies");
        var bodies = calls.stream().map(c -> read(c.getBodyAsString())).toList();
        String joined = bodies.get(0).path("message").path("text").asText() + " "
                + bodies.get(1).path("message").path("text").asText();
        assertThat(bodies).allSatisfy(b -> assertThat(b.path("message").path("text").asText().length())
                .isLessThan(1000));
        assertThat(joined).isEqualTo(text);
        assertThat(bodies.get(1).path("message").path("quick_replies")).isEqualTo(read(
                "[{\"content_type\":\"text\",\"title\":\"Записаться\",\"payload\":\"book\"},"
                        + "{\"content_type\":\"text\",\"title\":\"Позвонить мне\",\"payload\":\"call\"}]"));
    }

    /** Meta's Send API refusal of a message outside the 24 h window (code 10, subcode 2018278). */
    void instagramRefusesOutsideTheWindow(String igsid) {
        fake.stubFor(post(urlEqualTo("/" + IG_ACCOUNT + "/messages"))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(igsid)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"error":{"message":"(#10) This message is sent outside of allowed window.",\
                                "type":"OAuthException","code":10,"error_subcode":2018278,\
                                "fbtrace_id":"AbCdEfGh123"}}""")));
    }

    @Test
    void instagramsOutsideTheWindowErrorFallsBackToSmsWhenThePhoneIsKnown() {
        String phone = digits("7917");
        String igsid = digits("1234567890");
        instagramRefusesOutsideTheWindow(igsid);
        fake.stubFor(post(urlEqualTo("/sms/send")).withRequestBody(containing("to=" + phone))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"status":"OK","status_code":100,"sms":{"%s":{"status":"OK","status_code":100,
                         "sms_id":"000001-%s"}},"balance":4122.56}""".formatted(phone, phone))));
        EventEnvelope<ReplyRequested> event = reply("demo-salon", Channel.INSTAGRAM, IG_ACCOUNT,
                new Contact(igsid, "Иван", "+" + phone), "Ваша запись подтверждена", null, List.of());
        // our log says the window is open (the client's message may not have reached us): Meta knows better
        clientWrote(event, Duration.ofHours(2));
        try (KafkaEvents.Listener sent = KafkaEvents.listen(EventTypes.REPLY_SENT.topic())) {
            KafkaEvents.send(event, event.subject());
            var received = sent.await(EventTypes.REPLY_SENT,
                    e -> e.data().replyId().equals(event.data().replyId()), WAIT);
            assertThat(received.event().data().externalMessageId()).isEqualTo("000001-" + phone);
        }
        fake.verify(1, postRequestedFor(urlEqualTo("/" + IG_ACCOUNT + "/messages"))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(igsid))));
        List<LoggedRequest> sms = fake.findAll(postRequestedFor(urlEqualTo("/sms/send"))
                .withRequestBody(containing("to=" + phone)));
        assertThat(sms).hasSize(1);
        assertThat(form(sms.get(0).getBodyAsString())).contains("msg=Ваша запись подтверждена");
        assertThat(row(event.data().replyId())).containsEntry("route", "SMS").containsEntry("status", "SENT")
                .containsEntry("attempts", 1);
    }

    @Test
    void instagramsOutsideTheWindowErrorWithoutAPhoneIsReplyFailedWithTheReason() {
        String igsid = digits("1234567890");
        instagramRefusesOutsideTheWindow(igsid);
        EventEnvelope<ReplyRequested> event = reply("demo-salon", Channel.INSTAGRAM, IG_ACCOUNT,
                new Contact(igsid, "Иван", null), "Ваша запись подтверждена", null, List.of());
        clientWrote(event, Duration.ofHours(2));
        try (KafkaEvents.Listener failed = KafkaEvents.listen(EventTypes.REPLY_FAILED.topic())) {
            KafkaEvents.send(event, event.subject());
            var received = failed.await(EventTypes.REPLY_FAILED,
                    e -> e.data().replyId().equals(event.data().replyId()), WAIT);
            assertThat(received.event().data().errorCode()).isEqualTo("10/2018278");
            assertThat(received.event().data().reason()).contains("outside of allowed window")
                    .contains("no fallback (no_phone)");
            assertThat(received.event().data().retryable()).isFalse();
        }
        fake.verify(1, postRequestedFor(urlEqualTo("/" + IG_ACCOUNT + "/messages"))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(igsid))));
        assertThat(row(event.data().replyId())).containsEntry("status", "FAILED")
                .containsEntry("error_code", "10/2018278");
    }

    @Test
    void asynchronousFailedStatusEmitsReplyFailedOnceWithMetasCode() throws Exception {
        String to = digits("7916");
        String wamid = "wamid.ASYNC-" + to;
        graphAnswers(WA_NUMBER, to, wamid);
        EventEnvelope<ReplyRequested> event = reply("demo-salon", Channel.WHATSAPP, WA_NUMBER,
                new Contact(to, "Иван", null), "Вы записаны", null, List.of());
        clientWrote(event, Duration.ofHours(1));
        try (KafkaEvents.Listener sent = KafkaEvents.listen(EventTypes.REPLY_SENT.topic());
             KafkaEvents.Listener failed = KafkaEvents.listen(EventTypes.REPLY_FAILED.topic())) {
            KafkaEvents.send(event, event.subject());
            sent.await(EventTypes.REPLY_SENT, e -> e.data().replyId().equals(event.data().replyId()), WAIT);
            String status = """
                    {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":\
                    "messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":\
                    "15550783881","phone_number_id":"%s"},"statuses":[{"id":"%s","status":"failed",\
                    "timestamp":"%d","recipient_id":"%s","errors":[{"code":131047,"title":"Re-engagement message",\
                    "message":"Re-engagement message","error_data":{"details":"Message failed to send because more\
                     than 24 hours have passed since the customer last replied to this number."}}]}]}}]}]}"""
                    .formatted(WA_NUMBER, wamid, System.currentTimeMillis() / 1000 + 5, to);
            for (int i = 0; i < 2; i++) { // Meta repeats webhooks
                given().header("X-Hub-Signature-256", WhatsAppSignature.sign(
                                status.getBytes(StandardCharsets.UTF_8), "test_app_secret"))
                        .contentType("application/json").body(status).post("/webhooks/whatsapp")
                        .then().statusCode(200);
            }
            var received = failed.await(EventTypes.REPLY_FAILED,
                    e -> e.data().replyId().equals(event.data().replyId()), WAIT);
            assertThat(received.event().data().errorCode()).isEqualTo("131047");
            assertThat(received.event().data().retryable()).isFalse();
            assertThat(failed.drain(Duration.ofSeconds(2)))
                    .filteredOn(json -> json.contains(event.data().replyId().toString())).hasSize(1);
        }
        assertThat(row(event.data().replyId())).containsEntry("status", "FAILED").containsEntry("error_code", "131047");
    }

    static List<String> form(String body) {
        return List.of(body.split("&")).stream().map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8)).toList();
    }

    static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return io.otklik.events.EventJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
