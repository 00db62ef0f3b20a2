package io.otklik.crm.amocrm;

import static io.otklik.crm.amocrm.AmoCrmTenant.AMO;
import static io.otklik.crm.amocrm.AmoCrmTenant.STAGE_CONFIRMED;
import static io.otklik.crm.amocrm.AmoCrmTenant.STAGE_IN_PROCESSING;
import static io.otklik.crm.amocrm.AmoCrmTenant.STAGE_NEW;
import static io.otklik.crm.amocrm.AmoCrmTenant.TENANT;
import static io.otklik.crm.amocrm.AmoCrmTenant.WEBHOOK_TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.otklik.crm.TestData;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.LeadStatus;
import io.otklik.events.data.LeadStatusChanged;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** amoCRM's status-change webhook, form-encoded as amoCRM sends it, → lead_status_changed on Kafka. */
@QuarkusTest
@TestProfile(AmoCrmTenant.class)
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_crm_test"))
class AmoCrmWebhookTest {

    static final String PATH = "/api/v1/crm/amocrm/{tenant}/events";

    /** One status change as amoCRM posts it (brackets percent-encoded, the account block after the lead). */
    static String form(long crmLeadId, long statusId, long oldStatusId) {
        return "leads%5Bstatus%5D%5B0%5D%5Bid%5D=" + crmLeadId
                + "&leads%5Bstatus%5D%5B0%5D%5Bstatus_id%5D=" + statusId
                + "&leads%5Bstatus%5D%5B0%5D%5Bpipeline_id%5D=" + AmoCrmTenant.PIPELINE
                + "&leads%5Bstatus%5D%5B0%5D%5Bold_status_id%5D=" + oldStatusId
                + "&leads%5Bstatus%5D%5B0%5D%5Bold_pipeline_id%5D=" + AmoCrmTenant.PIPELINE
                + "&account%5Bid%5D=29085955&account%5Bsubdomain%5D=amoclinic";
    }

    static Response send(String token, String body) {
        var request = given().contentType("application/x-www-form-urlencoded").body(body);
        if (token != null) {
            request = request.queryParam("token", token);
        }
        return request.post(PATH, TENANT);
    }

    /** A lead this service added to amoCRM (lead_created through the fake). */
    LeadCreated knownLead(long crmId) {
        EventEnvelope<LeadCreated> event = AmoCrmSyncTest.lead();
        AMO.stubFor(AmoCrmSyncTest.addFor(event.data().leadId()).willReturn(AmoCrmSyncTest.added(
                event.data().leadId(), crmId)));
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            KafkaEvents.send(event, event.data().conversationId());
            AmoCrmSyncTest.awaitStatus(events, event.data().leadId(), LeadStatus.NEW);
        }
        return event.data();
    }

    @Test
    void aStageChangedByAManagerBecomesLeadStatusChangedAndItsEchoIsIgnored() {
        long crmId = AmoCrmSyncTest.crmLeadId();
        LeadCreated lead = knownLead(crmId);
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            send(WEBHOOK_TOKEN, form(crmId, STAGE_CONFIRMED, STAGE_NEW)).then().statusCode(200)
                    .body("changes", hasSize(1))
                    .body("changes[0].applied", equalTo(true))
                    .body("changes[0].status", equalTo("CONFIRMED"))
                    .body("changes[0].leadId", equalTo(lead.leadId().toString()));
            var confirmed = AmoCrmSyncTest.awaitStatus(events, lead.leadId(), LeadStatus.CONFIRMED);
            LeadStatusChanged data = confirmed.event().data();
            assertThat(data.crm()).isEqualTo("amocrm");
            assertThat(data.crmLeadId()).isEqualTo(Long.toString(crmId));
            assertThat(data.previousStatus()).isEqualTo(LeadStatus.NEW);
            assertThat(data.conversationId()).isEqualTo(lead.conversationId());
            assertThat(confirmed.key()).isEqualTo(lead.conversationId());
            assertThat(confirmed.event().tenantId()).isEqualTo(TENANT);

            // amoCRM repeats the same change (its retry, or the echo of a status we wrote): nothing new
            send(WEBHOOK_TOKEN, form(crmId, STAGE_CONFIRMED, STAGE_NEW)).then().statusCode(200)
                    .body("changes[0].applied", equalTo(false))
                    .body("changes[0].reason", equalTo("the status this service wrote"));

            // "Успешно реализовано" is amoCRM's own 142 in every pipeline
            send(WEBHOOK_TOKEN, form(crmId, AmoCrmBodies.STATUS_WON, STAGE_CONFIRMED)).then().statusCode(200)
                    .body("changes[0].status", equalTo("WON"));
            var won = AmoCrmSyncTest.awaitStatus(events, lead.leadId(), LeadStatus.WON);
            assertThat(won.event().data().previousStatus()).isEqualTo(LeadStatus.CONFIRMED);
            assertThat(events.drain(Duration.ofSeconds(1)))
                    .filteredOn(json -> json.contains(lead.leadId().toString())).hasSize(2);
        }
        assertThat(TestData.rows("select status from crm_lead where lead_id = ?", lead.leadId()))
                .containsExactly(Map.of("status", "WON"));
    }

    @Test
    void aStageOfAnotherLeadOrAnUnmappedStageIsNotApplied() {
        long crmId = AmoCrmSyncTest.crmLeadId();
        LeadCreated lead = knownLead(crmId);
        send(WEBHOOK_TOKEN, form(crmId + 1, STAGE_IN_PROCESSING, STAGE_NEW)).then().statusCode(200)
                .body("changes[0].applied", equalTo(false))
                .body("changes[0].reason", equalTo("not a lead of ours"));
        send(WEBHOOK_TOKEN, form(crmId, 55555555, STAGE_NEW)).then().statusCode(200)
                .body("changes[0].applied", equalTo(false))
                .body("changes[0].leadId", equalTo(lead.leadId().toString()));
        assertThat(TestData.rows("select status from crm_lead where lead_id = ?", lead.leadId()))
                .containsExactly(Map.of("status", "NEW"));
    }

    @Test
    void aWrongOrMissingTokenIs401AndABadIdIs400() {
        long crmId = AmoCrmSyncTest.crmLeadId();
        send("not-the-secret", form(crmId, STAGE_CONFIRMED, STAGE_NEW)).then().statusCode(401)
                .contentType("application/problem+json");
        send(null, form(crmId, STAGE_CONFIRMED, STAGE_NEW)).then().statusCode(401);
        send(WEBHOOK_TOKEN, "leads%5Bstatus%5D%5B0%5D%5Bid%5D=abc&leads%5Bstatus%5D%5B0%5D%5Bstatus_id%5D=1")
                .then().statusCode(400).body("field", equalTo("leads[status][0][id]"));
        given().contentType("application/x-www-form-urlencoded").queryParam("token", WEBHOOK_TOKEN)
                .body(form(crmId, STAGE_CONFIRMED, STAGE_NEW)).post(PATH, "no-such-tenant").then().statusCode(404);
    }
}
