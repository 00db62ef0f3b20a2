package io.otklik.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.otklik.events.EventTypes;
import io.otklik.events.data.Attachment;
import io.otklik.events.data.Channel;
import io.otklik.events.data.MessageReceived;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.otklik.testkit.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /api/v1/leads (JSON and form-encoded), field-by-field validation, and the public form's CORS. */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_ingest_test"))
@WithTestResource(value = WireMockResource.class,
        initArgs = @ResourceArg(name = "property", value = "otklik.whatsapp.graph-url,otklik.telegram.api-url"))
class LeadApiTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String KEY = "test-salon-key";

    @Test
    void jsonLeadFromASiteBackendBecomesAMessageWithUtmAndPage() {
        String submission = UUID.randomUUID().toString();
        String body = """
                {"name":"Мария","phone":"+7 (916) 200-30-40","message":"Хочу записаться на окрашивание",
                 "utm_source":"yandex","utm_medium":"cpc","utm_campaign":"autumn","utm_content":"banner",
                 "utm_term":"окрашивание волос","pageUrl":"https://lyon-salon.example/prices?x=1",
                 "submissionId":"%s"}""".formatted(submission);
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.MESSAGE_RECEIVED.topic())) {
            String messageId = given().header("X-Api-Key", KEY).contentType("application/json").body(body)
                    .post("/api/v1/leads")
                    .then().statusCode(202).body("duplicate", equalTo(false)).extract().path("messageId");
            MessageReceived m = events.await(EventTypes.MESSAGE_RECEIVED,
                    e -> e.data().messageId().toString().equals(messageId), WAIT).event().data();
            assertThat(m.channel()).isEqualTo(Channel.WEB_FORM);
            assertThat(m.channelAccountId()).isEqualTo("api");
            assertThat(m.externalMessageId()).isEqualTo("demo-salon:" + submission);
            assertThat(m.messageType()).isEqualTo("form");
            assertThat(m.source()).isEqualTo("api");
            assertThat(m.contact().phone()).isEqualTo("+79162003040");
            assertThat(m.contact().displayName()).isEqualTo("Мария");
            assertThat(m.text()).isEqualTo("Хочу записаться на окрашивание");
            assertThat(m.utm().source()).isEqualTo("yandex");
            assertThat(m.utm().medium()).isEqualTo("cpc");
            assertThat(m.utm().campaign()).isEqualTo("autumn");
            assertThat(m.utm().content()).isEqualTo("banner");
            assertThat(m.utm().term()).isEqualTo("окрашивание волос");
            assertThat(m.attachments()).containsExactly(new Attachment("page", null, null, null, null,
                    "https://lyon-salon.example/prices?x=1", null, null, null, null));

            // the site retries: same submissionId → the first message, nothing new
            given().header("X-Api-Key", KEY).contentType("application/json").body(body).post("/api/v1/leads")
                    .then().statusCode(202).body("duplicate", equalTo(true)).body("messageId", equalTo(messageId));
            assertThat(events.drain(Duration.ofSeconds(2)))
                    .filteredOn(json -> json.contains(submission)).hasSize(1);
        }
    }

    @Test
    void formEncodedLeadThroughTheTenantsFormWithAnIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.MESSAGE_RECEIVED.topic())) {
            var request = given().header("X-Api-Key", KEY).header("Idempotency-Key", key)
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("name", "Пётр").formParam("phone", "8 916 300-40-50")
                    .formParam("message", "").formParam("formId", "lyon-site")
                    .formParam("utm_source", "vk").formParam("pageUrl", "https://lyon-salon.example/");
            String messageId = request.post("/api/v1/leads").then().statusCode(202)
                    .body("duplicate", equalTo(false)).extract().path("messageId");
            MessageReceived m = events.await(EventTypes.MESSAGE_RECEIVED,
                    e -> e.data().messageId().toString().equals(messageId), WAIT).event().data();
            assertThat(m.channelAccountId()).isEqualTo("lyon-site");
            assertThat(m.externalMessageId()).isEqualTo(key);
            assertThat(m.source()).isEqualTo("site_form");
            assertThat(m.contact().phone()).isEqualTo("+79163004050");
            assertThat(m.contact().channelUserId()).isEqualTo("+79163004050");
            assertThat(m.text()).isEqualTo("Оставил номер телефона для связи");
            assertThat(m.utm().source()).isEqualTo("vk");
            assertThat(m.utm().medium()).isNull();

            given().header("X-Api-Key", KEY).header("Idempotency-Key", key)
                    .contentType("application/x-www-form-urlencoded").formParam("phone", "9163004050")
                    .formParam("formId", "lyon-site").post("/api/v1/leads")
                    .then().statusCode(202).body("duplicate", equalTo(true)).body("messageId", equalTo(messageId));
        }
    }

    @Test
    void everyBadFieldIsListedAtOnce() {
        String body = """
                {"name":"%s","phone":"12345","message":"%s","pageUrl":"ftp://files.example/x",
                 "formId":"ulybka-site","utm_source":7}""".formatted("Я".repeat(201), "м".repeat(4001));
        given().header("X-Api-Key", KEY).contentType("application/json").body(body).post("/api/v1/leads")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("utm_source", "name", "phone", "message", "pageUrl",
                        "formId"))
                .body("errors.find { it.field == 'phone' }.message", containsString("not a valid phone number"))
                .body("errors.find { it.field == 'message' }.message", containsString("longer than 4000"))
                .body("errors.find { it.field == 'name' }.message", containsString("longer than 200"))
                .body("errors.find { it.field == 'pageUrl' }.message", containsString("http(s) URL"))
                .body("errors.find { it.field == 'formId' }.message", containsString("no form 'ulybka-site'"))
                .body("errors.find { it.field == 'utm_source' }.message", equalTo("must be a string, not a number"));
        given().header("X-Api-Key", KEY).contentType("application/x-www-form-urlencoded")
                .formParam("name", "Анна").post("/api/v1/leads")
                .then().statusCode(400).body("field", equalTo("message"))
                .body("errors.field", containsInAnyOrder("message"))
                .body("errors[0].message", equalTo("write a message or leave a phone number"));
        // the public form answers with the same list
        given().contentType("application/json").body("{\"phone\":\"8 800\",\"pageUrl\":\"javascript:alert(1)\"}")
                .post("/api/v1/forms/lyon-site")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("phone", "pageUrl"));
    }

    @Test
    void russianPhoneNotationsAllParse() {
        for (String phone : new String[] {"8 916 123-45-67", "+7 (916) 123-45-67", "9161234567", "79161234567"}) {
            given().header("X-Api-Key", KEY).contentType("application/json")
                    .body("{\"phone\":\"" + phone + "\",\"submissionId\":\"" + UUID.randomUUID() + "\"}")
                    .post("/api/v1/leads").then().statusCode(202)
                    .body("conversationId", equalTo(io.otklik.ingest.inbound.Conversations.id("demo-salon",
                            Channel.WEB_FORM, "api", "+79161234567")));
        }
    }

    @Test
    void aStrayNulCharacterIsDroppedNotAServerError() {
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.MESSAGE_RECEIVED.topic())) {
            String messageId = given().header("X-Api-Key", KEY).contentType("application/json")
                    .body("{\"name\":\"Ан\\u0000на\",\"message\":\"Привет\\u0000 мир\",\"utm_source\":\"y\\u0000\"}")
                    .post("/api/v1/leads").then().statusCode(202).extract().path("messageId");
            MessageReceived m = events.await(EventTypes.MESSAGE_RECEIVED,
                    e -> e.data().messageId().toString().equals(messageId), WAIT).event().data();
            assertThat(m.text()).isEqualTo("Привет мир");
            assertThat(m.contact().displayName()).isEqualTo("Анна");
            assertThat(m.utm().source()).isEqualTo("y");
        }
    }

    @Test
    void leadsNeedTheTenantsKey() {
        given().contentType("application/json").body("{\"message\":\"привет\"}").post("/api/v1/leads")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("X-Api-Key"));
        given().header("X-Api-Key", "wrong").contentType("application/json").body("{\"message\":\"привет\"}")
                .post("/api/v1/leads").then().statusCode(401);
    }

    @Test
    void formCorsFollowsTheTenantsAllowedOrigins() {
        given().header("Origin", "https://lyon-salon.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/api/v1/forms/lyon-site")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://lyon-salon.example")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Content-Type"))
                .header("Vary", containsString("Origin"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/forms/lyon-site")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        // another tenant's origin is not this form's
        given().header("Origin", "https://ulybka.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/forms/lyon-site")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://lyon-salon.example").options("/api/v1/forms/nobody")
                .then().statusCode(404);

        given().header("Origin", "https://lyon-salon.example").contentType("application/json")
                .body("{\"message\":\"Есть окошко на завтра?\"}").post("/api/v1/forms/lyon-site")
                .then().statusCode(202).header("Access-Control-Allow-Origin", "https://lyon-salon.example");
        // errors are readable by the page too
        given().header("Origin", "https://lyon-salon.example").contentType("application/json")
                .body("{\"phone\":\"1\"}").post("/api/v1/forms/lyon-site")
                .then().statusCode(400).header("Access-Control-Allow-Origin", "https://lyon-salon.example");
        // a browser on another site cannot post leads into the form
        given().header("Origin", "https://evil.example").contentType("application/json")
                .body("{\"message\":\"spam\"}").post("/api/v1/forms/lyon-site")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://lyon-salon.example")
                .get("/api/v1/forms/lyon-site/messages/" + UUID.randomUUID() + "/replies")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://lyon-salon.example");
    }
}
