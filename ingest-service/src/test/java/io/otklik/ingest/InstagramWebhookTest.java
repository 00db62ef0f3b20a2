package io.otklik.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.otklik.events.EventTypes;
import io.otklik.events.data.Attachment;
import io.otklik.events.data.Channel;
import io.otklik.events.data.MessageReceived;
import io.otklik.events.data.Utm;
import io.otklik.ingest.whatsapp.WhatsAppSignature;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.otklik.testkit.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Instagram Messaging webhooks (Messenger Platform shapes) against the real broker and database. */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_ingest_test"))
@WithTestResource(value = WireMockResource.class,
        initArgs = @ResourceArg(name = "property", value = "otklik.whatsapp.graph-url,otklik.telegram.api-url"))
class InstagramWebhookTest {

    static final String SECRET = "test_ig_app_secret";
    static final String ACCOUNT = "17841400000000000";
    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Pool pool;

    static String webhook(String... messaging) {
        return "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + ACCOUNT + "\",\"time\":1739321025000,"
                + "\"messaging\":[" + String.join(",", messaging) + "]}]}";
    }

    static String item(String sender, long timestamp, String event) {
        return "{\"sender\":{\"id\":\"" + sender + "\"},\"recipient\":{\"id\":\"" + ACCOUNT + "\"},\"timestamp\":"
                + timestamp + "," + event + "}";
    }

    static io.restassured.response.Response post(String body, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return given().header("X-Hub-Signature-256", WhatsAppSignature.sign(bytes, secret))
                .contentType("application/json").body(bytes).post("/webhooks/instagram");
    }

