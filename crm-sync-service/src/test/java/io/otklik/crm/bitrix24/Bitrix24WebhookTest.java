package io.otklik.crm.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.otklik.crm.TestData.TENANT;
import static io.otklik.crm.TestData.WEBHOOK_PATH;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.otklik.crm.TestData;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.LeadStatus;
import io.otklik.testkit.InjectWireMock;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.otklik.testkit.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bitrix24's outbound ONCRMLEADUPDATE webhook, form-encoded as the portal sends it. */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_crm_test"))
@WithTestResource(value = WireMockResource.class, initArgs = {
        @ResourceArg(name = "property", value = "OTKLIK_DEMO_SALON_BITRIX24_WEBHOOK"),
        @ResourceArg(name = "path", value = WEBHOOK_PATH)})
class Bitrix24WebhookTest {

    static final String TOKEN = "test-b24-app-token";

    @InjectWireMock
    WireMockServer portal;

    /** The body exactly as wire-formats.md 4.7 shows it (one line, brackets percent-encoded). */
    static String form(String event, String crmLeadId, String token) {
        StringBuilder body = new StringBuilder("event=" + event + "&event_handler_id=709");
        if (crmLeadId != null) {
            body.append("&data%5BFIELDS%5D%5BID%5D=").append(crmLeadId);
        }
        body.append("&ts=1742807189&auth%5Bdomain%5D=salon.bitrix24.ru")
                .append("&auth%5Bclient_endpoint%5D=https%3A%2F%2Fsalon.bitrix24.ru%2Frest%2F")
                .append("&auth%5Bserver_endpoint%5D=https%3A%2F%2Foauth.bitrix.info%2Frest%2F")
                .append("&auth%5Bmember_id%5D=a223c6b3710f85df22e9377d6c4f7553");
        if (token != null) {
            body.append("&auth%5Bapplication_token%5D=").append(token);
        }
        return body.toString();
    }

    static Response send(String tenant, String body) {
        return given().contentType("application/x-www-form-urlencoded").body(body)
                .post("/webhooks/bitrix24/" + tenant);
    }

    static int inboundEvents(String crmLeadId) {
        return TestData.rows("select id from crm_inbound_event where crm_lead_id = ?", crmLeadId).size();
    }

    /** A lead this service added: lead_created through the Bitrix24 fake. */
    LeadCreated knownLead(long crmId) {
        EventEnvelope<LeadCreated> event = TestData.whatsAppLead();
        portal.stubFor(post(urlEqualTo(WEBHOOK_PATH + "/crm.lead.add.json"))
                .withRequestBody(matchingJsonPath("$.fields.ORIGIN_ID",
                        WireMock.equalTo(event.data().leadId().toString())))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(TestData.answer(Long.toString(crmId)))));
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            KafkaEvents.send(event, event.data().conversationId());
            events.await(EventTypes.LEAD_STATUS_CHANGED, e -> e.data().leadId().equals(event.data().leadId())
                    && e.data().status() == LeadStatus.NEW, Duration.ofSeconds(20));
        }
        return event.data();
    }

    @Test
    void updateOfOurLeadIsRecordedAndAnswered200() {
        long crmId = TestData.crmLeadId();
        LeadCreated lead = knownLead(crmId);
        send(TENANT, form("ONCRMLEADUPDATE", Long.toString(crmId), TOKEN))
                .then().statusCode(200).contentType("application/json")
                .body("recorded", equalTo(true))
                .body("event", equalTo("ONCRMLEADUPDATE"))
                .body("crmLeadId", equalTo(Long.toString(crmId)))
                .body("leadId", equalTo(lead.leadId().toString()))
                .body("reason", nullValue());
        // processed_at is set by Bitrix24InboundProcessor right after (Bitrix24InboundTest)
        assertThat(TestData.rows("select tenant_id, crm, event, lead_id::text as lead, source"
                + " from crm_inbound_event where crm_lead_id = ?", Long.toString(crmId))).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("tenant_id", TENANT).containsEntry("crm", "bitrix24")
                        .containsEntry("event", "ONCRMLEADUPDATE").containsEntry("lead", lead.leadId().toString())
                        .containsEntry("source", "webhook"));
    }

    @Test
    void updateOfALeadThatIsNotOursIsAcknowledgedButNotRecorded() {
        String crmId = Long.toString(TestData.crmLeadId());
        send(TENANT, form("ONCRMLEADUPDATE", crmId, TOKEN))
                .then().statusCode(200)
                .body("recorded", equalTo(false))
                .body("crmLeadId", equalTo(crmId))
                .body("reason", equalTo("not a lead of ours"));
        send(TENANT, form("ONCRMLEADADD", crmId, TOKEN))
                .then().statusCode(200)
                .body("recorded", equalTo(false))
                .body("event", equalTo("ONCRMLEADADD"))
                .body("reason", equalTo("only ONCRMLEADUPDATE is handled"));
        assertThat(inboundEvents(crmId)).isZero();
    }

    @Test
    void wrongOrMissingApplicationTokenIs401() {
        long crmId = TestData.crmLeadId();
        knownLead(crmId);
        send(TENANT, form("ONCRMLEADUPDATE", Long.toString(crmId), "51856fefc120afa4b628cc82d3935cce"))
                .then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("detail", equalTo("auth[application_token] does not match the tenant's Bitrix24 application"
                        + " token"));
        send(TENANT, form("ONCRMLEADUPDATE", Long.toString(crmId), null))
                .then().statusCode(401).contentType("application/problem+json");
        // the token is checked before anything else is read
        send(TENANT, form("ONCRMLEADUPDATE", null, "wrong")).then().statusCode(401);
        assertThat(inboundEvents(Long.toString(crmId))).isZero();
    }

    @Test
    void missingOrInvalidLeadIdIs400NamingTheField() {
        send(TENANT, form("ONCRMLEADUPDATE", null, TOKEN))
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("data[FIELDS][ID]"))
                .body("detail", equalTo("data[FIELDS][ID] is missing"));
        send(TENANT, form("ONCRMLEADUPDATE", "abc", TOKEN))
                .then().statusCode(400)
                .body("field", equalTo("data[FIELDS][ID]"))
                .body("detail", equalTo("data[FIELDS][ID] must be a positive integer"));
        send(TENANT, form("", "3465", TOKEN))
                .then().statusCode(400).body("field", equalTo("event"));
    }

    @Test
    void unknownTenantIs404AndATenantWithoutItsTokenConfiguredRefusesEverything() {
        send("no-such-tenant", form("ONCRMLEADUPDATE", "3465", TOKEN))
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no tenant 'no-such-tenant'"));
        // demo-clinic's application token is not configured in the tests: nothing can match it
        send("demo-clinic", form("ONCRMLEADUPDATE", "3465", TOKEN)).then().statusCode(401);
    }
}
