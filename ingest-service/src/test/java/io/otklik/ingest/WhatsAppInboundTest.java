package io.otklik.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.otklik.events.EventTypes;
import io.otklik.events.data.Attachment;
import io.otklik.events.data.MessageReceived;
import io.otklik.ingest.whatsapp.WhatsAppSignature;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.otklik.testkit.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every WhatsApp message type in one webhook of several entries and changes (Cloud API shapes), the click-to-WhatsApp
 * referral, the raw body kept beside the messages, and what is refused storing nothing.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_ingest_test"))
@WithTestResource(value = WireMockResource.class,
        initArgs = @ResourceArg(name = "property", value = "otklik.whatsapp.graph-url,otklik.telegram.api-url"))
class WhatsAppInboundTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Pool pool;

    /** Two entries; the first has two changes, each with several messages and the contacts block. */
    static String everyType(String p) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",\
                "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",\
                "phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Иван"},"wa_id":"79161230001"}],\
                "messages":[\
                {"from":"79161230001","id":"%1$s.text","timestamp":"1739321024","type":"text",\
                "text":{"body":"Хочу записаться на чистку зубов в субботу"},\
                "referral":{"source_url":"https://fb.me/3cr4Wqqkv","source_id":"120208745386750123",\
                "source_type":"ad","headline":"Скидка 20%% на чистку","body":"Запишитесь сегодня",\
                "media_type":"image","image_url":"https://scontent.example/ad.jpg","ctwa_clid":"ARAkLkA8rmlFeiCktEJQ"}},\
                {"from":"79161230001","id":"%1$s.button","timestamp":"1739321025","type":"button",\
                "context":{"from":"15550783881","id":"wamid.OUT1"},"button":{"text":"Подтвердить","payload":"confirm_42"}},\
                {"from":"79161230001","id":"%1$s.list","timestamp":"1739321026","type":"interactive",\
                "interactive":{"type":"list_reply","list_reply":{"id":"slot_10_00","title":"Суббота 10:00",\
                "description":"Мастер Анна"}}},\
                {"from":"79161230001","id":"%1$s.btn","timestamp":"1739321027","type":"interactive",\
                "interactive":{"type":"button_reply","button_reply":{"id":"book","title":"Записаться"}}},\
                {"from":"79161230001","id":"%1$s.reaction","timestamp":"1739321028","type":"reaction",\
                "reaction":{"message_id":"wamid.OUT1","emoji":"\\uD83D\\uDC4D"}}]}},\
                {"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":\
                "15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Иван"},\
                "wa_id":"79161230001"}],"messages":[\
                {"from":"79161230001","id":"%1$s.location","timestamp":"1739321029","type":"location",\
                "location":{"latitude":55.7558,"longitude":37.6173,"name":"Салон «Лён»","address":"Тверская, 1"}},\
                {"from":"79161230001","id":"%1$s.contacts","timestamp":"1739321030","type":"contacts",\
                "contacts":[{"name":{"formatted_name":"Анна Петрова","first_name":"Анна","last_name":"Петрова"},\
                "phones":[{"phone":"+7 (916) 555-12-34","type":"CELL","wa_id":"79165551234"}]}]},\
                {"from":"79161230001","id":"%1$s.image","timestamp":"1739321031","type":"image",\
                "image":{"mime_type":"image/jpeg","sha256":"abc=","id":"1479537139650973","caption":"Вот такой цвет"}},\
                {"from":"79161230001","id":"%1$s.voice","timestamp":"1739321032","type":"audio",\
                "audio":{"mime_type":"audio/ogg; codecs=opus","sha256":"def=","id":"1479537139650974","voice":true}},\
                {"from":"79161230001","id":"%1$s.document","timestamp":"1739321033","type":"document",\
                "document":{"filename":"анализы.pdf","mime_type":"application/pdf","sha256":"ghi=","id":"1479537139650975"}},\
                {"from":"79161230001","id":"%1$s.sticker","timestamp":"1739321034","type":"sticker",\
                "sticker":{"mime_type":"image/webp","sha256":"jkl=","id":"1479537139650976","animated":false}},\
                {"from":"79161230001","id":"%1$s.unsupported","timestamp":"1739321035","type":"unsupported",\
                "errors":[{"code":131051,"title":"Message type unknown","message":"Message type unknown",\
                "error_data":{"details":"Message type is currently not supported."}}]}]}}]},\
                {"id":"102290129340398","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",\
                "metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},\
                "contacts":[{"profile":{"name":"Ольга"},"wa_id":"79161230002"}],"messages":[\
                {"from":"79161230002","id":"%1$s.video","timestamp":"1739321036","type":"video",\
                "video":{"mime_type":"video/mp4","sha256":"mno=","id":"1479537139650977"}},\
                {"from":"79161230002","id":"%1$s.system","timestamp":"1739321037","type":"system",\
                "system":{"body":"User A changed from 79161230002 to 79161230003","wa_id":"79161230003",\
                "type":"user_changed_number"}}]}}]}]}""".formatted(p);
    }

    static io.restassured.response.Response post(String body, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return given().header("X-Hub-Signature-256", WhatsAppSignature.sign(bytes, secret))
                .contentType("application/json").body(bytes).post("/webhooks/whatsapp");
    }

    @Test
    void everyMessageTypeOfAMultiEntryWebhookBecomesOneEvent() {
        String p = "wamid.T" + UUID.randomUUID().toString().replace("-", "");
        String body = everyType(p);
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.MESSAGE_RECEIVED.topic())) {
            post(body, WhatsAppWebhookTest.SECRET).then().statusCode(200)
                    .body("accepted", equalTo(14)).body("duplicates", equalTo(0));
            Map<String, MessageReceived> byId = events.awaitCount(EventTypes.MESSAGE_RECEIVED,
                            e -> e.data().externalMessageId().startsWith(p + "."), 14, WAIT).stream()
                    .map(r -> r.event().data())
                    .collect(Collectors.toMap(m -> m.externalMessageId().substring(p.length() + 1),
                            Function.identity()));

            MessageReceived text = byId.get("text");
            assertThat(text.text()).isEqualTo("Хочу записаться на чистку зубов в субботу");
            assertThat(text.messageType()).isEqualTo("text");
            assertThat(text.source()).isEqualTo("ctwa_ad");
            assertThat(text.utm().source()).isEqualTo("facebook");
            assertThat(text.utm().medium()).isEqualTo("ctwa");
            assertThat(text.utm().campaign()).isEqualTo("120208745386750123");
            assertThat(text.utm().content()).isEqualTo("Скидка 20% на чистку");
            assertThat(text.contact().phone()).isEqualTo("+79161230001");
            assertThat(text.contact().displayName()).isEqualTo("Иван");

            assertThat(byId.get("button")).extracting(MessageReceived::text, MessageReceived::buttonId,
                    MessageReceived::messageType).containsExactly("Подтвердить", "confirm_42", "button");
            assertThat(byId.get("list")).extracting(MessageReceived::text, MessageReceived::buttonId,
                    MessageReceived::messageType).containsExactly("Суббота 10:00", "slot_10_00", "interactive");
            assertThat(byId.get("btn")).extracting(MessageReceived::text, MessageReceived::buttonId)
                    .containsExactly("Записаться", "book");
            assertThat(byId.get("reaction")).extracting(MessageReceived::text, MessageReceived::messageType)
                    .containsExactly("[реакция 👍]", "reaction");

            MessageReceived location = byId.get("location");
            assertThat(location.text()).isEqualTo("[геопозиция] Салон «Лён»");
            assertThat(location.attachments()).containsExactly(new Attachment("location", null, null, null, null,
                    null, 55.7558, 37.6173, "Салон «Лён»", null));
            assertThat(byId.get("contacts").attachments()).containsExactly(new Attachment("contact", null, null,
                    null, null, null, null, null, "Анна Петрова", "+79165551234"));
            assertThat(byId.get("contacts").messageType()).isEqualTo("contacts");

            assertThat(byId.get("image").text()).isEqualTo("Вот такой цвет");
            assertThat(byId.get("image").attachments()).containsExactly(
                    Attachment.media("image", "1479537139650973", "image/jpeg", null, "Вот такой цвет"));
            assertThat(byId.get("voice").text()).isEqualTo("[голосовое сообщение]");
            assertThat(byId.get("voice").messageType()).isEqualTo("audio");
            assertThat(byId.get("voice").attachments().get(0).type()).isEqualTo("voice");
            assertThat(byId.get("document").text()).isEqualTo("[документ: анализы.pdf]");
            assertThat(byId.get("document").attachments().get(0).fileName()).isEqualTo("анализы.pdf");
            assertThat(byId.get("sticker").text()).isEqualTo("[стикер]");
            assertThat(byId.get("video").text()).isEqualTo("[видео]");
            assertThat(byId.get("video").contact().displayName()).isEqualTo("Ольга");
            assertThat(byId.get("unsupported").text()).isEqualTo("[сообщение этого типа не поддерживается]");
            assertThat(byId.get("system").text()).isEqualTo("[сообщение этого типа не поддерживается]");
            assertThat(byId.get("system").messageType()).isEqualTo("system");

            // one client per person, on every message of theirs
            assertThat(byId.values().stream().filter(m -> m.contact().channelUserId().equals("79161230001"))
                    .map(MessageReceived::clientId).distinct()).hasSize(1);
            assertThat(byId.get("video").clientId()).isNotNull().isNotEqualTo(text.clientId());
        }

        // the body is kept byte for byte, once, and every message points at it
        List<Row> raw = Sql.rows(pool, "select r.body, r.tenant_id, r.channel, count(m.id) from raw_webhook r"
                + " join inbound_message m on m.raw_webhook_id = r.id where m.external_message_id like $1"
                + " group by r.id", p + ".%");
        assertThat(raw).hasSize(1);
        assertThat(raw.get(0).getBuffer(0).getBytes()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(raw.get(0).getString(1)).isEqualTo("demo-salon");
        assertThat(raw.get(0).getString(2)).isEqualTo("WHATSAPP");
        assertThat(raw.get(0).getLong(3)).isEqualTo(14);

        // Meta retries: all duplicates, acknowledged, and no second copy of the body
        post(body, WhatsAppWebhookTest.SECRET).then().statusCode(200)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(14));
        assertThat(Sql.count(pool, "select count(*) from raw_webhook where convert_from(body, 'UTF8') like $1",
                "%" + p + ".text%")).isEqualTo(1);
    }

    @Test
    void aPayloadNamingTwoTenantsMustVerifyWithEachSecretAndRefusedRequestsStoreNothing() {
        String p = "wamid.T" + UUID.randomUUID().toString().replace("-", "");
        String salon = WhatsAppWebhookTest.textWebhook(p + ".a", "79161230004", "Анна", "Привет");
        String both = salon.replace("]}]}", "]},{\"id\":\"2\",\"changes\":[{\"field\":\"messages\",\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\"106540352242999\"},"
                + "\"messages\":[{\"from\":\"79161230005\",\"id\":\"" + p + ".b\",\"timestamp\":\"1739321024\","
                + "\"type\":\"text\",\"text\":{\"body\":\"Здравствуйте\"}}]}}]}]}");
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.MESSAGE_RECEIVED.topic())) {
            post(both, WhatsAppWebhookTest.SECRET).then().statusCode(401);
            post(both, "test_clinic_app_secret").then().statusCode(401);
            post("{\"object\":\"whatsapp_business_account\",\"entry\":{}}", WhatsAppWebhookTest.SECRET)
                    .then().statusCode(400).body("field", equalTo("body"));
            assertThat(events.drain(Duration.ofSeconds(2))).noneMatch(json -> json.contains(p));
        }
        assertThat(Sql.count(pool, "select count(*) from inbound_message where external_message_id like $1",
                p + ".%")).isZero();
        assertThat(Sql.count(pool, "select count(*) from raw_webhook where convert_from(body, 'UTF8') like $1",
                "%" + p + "%")).isZero();
    }
}