    @Test
    void verificationHandshakeUsesTheInstagramVerifyToken() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "ig-verify-me")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/instagram")
                .then().statusCode(200).body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "verify-me")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/instagram")
                .then().statusCode(403);
    }

    @Test
    void directMessagesStoryRepliesReferralsAndPostbacksAreClientMessagesAndEchoesAreNot() {
        String p = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx" + UUID.randomUUID().toString().replace("-", "");
        String igsid = "12345678" + (System.nanoTime() % 100_000_000);
        String body = webhook(
                item(igsid, 1739321024500L, "\"message\":{\"mid\":\"" + p + "1\",\"text\":\"Здравствуйте! Есть окно"
                        + " на пятницу?\"}"),
                item(igsid, 1739321025500L, "\"message\":{\"mid\":\"" + p + "2\",\"attachments\":[{\"type\":"
                        + "\"image\",\"payload\":{\"url\":\"https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1\"}}]}"),
                item(igsid, 1739321026500L, "\"message\":{\"mid\":\"" + p + "3\",\"text\":\"А такое можно?\","
                        + "\"reply_to\":{\"story\":{\"url\":\"https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=2\","
                        + "\"id\":\"17920000000000001\"}}}"),
                item(igsid, 1739321027500L, "\"message\":{\"mid\":\"" + p + "4\",\"text\":\"Хочу на отбеливание\","
                        + "\"referral\":{\"ref\":\"spring\",\"ad_id\":\"120210000000000001\",\"source\":\"ADS\","
                        + "\"type\":\"OPEN_THREAD\",\"ads_context_data\":{\"ad_title\":\"Отбеливание -30%\","
                        + "\"photo_url\":\"https://scontent.example/ad.jpg\",\"post_id\":\"17900000000000001\"}}}"),
                item(igsid, 1739321028500L, "\"postback\":{\"mid\":\"" + p + "5\",\"title\":\"Записаться\","
                        + "\"payload\":\"book\"}"),
                item(ACCOUNT, 1739321029500L, "\"message\":{\"mid\":\"" + p + "6\",\"text\":\"Да, есть 15:00\","
                        + "\"is_echo\":true}").replace("\"recipient\":{\"id\":\"" + ACCOUNT + "\"}",
                        "\"recipient\":{\"id\":\"" + igsid + "\"}"),
                item(igsid, 1739321030500L, "\"reaction\":{\"mid\":\"" + p + "1\",\"action\":\"react\","
                        + "\"reaction\":\"love\",\"emoji\":\"❤\"}"),
                item(igsid, 1739321031500L, "\"read\":{\"mid\":\"" + p + "6\"}"));
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.MESSAGE_RECEIVED.topic())) {
            post(body, SECRET).then().statusCode(200).body("accepted", equalTo(5))
                    .body("duplicates", equalTo(0)).body("ignored", equalTo(3));
            Map<String, MessageReceived> byMid = events.awaitCount(EventTypes.MESSAGE_RECEIVED,
                            e -> e.data().externalMessageId().startsWith(p), 5, WAIT).stream()
                    .map(r -> r.event().data())
                    .collect(Collectors.toMap(m -> m.externalMessageId().substring(p.length()), Function.identity()));
            assertThat(byMid).containsOnlyKeys("1", "2", "3", "4", "5");

            MessageReceived text = byMid.get("1");
            assertThat(text.channel()).isEqualTo(Channel.INSTAGRAM);
            assertThat(text.channelAccountId()).isEqualTo(ACCOUNT);
            assertThat(text.contact().channelUserId()).isEqualTo(igsid);
            assertThat(text.text()).isEqualTo("Здравствуйте! Есть окно на пятницу?");
            assertThat(text.sentAt()).isEqualTo(Instant.ofEpochMilli(1739321024500L));

            assertThat(byMid.get("2").text()).isEqualTo("[фото]");
            assertThat(byMid.get("2").attachments()).containsExactly(new Attachment("image", null, null, null, null,
                    "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1", null, null, null, null));

            MessageReceived story = byMid.get("3");
            assertThat(story).extracting(MessageReceived::messageType, MessageReceived::source, MessageReceived::text)
                    .containsExactly("story_reply", "instagram_story", "А такое можно?");
            assertThat(story.attachments()).extracting(Attachment::type, Attachment::url)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("story",
                            "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=2"));

            assertThat(byMid.get("4").source()).isEqualTo("instagram_ad");
            assertThat(byMid.get("4").utm()).isEqualTo(new Utm("instagram", "ad", "120210000000000001",
                    "Отбеливание -30%", null));

            assertThat(byMid.get("5")).extracting(MessageReceived::text, MessageReceived::buttonId,
                    MessageReceived::messageType).containsExactly("Записаться", "book", "button");
            assertThat(byMid.values().stream().map(MessageReceived::clientId).distinct()).hasSize(1);
        }
        // Meta retries the same body: acknowledged, nothing new
        post(body, SECRET).then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(5));
        assertThat(Sql.count(pool, "select count(*) from inbound_message where external_message_id like $1",
                p + "%")).isEqualTo(5);
        assertThat(Sql.count(pool, "select count(distinct raw_webhook_id) from inbound_message"
                + " where external_message_id like $1", p + "%")).isEqualTo(1);
    }

    @Test
    void anEchoOnlyWebhookIsAcknowledgedWithoutAnEvent() {
        String mid = "echo-" + UUID.randomUUID();
        String body = webhook("{\"sender\":{\"id\":\"" + ACCOUNT + "\"},\"recipient\":{\"id\":\"1234567890123456\"},"
                + "\"timestamp\":1739321024500,\"message\":{\"mid\":\"" + mid + "\",\"text\":\"Да, есть 15:00.\","
                + "\"is_echo\":true}}");
        post(body, SECRET).then().statusCode(200).body("accepted", equalTo(0)).body("ignored", equalTo(1));
        assertThat(Sql.count(pool, "select count(*) from inbound_message where external_message_id = $1", mid))
                .isZero();
    }

    @Test
    void badSignatureUnknownAccountAndMalformedBodiesAreRefused() {
        String mid = "bad-" + UUID.randomUUID();
        String body = webhook(item("1234567890123456", 1739321024500L,
                "\"message\":{\"mid\":\"" + mid + "\",\"text\":\"привет\"}"));
        post(body, "test_app_secret").then().statusCode(401)
                .body("detail", containsString("X-Hub-Signature-256"));
        given().contentType("application/json").body(body).post("/webhooks/instagram").then().statusCode(401);
        String unknown = body.replace("\"id\":\"" + ACCOUNT + "\",\"time\"", "\"id\":\"1\",\"time\"")
                .replace("\"recipient\":{\"id\":\"" + ACCOUNT + "\"}", "\"recipient\":{\"id\":\"2\"}");
        post(unknown, SECRET).then().statusCode(404).body("detail", containsString("Instagram account 1"));
        post("{\"object\":\"page\",\"entry\":[]}", SECRET).then().statusCode(400)
                .body("detail", containsString("'object' must be 'instagram'"));
        post(webhook(item("1234567890123456", 1739321024500L, "\"message\":{\"text\":\"привет\"}")), SECRET)
                .then().statusCode(400).body("detail", containsString("message.mid"));
        post(webhook(item("1234567890123456", 1739321024500L, "\"message\":{\"mid\":\"m\"}")
                .replace("1739321024500", "\"yesterday\"")), SECRET)
                .then().statusCode(400).body("detail", containsString("milliseconds"));
        assertThat(Sql.count(pool, "select count(*) from inbound_message where external_message_id = $1", mid))
                .isZero();
    }
}
