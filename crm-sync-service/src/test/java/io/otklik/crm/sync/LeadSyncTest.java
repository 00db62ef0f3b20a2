package io.otklik.crm.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.otklik.crm.TestData.TENANT;
import static io.otklik.crm.TestData.WEBHOOK_PATH;
import static io.otklik.crm.TestData.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.otklik.crm.TestData;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.AppointmentBooked;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.LeadStatus;
import io.otklik.events.data.LeadStatusChanged;
import io.otklik.testkit.InjectWireMock;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.otklik.testkit.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * lead_created and appointment events → the Bitrix24 fake receives the documented requests → lead_status_changed,
 * against the real broker and database; limits, lost answers, auth errors and redeliveries.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_crm_test"))
@WithTestResource(value = WireMockResource.class, initArgs = {
        @ResourceArg(name = "property", value = "OTKLIK_DEMO_SALON_BITRIX24_WEBHOOK"),
        @ResourceArg(name = "path", value = WEBHOOK_PATH)})
class LeadSyncTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String ADD = WEBHOOK_PATH + "/crm.lead.add.json";
    static final String LIST = WEBHOOK_PATH + "/crm.lead.list.json";
    static final String UPDATE = WEBHOOK_PATH + "/crm.lead.update.json";

    @InjectWireMock
    WireMockServer portal;

    static MappingBuilder addFor(UUID leadId) {
        return post(urlEqualTo(ADD)).withRequestBody(matchingJsonPath("$.fields.ORIGIN_ID", equalTo(leadId.toString())));
    }

    static RequestPatternBuilder addedFor(UUID leadId) {
        return postRequestedFor(urlEqualTo(ADD))
                .withRequestBody(matchingJsonPath("$.fields.ORIGIN_ID", equalTo(leadId.toString())));
    }

    static MappingBuilder listFor(UUID leadId) {
        return post(urlEqualTo(LIST)).withRequestBody(matchingJsonPath("$.filter.ORIGIN_ID", equalTo(leadId.toString())));
    }

    static RequestPatternBuilder listedFor(UUID leadId) {
        return postRequestedFor(urlEqualTo(LIST))
                .withRequestBody(matchingJsonPath("$.filter.ORIGIN_ID", equalTo(leadId.toString())));
    }

    static MappingBuilder updateFor(long crmLeadId) {
        return post(urlEqualTo(UPDATE)).withRequestBody(matchingJsonPath("$.id", equalTo(Long.toString(crmLeadId))));
    }

    static RequestPatternBuilder updatedFor(long crmLeadId) {
        return postRequestedFor(urlEqualTo(UPDATE))
                .withRequestBody(matchingJsonPath("$.id", equalTo(Long.toString(crmLeadId))));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static KafkaEvents.Received<LeadStatusChanged> awaitStatus(KafkaEvents.Listener events, UUID leadId,
                                                               LeadStatus status) {
        return events.await(EventTypes.LEAD_STATUS_CHANGED,
                e -> e.data().leadId().equals(leadId) && e.data().status() == status, WAIT);
    }

    static List<Map<String, Object>> tasks(UUID leadId) {
        return TestData.rows("select operation, status, attempts, last_error from crm_sync_task where lead_id = ?"
                + " order by id", leadId);
    }

    @Test
    void leadIsAddedWithTheDocumentedBodyThenMovesToInProcessingAndConfirmed() {
        EventEnvelope<LeadCreated> event = TestData.whatsAppLead();
        LeadCreated lead = event.data();
        long crmId = TestData.crmLeadId();
        portal.stubFor(addFor(lead.leadId()).willReturn(json(200, answer(Long.toString(crmId)))));
        portal.stubFor(updateFor(crmId).willReturn(json(200, answer("true"))));

        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            KafkaEvents.send(event, lead.conversationId());
            var added = awaitStatus(events, lead.leadId(), LeadStatus.NEW);
            LeadStatusChanged data = added.event().data();
            assertThat(data.crm()).isEqualTo("bitrix24");
            assertThat(data.crmLeadId()).isEqualTo(Long.toString(crmId));
            assertThat(data.previousStatus()).isNull();
            assertThat(data.conversationId()).isEqualTo(lead.conversationId());
            assertThat(added.event().tenantId()).isEqualTo(TENANT);
            assertThat(added.event().source()).isEqualTo("crm-sync-service");
            assertThat(added.key()).isEqualTo(lead.conversationId()).isEqualTo(added.event().subject());
            portal.verify(1, postRequestedFor(urlEqualTo(ADD)).withRequestBody(equalToJson("""
                    {"fields":{"TITLE":"Запись — WhatsApp","NAME":"Иван",
                      "PHONE":[{"VALUE":"+79161234567","VALUE_TYPE":"WORK"}],
                      "SOURCE_ID":"OTHER","SOURCE_DESCRIPTION":"Отклик: WhatsApp","UTM_SOURCE":"instagram",
                      "COMMENTS":"Хочет записаться на стрижку 26.11 в 15:00, мастер Анна",
                      "ORIGINATOR_ID":"otklik","ORIGIN_ID":"%s"},
                     "params":{"REGISTER_SONET_EVENT":"Y"}}""".formatted(lead.leadId()))));
            assertThat(TestData.rows("select tenant_id, crm, crm_lead_id, status from crm_lead where lead_id = ?",
                    lead.leadId())).containsExactly(Map.of("tenant_id", TENANT, "crm", "bitrix24",
                    "crm_lead_id", Long.toString(crmId), "status", "NEW"));

            KafkaEvents.send(TestData.booked(lead), lead.conversationId());
            var inProcess = awaitStatus(events, lead.leadId(), LeadStatus.IN_PROCESSING);
            assertThat(inProcess.event().data().previousStatus()).isEqualTo(LeadStatus.NEW);
            assertThat(inProcess.event().data().crmLeadId()).isEqualTo(Long.toString(crmId));
            // with the appointment's time in the tenant's zone (Europe/Moscow), not confirmed yet
            portal.verify(1, postRequestedFor(urlEqualTo(UPDATE)).withRequestBody(equalToJson(
                    "{\"id\":" + crmId + ",\"fields\":{\"STATUS_ID\":\"IN_PROCESS\","
                            + "\"UF_CRM_APPOINTMENT_AT\":\"2026-11-26T15:00:00+03:00\","
                            + "\"UF_CRM_APPOINTMENT_CONFIRMED\":\"N\"}}")));

            KafkaEvents.send(TestData.confirmed(lead), lead.conversationId());
            var confirmed = awaitStatus(events, lead.leadId(), LeadStatus.CONFIRMED);
            assertThat(confirmed.event().data().previousStatus()).isEqualTo(LeadStatus.IN_PROCESSING);
            assertThat(confirmed.event().data().crmLeadId()).isEqualTo(Long.toString(crmId));
            portal.verify(1, postRequestedFor(urlEqualTo(UPDATE)).withRequestBody(equalToJson(
                    "{\"id\":" + crmId + ",\"fields\":{\"STATUS_ID\":\"IN_PROCESS\","
                            + "\"UF_CRM_APPOINTMENT_CONFIRMED\":\"Y\"}}")));
        }
        portal.verify(2, updatedFor(crmId));
        assertThat(tasks(lead.leadId())).extracting(t -> t.get("operation") + " " + t.get("status"))
                .containsExactly("ADD_LEAD DONE", "SET_STATUS DONE", "SET_STATUS DONE");
    }

    @Test
    void aStatusChangeWaitsUntilTheLeadHasItsCrmId() {
        EventEnvelope<LeadCreated> event = TestData.whatsAppLead();
        LeadCreated lead = event.data();
        long crmId = TestData.crmLeadId();
        // the portal is slow to add, and the confirmation arrives meanwhile
        portal.stubFor(addFor(lead.leadId()).willReturn(json(200, answer(Long.toString(crmId)))
                .withFixedDelay(800)));
        portal.stubFor(updateFor(crmId).willReturn(json(200, answer("true"))));
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            KafkaEvents.send(event, lead.conversationId());
            KafkaEvents.send(TestData.confirmed(lead), lead.conversationId());
            var confirmed = awaitStatus(events, lead.leadId(), LeadStatus.CONFIRMED);
            assertThat(confirmed.event().data().previousStatus()).isEqualTo(LeadStatus.NEW);
            assertThat(confirmed.event().data().crmLeadId()).isEqualTo(Long.toString(crmId));
        }
        portal.verify(1, addedFor(lead.leadId()));
        portal.verify(1, updatedFor(crmId).withRequestBody(
                matchingJsonPath("$.fields.UF_CRM_APPOINTMENT_CONFIRMED", equalTo("Y"))));
    }

    @Test
    void aStatusChangeQueuedBeforeItsLeadWaitsForTheLeadInsteadOfBlockingIt() {
        EventEnvelope<LeadCreated> event = TestData.whatsAppLead();
        LeadCreated lead = event.data();
        long crmId = TestData.crmLeadId();
        portal.stubFor(addFor(lead.leadId()).willReturn(json(200, answer(Long.toString(crmId)))));
        portal.stubFor(updateFor(crmId).willReturn(json(200, answer("true"))));
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            // appointment_booked and lead_created travel on different topics: the booking may be consumed first
            KafkaEvents.send(TestData.booked(lead), lead.conversationId());
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> !tasks(lead.leadId()).isEmpty());
            KafkaEvents.send(event, lead.conversationId());
            awaitStatus(events, lead.leadId(), LeadStatus.NEW);
            var inProcess = awaitStatus(events, lead.leadId(), LeadStatus.IN_PROCESSING);
            assertThat(inProcess.event().data().crmLeadId()).isEqualTo(Long.toString(crmId));
        }
        portal.verify(1, addedFor(lead.leadId()));
        portal.verify(1, updatedFor(crmId));
        assertThat(tasks(lead.leadId())).extracting(t -> t.get("operation") + " " + t.get("status"))
                .containsExactly("SET_STATUS DONE", "ADD_LEAD DONE");
    }

    @Test
    void queryLimitExceededIsRetriedAndAddsExactlyOneLead() {
        EventEnvelope<LeadCreated> event = TestData.whatsAppLead();
        UUID leadId = event.data().leadId();
        long crmId = TestData.crmLeadId();
        String scenario = "limit-" + leadId;
        portal.stubFor(addFor(leadId).inScenario(scenario).whenScenarioStateIs(STARTED)
                .willReturn(json(503, "{\"error\":\"QUERY_LIMIT_EXCEEDED\",\"error_description\":\"Too many requests\"}"))
                .willSetStateTo("limited-once"));
        portal.stubFor(addFor(leadId).inScenario(scenario).whenScenarioStateIs("limited-once")
                .willReturn(json(200, answer(Long.toString(crmId)))).willSetStateTo("added"));
        portal.stubFor(listFor(leadId).willReturn(json(200, "{\"result\":[],\"total\":0,\"time\":{}}")));

        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            KafkaEvents.send(event, event.data().conversationId());
            var added = awaitStatus(events, leadId, LeadStatus.NEW);
            assertThat(added.event().data().crmLeadId()).isEqualTo(Long.toString(crmId));
            assertThat(events.drain(Duration.ofSeconds(1)))
                    .filteredOn(json -> json.contains(leadId.toString())).hasSize(1);
        }
        // the retry first asked whether the refused call had added it, then added it once
        portal.verify(2, addedFor(leadId));
        portal.verify(1, listedFor(leadId));
        assertThat(tasks(leadId)).singleElement().satisfies(t -> {
            assertThat(t.get("status")).isEqualTo("DONE");
            assertThat(t.get("attempts")).isEqualTo(2);
        });
    }

    @Test
    void aLostAnswerDoesNotCreateASecondLead() {
        EventEnvelope<LeadCreated> event = TestData.whatsAppLead();
        UUID leadId = event.data().leadId();
        long crmId = TestData.crmLeadId();
        String scenario = "lost-" + leadId;
        // the portal adds the lead but answers after our 1.5 s timeout
        portal.stubFor(addFor(leadId).inScenario(scenario).whenScenarioStateIs(STARTED)
                .willReturn(json(200, answer(Long.toString(crmId))).withFixedDelay(2_500))
                .willSetStateTo("added"));
        portal.stubFor(addFor(leadId).inScenario(scenario).whenScenarioStateIs("added")
                .willReturn(json(200, answer(Long.toString(crmId + 1)))));
        portal.stubFor(listFor(leadId).inScenario(scenario).whenScenarioStateIs("added")
                .willReturn(json(200, "{\"result\":[{\"ID\":\"" + crmId + "\"}],\"total\":1,\"time\":{}}")));

        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            KafkaEvents.send(event, event.data().conversationId());
            var added = awaitStatus(events, leadId, LeadStatus.NEW);
            assertThat(added.event().data().crmLeadId()).isEqualTo(Long.toString(crmId));
        }
        portal.verify(1, addedFor(leadId));
        portal.verify(1, listedFor(leadId).withRequestBody(equalToJson("""
                {"filter":{"ORIGINATOR_ID":"otklik","ORIGIN_ID":"%s"},"select":["ID"]}""".formatted(leadId))));
        assertThat(TestData.rows("select crm_lead_id from crm_lead where lead_id = ?", leadId))
                .containsExactly(Map.of("crm_lead_id", Long.toString(crmId)));
    }

    @Test
    void aRedeliveredLeadCreatedCallsTheCrmOnce() {
        EventEnvelope<LeadCreated> event = TestData.whatsAppLead();
        UUID leadId = event.data().leadId();
        portal.stubFor(addFor(leadId).willReturn(json(200, answer(Long.toString(TestData.crmLeadId())))));
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            KafkaEvents.send(event, event.data().conversationId());
            awaitStatus(events, leadId, LeadStatus.NEW);
            KafkaEvents.send(event, event.data().conversationId());
            // and the same lead in a new envelope (a producer's retry after a lost ack)
            KafkaEvents.send(new EventEnvelope<>(UUID.randomUUID(), event.type(), event.source(), event.time(),
                    event.tenantId(), event.subject(), event.schemaVersion(), event.data()),
                    event.data().conversationId());
            assertThat(events.drain(Duration.ofSeconds(3)))
                    .filteredOn(json -> json.contains(leadId.toString())).hasSize(1);
        }
        portal.verify(1, addedFor(leadId));
        assertThat(tasks(leadId)).hasSize(1);
    }

    @Test
    void aRefusedWebhookFailsAtOnceAndItsStatusChangesFailToo() {
        EventEnvelope<LeadCreated> event = TestData.whatsAppLead();
        UUID leadId = event.data().leadId();
        portal.stubFor(addFor(leadId).willReturn(json(401,
                "{\"error\":\"NO_AUTH_FOUND\",\"error_description\":\"Wrong authorization data\"}")));
        KafkaEvents.send(event, event.data().conversationId());
        await().atMost(WAIT).untilAsserted(() -> assertThat(tasks(leadId)).singleElement()
                .satisfies(t -> assertThat(t.get("status")).isEqualTo("FAILED")));
        assertThat(tasks(leadId).get(0)).containsEntry("attempts", 1)
                .containsEntry("last_error", "NO_AUTH_FOUND (HTTP 401): Wrong authorization data");

        int updatesBefore = portal.findAll(postRequestedFor(urlEqualTo(UPDATE))).size();
        KafkaEvents.send(TestData.confirmed(event.data()), event.data().conversationId());
        await().atMost(WAIT).untilAsserted(() -> assertThat(tasks(leadId)).hasSize(2).last().satisfies(t -> {
            assertThat(t.get("status")).isEqualTo("FAILED");
            assertThat((String) t.get("last_error")).startsWith("lead_not_in_crm");
        }));
        portal.verify(1, addedFor(leadId));
        portal.verify(0, listedFor(leadId));
        assertThat(portal.findAll(postRequestedFor(urlEqualTo(UPDATE)))).hasSize(updatesBefore);
    }

    @Test
    void anAppointmentWithoutALeadIsNotSynced() {
        EventEnvelope<LeadCreated> lead = TestData.whatsAppLead();
        EventEnvelope<AppointmentBooked> withLead = TestData.booked(lead.data());
        AppointmentBooked a = withLead.data();
        AppointmentBooked noLead = new AppointmentBooked(a.appointmentId(), a.conversationId(), null, a.clientId(),
                a.channel(), a.channelAccountId(), a.contact(), a.serviceCode(), a.serviceName(), a.staffId(),
                a.staffName(), a.startsAt(), a.endsAt(), a.timezone());
        EventEnvelope<AppointmentBooked> event = EventEnvelope.of(EventTypes.APPOINTMENT_BOOKED, "routing-service",
                withLead.time(), TENANT, a.conversationId(), noLead);
        KafkaEvents.send(event, a.conversationId());
        await().atMost(WAIT).until(() -> !TestData.rows("select 1 from inbox where event_id = ?", event.id())
                .isEmpty());
        assertThat(TestData.rows("select id from crm_sync_task where payload ->> 'appointmentId' = ?",
                a.appointmentId().toString())).isEmpty();
    }

    @Test
    void anUnreadableLeadCreatedGoesToTheDeadLetterTopicWithTheReason() {
        try (KafkaEvents.Listener dlq = KafkaEvents.listen(EventTypes.LEAD_CREATED.deadLetterTopic())) {
            String marker = UUID.randomUUID().toString();
            KafkaEvents.sendRaw(EventTypes.LEAD_CREATED.topic(), marker, "{\"broken\":\"" + marker + "\"");
            var dead = dlq.awaitRaw(json -> json.contains(marker), WAIT);
            assertThat(dead.headers()).hasEntrySatisfying("dead-letter-reason",
                    reason -> assertThat(reason).contains("not JSON"));
            assertThat(dead.key()).isEqualTo(marker);
        }
    }
}
