package io.otklik.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.otklik.events.EventTypes;
import io.otklik.events.data.Attachment;
import io.otklik.events.data.Channel;
import io.otklik.events.data.MessageReceived;
import io.otklik.events.data.Utm;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.otklik.testkit.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Telegram updates of every kind a client produces (Bot API shapes), at the tenant's URL and the bot alias URL:
 * edits, inline button presses, contact sharing, media, locations, /start deep links; other updates acknowledged.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_ingest_test"))
@WithTestResource(value = WireMockResource.class,
        initArgs = @ResourceArg(name = "property", value = "otklik.whatsapp.graph-url,otklik.telegram.api-url"))
class TelegramWebhookTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final AtomicLong UPDATE_IDS = new AtomicLong(100_000_000L + (System.currentTimeMillis() % 1_000_000) * 1000);
    static final String FROM = """
            "from":{"id":%1$d,"is_bot":false,"first_name":"Иван","last_name":"Петров","username":"ivan_p",\
            "language_code":"ru"},"chat":{"id":%1$d,"first_name":"Иван","last_name":"Петров","username":"ivan_p",\
            "type":"private"}""";

    @Inject
    Pool pool;

    static String message(long updateId, long chatId, String field, String content) {
        return "{\"update_id\":" + updateId + ",\"" + field + "\":{\"message_id\":451," + FROM.formatted(chatId)
                + ",\"date\":1739321024" + (field.equals("edited_message") ? ",\"edit_date\":1739321090" : "")
                + "," + content + "}}";
    }

    static MessageReceived send(String path, String body, long updateId) {
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.MESSAGE_RECEIVED.topic())) {
            given().header("X-Telegram-Bot-Api-Secret-Token", "tg-secret_1").contentType("application/json")
                    .body(body).post(path)
                    .then().statusCode(200).body("accepted", equalTo(1)).body("ignored", equalTo(0));
            return events.await(EventTypes.MESSAGE_RECEIVED,
                    e -> e.data().externalMessageId().equals(Long.toString(updateId)), WAIT).event().data();
        }
    }

    @Test
    void theTenantUrlAndTheBotAliasUrlReachTheSameConversation() {
        long chat = 700_000_001L;
        long u1 = UPDATE_IDS.incrementAndGet();
        MessageReceived viaTenant = send("/webhooks/telegram/demo-salon",
                message(u1, chat, "message", "\"text\":\"Сколько стоит отбеливание?\""), u1);
        long u2 = UPDATE_IDS.incrementAndGet();
        MessageReceived viaBot = send("/webhooks/telegram/lyon_salon_bot",
                message(u2, chat, "message", "\"text\":\"А в субботу?\""), u2);
        assertThat(viaTenant.channel()).isEqualTo(Channel.TELEGRAM);
        assertThat(viaTenant.channelAccountId()).isEqualTo("lyon_salon_bot");
        assertThat(viaTenant.conversationId()).isEqualTo(viaBot.conversationId());
        assertThat(viaTenant.clientId()).isNotNull().isEqualTo(viaBot.clientId());
        assertThat(viaTenant.messageType()).isEqualTo("text");
        assertThat(Sql.count(pool, "select count(*) from raw_webhook r join inbound_message m"
                + " on m.raw_webhook_id = r.id where m.external_message_id = $1 and r.channel = 'TELEGRAM'",
                Long.toString(u1))).isEqualTo(1);
    }

    @Test
    void editsButtonPressesContactsMediaAndLocationsAreClientMessages() {
        long chat = 700_000_002L;
        long u = UPDATE_IDS.incrementAndGet();
        MessageReceived edited = send("/webhooks/telegram/demo-salon",
                message(u, chat, "edited_message", "\"text\":\"Сколько стоит окрашивание?\""), u);
        assertThat(edited.messageType()).isEqualTo("edited");
        assertThat(edited.text()).isEqualTo("Сколько стоит окрашивание?");
        assertThat(edited.sentAt()).isEqualTo(Instant.ofEpochSecond(1739321090));

        u = UPDATE_IDS.incrementAndGet();
        String callback = """
                {"update_id":%d,"callback_query":{"id":"4382bfdwdsb323b2d9","from":{"id":%d,"is_bot":false,\
                "first_name":"Иван","language_code":"ru"},"message":{"message_id":452,"from":{"id":7000000000,\
                "is_bot":true,"first_name":"Лён","username":"lyon_salon_bot"},"chat":{"id":%d,"first_name":"Иван",\
                "type":"private"},"date":1739321030,"text":"Стоимость — от 9 000 ₽. Записать вас?",\
                "reply_markup":{"inline_keyboard":[[{"text":"Записаться","callback_data":"book"},\
                {"text":"Позже","callback_data":"later"}]]}},"chat_instance":"-4471953846527","data":"book"}}"""
                .formatted(u, chat, chat);
        MessageReceived press = send("/webhooks/telegram/demo-salon", callback, u);
        assertThat(press).extracting(MessageReceived::text, MessageReceived::buttonId, MessageReceived::messageType)
                .containsExactly("Записаться", "book", "button");
        assertThat(press.contact().channelUserId()).isEqualTo(Long.toString(chat));

        u = UPDATE_IDS.incrementAndGet();
        MessageReceived shared = send("/webhooks/telegram/demo-salon", message(u, chat, "message",
                "\"contact\":{\"phone_number\":\"79161230010\",\"first_name\":\"Иван\",\"last_name\":\"Петров\","
                        + "\"user_id\":" + chat + "}"), u);
        assertThat(shared.text()).isEqualTo("[поделился номером телефона]");
        assertThat(shared.contact().phone()).isEqualTo("+79161230010");
        assertThat(shared.attachments()).containsExactly(new Attachment("contact", null, null, null, null, null, null,
                null, "Иван Петров", "+79161230010"));
        assertThat(shared.clientId()).isEqualTo(press.clientId());

        u = UPDATE_IDS.incrementAndGet();
        MessageReceived forwarded = send("/webhooks/telegram/demo-salon", message(u, chat, "message",
                "\"contact\":{\"phone_number\":\"+7 916 555-00-11\",\"first_name\":\"Мама\"}"), u);
        assertThat(forwarded.text()).isEqualTo("[контакт]");
        assertThat(forwarded.contact().phone()).as("someone else's contact is not the client's phone").isNull();

        u = UPDATE_IDS.incrementAndGet();
        MessageReceived photo = send("/webhooks/telegram/demo-salon", message(u, chat, "message", """
                "photo":[{"file_id":"AgACAgIAAxkBAAIBsmall","file_unique_id":"AQADs","file_size":1200,"width":90,\
                "height":90},{"file_id":"AgACAgIAAxkBAAIBlarge","file_unique_id":"AQADl","file_size":52000,\
                "width":1280,"height":1280}],"caption":"Хочу такой маникюр\""""), u);
        assertThat(photo.text()).isEqualTo("Хочу такой маникюр");
        assertThat(photo.attachments()).containsExactly(
                Attachment.media("image", "AgACAgIAAxkBAAIBlarge", null, null, "Хочу такой маникюр"));

        u = UPDATE_IDS.incrementAndGet();
        MessageReceived voice = send("/webhooks/telegram/demo-salon", message(u, chat, "message",
                "\"voice\":{\"file_id\":\"AwACAgIAAxkBAAIBv\",\"file_unique_id\":\"AgADv\",\"duration\":4,"
                        + "\"mime_type\":\"audio/ogg\",\"file_size\":9000}"), u);
        assertThat(voice.text()).isEqualTo("[голосовое сообщение]");
        assertThat(voice.attachments().get(0).mimeType()).isEqualTo("audio/ogg");

        u = UPDATE_IDS.incrementAndGet();
        MessageReceived doc = send("/webhooks/telegram/demo-salon", message(u, chat, "message",
                "\"document\":{\"file_name\":\"направление.pdf\",\"mime_type\":\"application/pdf\","
                        + "\"file_id\":\"BQACAgIAAxkBAAIBd\",\"file_unique_id\":\"AgADd\",\"file_size\":81000}"), u);
        assertThat(doc.text()).isEqualTo("[документ: направление.pdf]");

        u = UPDATE_IDS.incrementAndGet();
        MessageReceived sticker = send("/webhooks/telegram/demo-salon", message(u, chat, "message",
                "\"sticker\":{\"file_id\":\"CAACAgIAAxkBAAIBs\",\"file_unique_id\":\"AgADs\",\"type\":\"regular\","
                        + "\"width\":512,\"height\":512,\"is_animated\":false,\"is_video\":false,\"emoji\":\"😀\"}"), u);
        assertThat(sticker.text()).isEqualTo("[стикер]");

        u = UPDATE_IDS.incrementAndGet();
        MessageReceived location = send("/webhooks/telegram/demo-salon", message(u, chat, "message",
                "\"location\":{\"latitude\":55.7558,\"longitude\":37.6173}"), u);
        assertThat(location.text()).isEqualTo("[геопозиция]");
        assertThat(location.attachments().get(0)).extracting(Attachment::type, Attachment::latitude,
                Attachment::longitude).containsExactly("location", 55.7558, 37.6173);
    }

    @Test
    void startDeepLinksCarryCampaignTags() {
        long chat = 700_000_003L;
        long u = UPDATE_IDS.incrementAndGet();
        MessageReceived tagged = send("/webhooks/telegram/demo-salon", message(u, chat, "message",
                "\"text\":\"/start vk__cpc__autumn_sale\",\"entities\":[{\"offset\":0,\"length\":6,"
                        + "\"type\":\"bot_command\"}]"), u);
        assertThat(tagged.messageType()).isEqualTo("start");
        assertThat(tagged.source()).isEqualTo("telegram_start");
        assertThat(tagged.utm()).isEqualTo(new Utm("vk", "cpc", "autumn_sale", null, null));
        assertThat(tagged.text()).isEqualTo("/start vk__cpc__autumn_sale");

        u = UPDATE_IDS.incrementAndGet();
        MessageReceived bare = send("/webhooks/telegram/demo-salon", message(u, chat, "message",
                "\"text\":\"/start\",\"entities\":[{\"offset\":0,\"length\":6,\"type\":\"bot_command\"}]"), u);
        assertThat(bare.messageType()).isEqualTo("start");
        assertThat(bare.text()).isEqualTo("/start");
        assertThat(bare.utm()).isNull();
    }

    @Test
    void retriesAreProcessedOnceAndUpdatesWithoutAClientMessageAreAcknowledged() {
        long chat = 700_000_004L;
        long u = UPDATE_IDS.incrementAndGet();
        String body = message(u, chat, "message", "\"text\":\"Есть окно на завтра?\"");
        send("/webhooks/telegram/demo-salon", body, u);
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.MESSAGE_RECEIVED.topic())) {
            given().header("X-Telegram-Bot-Api-Secret-Token", "tg-secret_1").contentType("application/json")
                    .body(body).post("/webhooks/telegram/lyon_salon_bot")
                    .then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(1));
            String blocked = """
                    {"update_id":%d,"my_chat_member":{"chat":{"id":%d,"first_name":"Иван","type":"private"},\
                    "from":{"id":%d,"is_bot":false,"first_name":"Иван"},"date":1739321100,\
                    "old_chat_member":{"user":{"id":7000000000,"is_bot":true,"first_name":"Лён"},"status":"member"},\
                    "new_chat_member":{"user":{"id":7000000000,"is_bot":true,"first_name":"Лён"},"status":"kicked",\
                    "until_date":0}}}""".formatted(UPDATE_IDS.incrementAndGet(), chat, chat);
            given().header("X-Telegram-Bot-Api-Secret-Token", "tg-secret_1").contentType("application/json")
                    .body(blocked).post("/webhooks/telegram/demo-salon")
                    .then().statusCode(200).body("accepted", equalTo(0)).body("ignored", equalTo(1));
            assertThat(events.drain(Duration.ofSeconds(2)))
                    .noneMatch(json -> json.contains("\"channelUserId\":\"" + chat + "\""));
        }
        assertThat(Sql.count(pool, "select count(*) from inbound_message where channel = 'TELEGRAM'"
                + " and external_message_id = $1", Long.toString(u))).isEqualTo(1);
        given().header("X-Telegram-Bot-Api-Secret-Token", "tg-secret_1").contentType("application/json")
                .body("{\"update_id\":9,\"edited_message\":{\"text\":\"x\"}}").post("/webhooks/telegram/demo-salon")
                .then().statusCode(400).body("detail", equalTo("'edited_message.chat.id' must be an integer"));
        given().header("X-Telegram-Bot-Api-Secret-Token", "tg-secret_1").contentType("application/json")
                .body("{}").post("/webhooks/telegram/demo-clinic").then().statusCode(404);
    }
}
