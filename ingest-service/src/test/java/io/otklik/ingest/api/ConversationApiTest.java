package io.otklik.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplyRequested;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.otklik.testkit.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JSONL export (masked unless raw with the admin key, read in keyset pages of 3 in tests) and the staff view of
 * one conversation opened with a handoff link's token.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_ingest_test"))
@WithTestResource(value = WireMockResource.class,
        initArgs = @ResourceArg(name = "property", value = "otklik.whatsapp.graph-url,otklik.telegram.api-url"))
class ConversationApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String NAME = "Евгения Смирнова";

    Instant start;
    String phone;
    String localPhone;
    String conversationId;
    List<String> messageIds;
    ReplyRequested reply;

    /** A conversation of three leads from one client (phone and name also inside the text) and one bot reply. */
    @BeforeEach
    void conversation() {
        start = Instant.now().minusSeconds(1);
        String digits = Integer.toString(1_000_000 + (int) (Math.random() * 8_999_999));
        phone = "+7916" + digits;
        localPhone = "8 (916) " + digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
        messageIds = new ArrayList<>();
        for (String text : List.of("Здравствуйте, меня зовут Евгения",
                "Мой номер " + localPhone + ", перезвоните Евгении Смирновой", "Когда можно прийти?")) {
            var response = given().header("X-Api-Key", "test-salon-key").contentType("application/json")
                    .body("{\"name\":\"" + NAME + "\",\"phone\":\"" + phone + "\",\"message\":\"" + text + "\"}")
                    .post("/api/v1/leads").then().statusCode(202).extract();
            messageIds.add(response.path("messageId"));
            conversationId = response.path("conversationId");
        }
        reply = new ReplyRequested(UUID.randomUUID(), conversationId, Channel.WEB_FORM, "api",
                new Contact(phone, NAME, phone), "Евгения, ждём вас завтра в 12:00", ReplyKind.ANSWER,
                UUID.fromString(messageIds.get(2)), Instant.now(), null);
        KafkaEvents.send(EventEnvelope.of(EventTypes.REPLY_REQUESTED, "routing-service", Instant.now(), "demo-salon",
                conversationId, reply), conversationId);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .get("/api/v1/forms/lyon-site/messages/" + messageIds.get(2) + "/replies")
                .then().statusCode(200).body("$", hasSize(1)));
    }

    List<JsonNode> export(String key, String query) throws Exception {
        String body = given().header("X-Api-Key", key)
                .get("/api/v1/conversations/export?from=" + start + "&to=" + Instant.now().plusSeconds(5) + query)
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void tenantExportIsMaskedOrderedAndPagedWithoutGapsOrRepeats() throws Exception {
        List<JsonNode> lines = export("test-salon-key", "");
        assertThat(lines).allSatisfy(l -> assertThat(l.get("tenantId").asText()).isEqualTo("demo-salon"));
        // ordered by conversation then time, each message once, across many pages of 3
        Comparator<JsonNode> order = Comparator.<JsonNode, String>comparing(l -> l.get("conversationId").asText())
                .thenComparing(l -> Instant.parse(l.get("time").asText()))
                .thenComparing(l -> l.get("direction").asText()).thenComparing(l -> l.get("id").asText());
        assertThat(lines).isSortedAccordingTo(order);
        assertThat(new HashSet<>(lines.stream().map(l -> l.get("id").asText()).toList())).hasSize(lines.size());

        List<JsonNode> ours = lines.stream().filter(l -> l.get("conversationId").asText().equals(conversationId))
                .toList();
        assertThat(ours).extracting(l -> l.get("direction").asText()).containsExactly("in", "in", "in", "out");
        assertThat(ours.subList(0, 3)).extracting(l -> l.get("id").asText()).containsExactlyElementsOf(messageIds);
        JsonNode first = ours.get(0);
        assertThat(first.get("channel").asText()).isEqualTo("WEB_FORM");
        assertThat(first.get("messageType").asText()).isEqualTo("form");
        assertThat(first.get("name").asText()).isEqualTo("Е*** С***");
        assertThat(first.get("phone").asText()).isEqualTo(phone.substring(0, 5) + "*****" + phone.substring(10));
        assertThat(first.get("channelUserId").asText()).isEqualTo(first.get("phone").asText());
        assertThat(first.get("text").asText()).isEqualTo("Здравствуйте, меня зовут Е***");
        assertThat(ours.get(1).get("text").asText()).isEqualTo("Мой номер " + first.get("phone").asText()
                + ", перезвоните Е*** С***");
        JsonNode out = ours.get(3);
        assertThat(out.get("id").asText()).isEqualTo(reply.replyId().toString());
        assertThat(out.get("kind").asText()).isEqualTo("ANSWER");
        assertThat(out.get("status").asText()).isEqualTo("SENT");
        assertThat(out.get("inReplyTo").asText()).isEqualTo(messageIds.get(2));
        assertThat(out.get("text").asText()).isEqualTo("Е***, ждём вас завтра в 12:00");
        assertThat(out.get("name").asText()).isEqualTo("Е*** С***");
        String all = lines.toString();
        assertThat(all).doesNotContain(phone).doesNotContain(phone.substring(2)).doesNotContain(localPhone)
                .doesNotContain("Евгени").doesNotContain("Смирнов");
    }

    @Test
    void adminExportsRawAllTenantsOrOne() throws Exception {
        List<JsonNode> raw = export("test-admin-key", "&raw=true");
        List<JsonNode> ours = raw.stream().filter(l -> l.get("conversationId").asText().equals(conversationId))
                .toList();
        assertThat(ours).hasSize(4);
        assertThat(ours.get(1).get("text").asText()).isEqualTo("Мой номер " + localPhone
                + ", перезвоните Евгении Смирновой");
        assertThat(ours.get(1).get("name").asText()).isEqualTo(NAME);
        assertThat(ours.get(1).get("phone").asText()).isEqualTo(phone);

        given().header("X-Api-Key", "test-clinic-key").contentType("application/json")
                .body("{\"message\":\"Сколько стоит чистка?\"}").post("/api/v1/leads").then().statusCode(202);
        List<JsonNode> everyone = export("test-admin-key", "");
        assertThat(everyone).extracting(l -> l.get("tenantId").asText()).contains("demo-salon", "demo-clinic");
        List<JsonNode> clinic = export("test-admin-key", "&tenant=demo-clinic");
        assertThat(clinic).isNotEmpty()
                .allSatisfy(l -> assertThat(l.get("tenantId").asText()).isEqualTo("demo-clinic"));
        List<JsonNode> masked = export("test-admin-key", "&tenant=demo-salon&raw=false");
        assertThat(masked.toString()).doesNotContain(phone).doesNotContain("Евгени");
    }

    @Test
    void exportRefusesWhatItMust() {
        String range = "from=2025-03-01T00:00:00Z&to=2025-03-02T00:00:00Z";
        given().get("/api/v1/conversations/export?" + range).then().statusCode(401);
        given().header("X-Api-Key", "test-salon-key").get("/api/v1/conversations/export?" + range + "&raw=true")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("admin"));
        given().header("X-Api-Key", "test-salon-key")
                .get("/api/v1/conversations/export?" + range + "&tenant=demo-clinic").then().statusCode(403);
        given().header("X-Api-Key", "test-admin-key").get("/api/v1/conversations/export?" + range + "&tenant=nobody")
                .then().statusCode(404);
        given().header("X-Api-Key", "test-salon-key")
                .get("/api/v1/conversations/export?from=yesterday&to=2025-03-02T00:00:00Z")
                .then().statusCode(400).body("field", equalTo("from")).body("detail", containsString("yesterday"));
        given().header("X-Api-Key", "test-salon-key").get("/api/v1/conversations/export")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("from", "to"));
        given().header("X-Api-Key", "test-salon-key")
                .get("/api/v1/conversations/export?from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z")
                .then().statusCode(400).body("field", equalTo("to")).body("detail", containsString("after"));
        given().header("X-Api-Key", "test-salon-key")
                .get("/api/v1/conversations/export?from=2025-01-01T00:00:00Z&to=2025-06-01T00:00:00Z")
                .then().statusCode(400).body("field", equalTo("to")).body("detail", containsString("92 days"));
        given().header("X-Api-Key", "test-salon-key").get("/api/v1/conversations/export?" + range + "&raw=yes")
                .then().statusCode(400).body("field", equalTo("raw"));
        // an offset date-time is an instant too, and an empty range exports nothing
        given().header("X-Api-Key", "test-salon-key").queryParam("from", "2020-03-01T00:00:00+03:00")
                .queryParam("to", "2020-03-02T00:00:00Z").get("/api/v1/conversations/export")
                .then().statusCode(200).body(equalTo(""));
    }

    static String token(String conversation) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-salon-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(("demo-salon|" + conversation).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void staffOpenTheConversationWithTheHandoffLinkUnmasked() throws Exception {
        given().get("/api/v1/conversations/" + conversationId + "?token=" + token(conversationId))
                .then().statusCode(200)
                .body("conversationId", equalTo(conversationId))
                .body("tenantId", equalTo("demo-salon"))
                .body("channel", equalTo("WEB_FORM"))
                .body("client.name", equalTo(NAME))
                .body("client.phone", equalTo(phone))
                .body("messages", hasSize(4))
                .body("messages.direction", org.hamcrest.Matchers.contains("in", "in", "in", "out"))
                .body("messages[1].text", containsString(localPhone))
                .body("messages[3].status", equalTo("SENT"));
        given().header("X-Api-Key", "test-salon-key").get("/api/v1/conversations/" + conversationId)
                .then().statusCode(200).body("messages", hasSize(4));
        given().get("/api/v1/conversations/" + conversationId + "?token=" + token(UUID.randomUUID().toString()))
                .then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/conversations/" + conversationId).then().statusCode(401);
        String unknown = UUID.randomUUID().toString();
        given().get("/api/v1/conversations/" + unknown + "?token=" + token(unknown)).then().statusCode(404);
        // another tenant's key does not open it
        given().header("X-Api-Key", "test-clinic-key").get("/api/v1/conversations/" + conversationId)
                .then().statusCode(404);
        given().header("X-Api-Key", "wrong").get("/api/v1/conversations/" + conversationId).then().statusCode(401);
        given().get("/api/v1/conversations/not-a-conversation?token=x").then().statusCode(400)
                .body("field", equalTo("conversationId"));
    }
}
