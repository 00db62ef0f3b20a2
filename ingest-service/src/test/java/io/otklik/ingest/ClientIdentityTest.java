package io.otklik.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.EventTypes;
import io.otklik.events.data.MessageReceived;
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
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One client id for one person across WhatsApp, Telegram, Instagram and the web form; merges when links appear. */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_ingest_test"))
@WithTestResource(value = WireMockResource.class,
        initArgs = @ResourceArg(name = "property", value = "otklik.whatsapp.graph-url,otklik.telegram.api-url"))
class ClientIdentityTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Pool pool;

    @BeforeEach
    void forgetTheSalonsClients() {
        Sql.rows(pool, "update inbound_message set client_id = null where tenant_id = 'demo-salon'");
        Sql.rows(pool, "delete from client_identity where tenant_id = 'demo-salon'");
        Sql.rows(pool, "delete from client where tenant_id = 'demo-salon'");
    }

    static MessageReceived await(Runnable action, Predicate<MessageReceived> match) {
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.MESSAGE_RECEIVED.topic())) {
            action.run();
            return events.await(EventTypes.MESSAGE_RECEIVED, e -> match.test(e.data()), WAIT).event().data();
        }
    }

    static MessageReceived whatsApp(String waId, String text) {
        String wamid = "wamid.C" + UUID.randomUUID().toString().replace("-", "");
        byte[] body = WhatsAppWebhookTest.textWebhook(wamid, waId, "Иван", text).getBytes(StandardCharsets.UTF_8);
        return await(() -> given().header("X-Hub-Signature-256", WhatsAppSignature.sign(body, "test_app_secret"))
                        .body(body).post("/webhooks/whatsapp").then().statusCode(200),
                m -> m.externalMessageId().equals(wamid));
    }

    static MessageReceived telegram(long chat, String content) {
        long updateId = TelegramWebhookTest.UPDATE_IDS.incrementAndGet();
        String body = TelegramWebhookTest.message(updateId, chat, "message", content);
        return await(() -> given().header("X-Telegram-Bot-Api-Secret-Token", "tg-secret_1")
                        .contentType("application/json").body(body).post("/webhooks/telegram/demo-salon")
                        .then().statusCode(200),
                m -> m.externalMessageId().equals(Long.toString(updateId)));
    }

    static MessageReceived instagram(String igsid, String text) {
        String mid = "aWdfZAG1" + UUID.randomUUID().toString().replace("-", "");
        byte[] body = InstagramWebhookTest.webhook(InstagramWebhookTest.item(igsid, 1739321024500L,
                "\"message\":{\"mid\":\"" + mid + "\",\"text\":\"" + text + "\"}")).getBytes(StandardCharsets.UTF_8);
        return await(() -> given().header("X-Hub-Signature-256",
                                WhatsAppSignature.sign(body, InstagramWebhookTest.SECRET))
                        .body(body).post("/webhooks/instagram").then().statusCode(200),
                m -> m.externalMessageId().equals(mid));
    }

    @Test
    void thePersonIsOneClientOnEveryChannel() {
        long chat = 800_000_000L + System.nanoTime() % 100_000_000L;
        String igsid = "98765" + System.nanoTime() % 100_000_000_000L;

        MessageReceived wa = whatsApp("79161234567", "Здравствуйте, хочу на стрижку");
        MessageReceived tg = telegram(chat, "\"contact\":{\"phone_number\":\"+7 916 123-45-67\","
                + "\"first_name\":\"Иван\",\"user_id\":" + chat + "}");
        MessageReceived ig = instagram(igsid, "мой номер 8 (916) 123-45-67");
        String[] formMessageId = new String[1];
        MessageReceived form = await(() -> formMessageId[0] = given().contentType("application/json")
                        .body("{\"name\":\"Иван\",\"phone\":\"9161234567\",\"message\":\"Перезвоните мне\"}")
                        .post("/api/v1/forms/lyon-site").then().statusCode(202).extract().path("messageId"),
                m -> m.messageId().toString().equals(formMessageId[0]));
        MessageReceived other = whatsApp("79161239876", "Добрый день");

        assertThat(wa.clientId()).isNotNull();
        assertThat(tg.clientId()).isEqualTo(wa.clientId());
        assertThat(ig.clientId()).isEqualTo(wa.clientId());
        assertThat(ig.contact().phone()).as("the typed phone is the contact's").isEqualTo("+79161234567");
        assertThat(form.clientId()).isEqualTo(wa.clientId());
        assertThat(other.clientId()).isNotNull().isNotEqualTo(wa.clientId());

        assertThat(Sql.rows(pool, "select kind || ':' || value from client_identity where client_id = cast(cast($1 as text) as uuid)"
                + " order by 1", wa.clientId()).stream().map(r -> r.getString(0)))
                .containsExactly("instagram:" + igsid, "phone:+79161234567", "telegram:" + chat,
                        "web:+79161234567", "whatsapp:79161234567");
    }

    @Test
    void aLinkBetweenTwoKnownClientsMergesThemIntoTheOlder() {
        long chat = 810_000_000L + System.nanoTime() % 100_000_000L;
        String igsid = "97531" + System.nanoTime() % 100_000_000_000L;

        MessageReceived first = telegram(chat, "\"text\":\"Здравствуйте\"");
        MessageReceived second = instagram(igsid, "Позвоните мне: +7 916 123-88-88");
        assertThat(second.clientId()).isNotEqualTo(first.clientId());

        MessageReceived link = telegram(chat, "\"contact\":{\"phone_number\":\"79161238888\",\"first_name\":\"Оля\","
                + "\"user_id\":" + chat + "}");
        assertThat(link.clientId()).isEqualTo(first.clientId());
        assertThat(Sql.rows(pool, "select merged_into::text from client where id = cast(cast($1 as text) as uuid)", second.clientId())
                .get(0).getString(0)).isEqualTo(first.clientId());
        assertThat(Sql.count(pool, "select count(*) from inbound_message where id = $1 and client_id = cast(cast($2 as text) as uuid)",
                second.messageId(), first.clientId())).isEqualTo(1);
        assertThat(Sql.count(pool, "select count(*) from client_identity where client_id = cast(cast($1 as text) as uuid)",
                second.clientId())).isZero();
    }
}
