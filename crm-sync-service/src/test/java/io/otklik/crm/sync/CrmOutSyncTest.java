package io.otklik.crm.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.otklik.crm.TestData.TENANT;
import static io.otklik.crm.TestData.WEBHOOK_PATH;
import static io.otklik.crm.TestData.answer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.otklik.crm.TestData;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.AppointmentCancelled;
import io.otklik.events.data.AppointmentRescheduled;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.LeadRouted;
import io.otklik.events.data.LeadStatus;
import io.otklik.events.data.LeadStatusChanged;
import io.otklik.events.data.NoShow;
import io.otklik.events.data.Utm;
import io.otklik.testkit.InjectWireMock;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.otklik.testkit.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, Bitrix24 out: the full lead (service title, quality field), a repeat client's open lead linked through
 * crm.duplicate.findbycomm, the appointment's life (time, confirmation, reschedule, cancellation, no-show),
 * lead_routed's assignee, and the admin API for parked tasks — on the real broker and database, the portal faked in
 * Bitrix24's wire format.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_crm_test"))
@WithTestResource(value = WireMockResource.class, initArgs = {
        @ResourceArg(name = "property", value = "OTKLIK_DEMO_SALON_BITRIX24_WEBHOOK"),
        @ResourceArg(name = "path", value = WEBHOOK_PATH)})
class CrmOutSyncTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String ADD = WEBHOOK_PATH + "/crm.lead.add.json";
    static final String UPDATE = WEBHOOK_PATH + "/crm.lead.update.json";
    static final String LIST = WEBHOOK_PATH + "/crm.lead.list.json";
    static final String DUPLICATES = WEBHOOK_PATH + "/crm.duplicate.findbycomm.json";
    static final String COMMENT = WEBHOOK_PATH + "/crm.timeline.comment.add.json";
    static final String KEY = "test-salon-key";

    @InjectWireMock
    WireMockServer portal;

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A phone no other test uses, so the duplicate search of one test never answers another's. */
    static String phone() {
        return "+7916" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    static EventEnvelope<LeadCreated> lead(String phone, Integer quality, String serviceCode, String serviceName) {
        UUID leadId = UUID.randomUUID();
        String conversation = UUID.randomUUID().toString();
        LeadCreated data = new LeadCreated(leadId, conversation, "client-" + leadId, Channel.WHATSAPP,
                new Contact(phone.substring(1), "Иван", phone), new Utm("instagram", "cpc", null, null, null), "BOOK",
                "Запись: Стрижка 26.11 15:00; WhatsApp; клиент новый", false, Instant.now().minusSeconds(30),
                quality, quality == null ? List.of() : List.of("intent", "phone"), null, serviceCode, serviceName);
        return EventEnvelope.of(EventTypes.LEAD_CREATED, "routing-service", Instant.now(), TENANT, conversation,
                data);
    }

    void noDuplicates(String phone) {
        portal.stubFor(post(urlEqualTo(DUPLICATES)).withRequestBody(matchingJsonPath("$.values[0]", equalTo(phone)))
                .willReturn(json(200, answer("[]"))));
    }

    /** A retried add first asks for the lead under our id (a cold first call may time out): none yet. */
    void notAddedYet(UUID leadId) {
        portal.stubFor(post(urlEqualTo(LIST)).withRequestBody(matchingJsonPath("$.filter.ORIGIN_ID",
                equalTo(leadId.toString()))).willReturn(json(200, "{\"result\":[],\"total\":0,\"time\":{}}")));
    }

    long added(UUID leadId) {
        notAddedYet(leadId);
        long crmId = TestData.crmLeadId();
        portal.stubFor(post(urlEqualTo(ADD)).withRequestBody(matchingJsonPath("$.fields.ORIGIN_ID",
                equalTo(leadId.toString()))).willReturn(json(200, answer(Long.toString(crmId)))));
        portal.stubFor(post(urlEqualTo(UPDATE)).withRequestBody(matchingJsonPath("$.id", equalTo(Long.toString(crmId))))
                .willReturn(json(200, answer("true"))));
        return crmId;
    }

    static RequestPatternBuilder updated(long crmId) {
        return postRequestedFor(urlEqualTo(UPDATE)).withRequestBody(matchingJsonPath("$.id",
                equalTo(Long.toString(crmId))));
    }

    static KafkaEvents.Received<LeadStatusChanged> awaitStatus(KafkaEvents.Listener events, UUID leadId,
                                                               LeadStatus status) {
        return events.await(EventTypes.LEAD_STATUS_CHANGED,
                e -> e.data().leadId().equals(leadId) && e.data().status() == status, WAIT);
    }

    static List<String> tasks(UUID leadId) {
        return TestData.rows("select operation, status from crm_sync_task where lead_id = ? order by id", leadId)
                .stream().map(t -> t.get("operation") + " " + t.get("status")).toList();
    }

    static <D> void send(io.otklik.events.EventType<D> type, String conversation, D data) {
        KafkaEvents.send(EventEnvelope.of(type, "routing-service", Instant.now(), TENANT, conversation, data),
                conversation);
    }

    @Test
    void aNewClientIsLookedUpByPhoneThenAddedWithTheServiceTitleAndTheQualityScore() {
        String phone = phone();
        EventEnvelope<LeadCreated> event = lead(phone, 4, "haircut", "Стрижка");
        LeadCreated lead = event.data();
        noDuplicates(phone);
        long crmId = added(lead.leadId());
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            KafkaEvents.send(event, lead.conversationId());
            assertThat(awaitStatus(events, lead.leadId(), LeadStatus.NEW).event().data().crmLeadId())
                    .isEqualTo(Long.toString(crmId));
        }
        portal.verify(1, postRequestedFor(urlEqualTo(DUPLICATES)).withRequestBody(equalToJson(
                "{\"entity_type\":\"LEAD\",\"type\":\"PHONE\",\"values\":[\"" + phone + "\"]}")));
        portal.verify(1, postRequestedFor(urlEqualTo(ADD)).withRequestBody(equalToJson("""
                {"fields":{"TITLE":"Стрижка — WhatsApp","NAME":"Иван",
                  "PHONE":[{"VALUE":"%s","VALUE_TYPE":"WORK"}],
                  "SOURCE_ID":"OTHER","SOURCE_DESCRIPTION":"Отклик: WhatsApp",
                  "UTM_SOURCE":"instagram","UTM_MEDIUM":"cpc",
                  "COMMENTS":"Запись: Стрижка 26.11 15:00; WhatsApp; клиент новый",
                  "UF_CRM_OTKLIK_LQS":4,
                  "ORIGINATOR_ID":"otklik","ORIGIN_ID":"%s"},
                 "params":{"REGISTER_SONET_EVENT":"Y"}}""".formatted(phone, lead.leadId()))));
        assertThat(TestData.rows("select crm_lead_id from crm_lead where lead_id = ?", lead.leadId()))
                .containsExactly(Map.of("crm_lead_id", Long.toString(crmId)));
    }

    @Test
    void aRepeatClientsOpenLeadIsLinkedAndNotDuplicated() {
        String phone = phone();
        long closed = TestData.crmLeadId();
        long open = TestData.crmLeadId();
        portal.stubFor(post(urlEqualTo(DUPLICATES)).withRequestBody(matchingJsonPath("$.values[0]", equalTo(phone)))
                .willReturn(json(200, answer("{\"LEAD\":[" + closed + "," + open + "]}"))));
        portal.stubFor(post(urlEqualTo(LIST)).withRequestBody(matchingJsonPath("$.filter.STATUS_SEMANTIC_ID",
                        equalTo("P")))
                .withRequestBody(matchingJsonPath("$.filter['@ID'][1]", equalTo(Long.toString(open))))
                .willReturn(json(200, "{\"result\":[{\"ID\":\"" + open + "\"}],\"total\":1,\"time\":{}}")));
        portal.stubFor(post(urlEqualTo(COMMENT)).willReturn(json(200, answer("9001"))));
        portal.stubFor(post(urlEqualTo(UPDATE)).withRequestBody(matchingJsonPath("$.id", equalTo(Long.toString(open))))
                .willReturn(json(200, answer("true"))));
        EventEnvelope<LeadCreated> first = lead(phone, 3, null, null);
        EventEnvelope<LeadCreated> second = lead(phone, 5, "haircut", "Стрижка");
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            KafkaEvents.send(first, first.data().conversationId());
            assertThat(awaitStatus(events, first.data().leadId(), LeadStatus.NEW).event().data().crmLeadId())
                    .isEqualTo(Long.toString(open));
            KafkaEvents.send(second, second.data().conversationId());
            assertThat(awaitStatus(events, second.data().leadId(), LeadStatus.NEW).event().data().crmLeadId())
                    .isEqualTo(Long.toString(open));
            // the linked lead is ours to update: the second request's booking moves the same CRM lead
            send(EventTypes.APPOINTMENT_BOOKED, second.data().conversationId(), TestData.booked(second.data()).data());
            awaitStatus(events, second.data().leadId(), LeadStatus.IN_PROCESSING);
        }
        portal.verify(0, postRequestedFor(urlEqualTo(ADD)).withRequestBody(matchingJsonPath("$.fields.PHONE[0].VALUE",
                equalTo(phone))));
        portal.verify(2, postRequestedFor(urlEqualTo(LIST)).withRequestBody(equalToJson("""
                {"filter":{"@ID":[%d,%d],"STATUS_SEMANTIC_ID":"P"},"order":{"ID":"DESC"},"select":["ID"]}"""
                .formatted(closed, open))));
        portal.verify(1, postRequestedFor(urlEqualTo(COMMENT)).withRequestBody(equalToJson("""
                {"fields":{"ENTITY_ID":%d,"ENTITY_TYPE":"lead",
                 "COMMENT":"Новое обращение: Стрижка — WhatsApp\\nЗапись: Стрижка 26.11 15:00; WhatsApp; клиент новый\\nUTM: instagram"}}"""
                .formatted(open))));
        assertThat(TestData.rows("select lead_id from crm_lead where crm_lead_id = ? order by created_at",
                Long.toString(open))).extracting(r -> r.get("lead_id"))
                .containsExactly(first.data().leadId(), second.data().leadId());
        portal.verify(1, updated(open).withRequestBody(matchingJsonPath("$.fields.STATUS_ID", equalTo("IN_PROCESS"))));
    }

    @Test
    void theAppointmentsLifeMovesTheLeadAndItsTimeInOrder() {
        String phone = phone();
        EventEnvelope<LeadCreated> event = lead(phone, null, null, null);
        LeadCreated lead = event.data();
        String conversation = lead.conversationId();
        noDuplicates(phone);
        long crmId = added(lead.leadId());
        var booked = TestData.booked(lead).data();
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            KafkaEvents.send(event, conversation);
            awaitStatus(events, lead.leadId(), LeadStatus.NEW);

            send(EventTypes.APPOINTMENT_BOOKED, conversation, booked);
            awaitStatus(events, lead.leadId(), LeadStatus.IN_PROCESSING);
            portal.verify(1, postRequestedFor(urlEqualTo(UPDATE)).withRequestBody(equalToJson("""
                    {"id":%d,"fields":{"STATUS_ID":"IN_PROCESS","UF_CRM_APPOINTMENT_AT":"2026-11-26T15:00:00+03:00",
                     "UF_CRM_APPOINTMENT_CONFIRMED":"N"}}""".formatted(crmId))));

            KafkaEvents.send(TestData.confirmed(lead), conversation);
            awaitStatus(events, lead.leadId(), LeadStatus.CONFIRMED);

            // moved after the confirmation: only the time changes, no status event
            send(EventTypes.APPOINTMENT_RESCHEDULED, conversation, new AppointmentRescheduled(booked.appointmentId(),
                    conversation, lead.leadId(), booked.startsAt(), Instant.parse("2026-11-27T09:00:00Z"),
                    Instant.parse("2026-11-27T10:00:00Z"), "client_reply", null));
            await().atMost(WAIT).untilAsserted(() -> portal.verify(1, postRequestedFor(urlEqualTo(UPDATE))
                    .withRequestBody(equalToJson("{\"id\":" + crmId + ",\"fields\":{\"UF_CRM_APPOINTMENT_AT\":"
                            + "\"2026-11-27T12:00:00+03:00\"}}"))));

            send(EventTypes.APPOINTMENT_CANCELLED, conversation, new AppointmentCancelled(booked.appointmentId(),
                    conversation, lead.leadId(), Instant.parse("2026-11-27T09:00:00Z"), Instant.now(),
                    "client_request"));
            // back in processing: a second IN_PROCESSING event, after CONFIRMED
            events.await(EventTypes.LEAD_STATUS_CHANGED, e -> e.data().leadId().equals(lead.leadId())
                    && e.data().status() == LeadStatus.IN_PROCESSING
                    && e.data().previousStatus() == LeadStatus.CONFIRMED, WAIT);
            portal.verify(1, postRequestedFor(urlEqualTo(UPDATE)).withRequestBody(equalToJson("""
                    {"id":%d,"fields":{"STATUS_ID":"IN_PROCESS","UF_CRM_APPOINTMENT_AT":"",
                     "UF_CRM_APPOINTMENT_CONFIRMED":"N"}}""".formatted(crmId))));

            send(EventTypes.NO_SHOW, conversation, new NoShow(booked.appointmentId(), conversation, lead.leadId(),
                    Instant.parse("2026-11-27T09:00:00Z"), Instant.now(), "reminder-service"));
            var noShow = awaitStatus(events, lead.leadId(), LeadStatus.NO_SHOW);
            assertThat(noShow.event().data().previousStatus()).isEqualTo(LeadStatus.IN_PROCESSING);
            portal.verify(1, postRequestedFor(urlEqualTo(UPDATE)).withRequestBody(equalToJson(
                    "{\"id\":" + crmId + ",\"fields\":{\"STATUS_ID\":\"UC_NOSHOW\"}}")));
        }
        // the CRM saw the updates in the events' order
        List<String> statuses = portal.findAll(updated(crmId)).stream().map(r -> r.getBodyAsString()).toList();
        assertThat(statuses).hasSize(5);
        assertThat(statuses.get(0)).contains("2026-11-26T15:00:00+03:00");
        assertThat(statuses.get(1)).contains("\"Y\"");
        assertThat(statuses.get(2)).contains("2026-11-27T12:00:00+03:00");
        assertThat(statuses.get(3)).contains("\"N\"");
        assertThat(statuses.get(4)).contains("UC_NOSHOW");
        assertThat(tasks(lead.leadId())).containsExactly("ADD_LEAD DONE", "SET_STATUS DONE", "SET_STATUS DONE",
                "SET_STATUS DONE", "SET_STATUS DONE", "SET_STATUS DONE");
    }

    @Test
    void leadRoutedMakesTheMappedCrmUserResponsibleAndTheBotNobody() {
        String phone = phone();
        EventEnvelope<LeadCreated> event = lead(phone, 2, null, null);
        LeadCreated lead = event.data();
        noDuplicates(phone);
        long crmId = added(lead.leadId());
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            // routed first: the assignment waits for the add
            send(EventTypes.LEAD_ROUTED, lead.conversationId(), new LeadRouted(lead.leadId(), lead.conversationId(),
                    "marina", "on-duty", "rule-1", "Правило 1", "P2", false));
            await().atMost(WAIT).until(() -> !tasks(lead.leadId()).isEmpty());
            KafkaEvents.send(event, lead.conversationId());
            awaitStatus(events, lead.leadId(), LeadStatus.NEW);
        }
        await().atMost(WAIT).untilAsserted(() -> portal.verify(1, postRequestedFor(urlEqualTo(UPDATE))
                .withRequestBody(equalToJson("{\"id\":" + crmId + ",\"fields\":{\"ASSIGNED_BY_ID\":7}}"))));
        assertThat(tasks(lead.leadId())).containsExactly("UPDATE_LEAD DONE", "ADD_LEAD DONE");

        // the bot, and staff without a CRM user, change nothing in the CRM
        EventEnvelope<LeadRouted> bot = EventEnvelope.of(EventTypes.LEAD_ROUTED, "routing-service", Instant.now(),
                TENANT, lead.conversationId(), new LeadRouted(lead.leadId(), lead.conversationId(), "bot", "bot",
                        "default", "бот", "P3", false));
        EventEnvelope<LeadRouted> anna = EventEnvelope.of(EventTypes.LEAD_ROUTED, "routing-service", Instant.now(),
                TENANT, lead.conversationId(), new LeadRouted(lead.leadId(), lead.conversationId(), "anna",
                        "specialist", "rule-2", "мастер", "P3", false));
        KafkaEvents.send(bot, lead.conversationId());
        KafkaEvents.send(anna, lead.conversationId());
        await().atMost(WAIT).until(() -> TestData.rows("select 1 from inbox where event_id in (?, ?)", bot.id(),
                anna.id()).size() == 2);
        assertThat(tasks(lead.leadId())).hasSize(2);
    }

    @Test
    void aParkedTaskIsListedWithItsReasonAndRetriedThroughTheAdminApi() {
        String phone = phone();
        EventEnvelope<LeadCreated> event = lead(phone, 3, null, null);
        LeadCreated lead = event.data();
        noDuplicates(phone);
        notAddedYet(lead.leadId());
        String refusal = "bad-" + lead.leadId();
        portal.stubFor(post(urlEqualTo(ADD)).withRequestBody(matchingJsonPath("$.fields.ORIGIN_ID",
                        equalTo(lead.leadId().toString())))
                .atPriority(1)
                .willReturn(json(400, "{\"error\":\"ERROR_CORE\",\"error_description\":\"Поле UF_CRM_OTKLIK_LQS не"
                        + " найдено\"}")).withName(refusal));
        KafkaEvents.send(event, lead.conversationId());
        KafkaEvents.send(TestData.confirmed(lead), lead.conversationId());
        await().atMost(WAIT).until(() -> tasks(lead.leadId()).equals(List.of("ADD_LEAD FAILED",
                "SET_STATUS FAILED")));
        long addTask = ((Number) TestData.rows("select id from crm_sync_task where lead_id = ? and operation ="
                + " 'ADD_LEAD'", lead.leadId()).get(0).get("id")).longValue();

        given().header("X-Api-Key", KEY).when().get("/api/v1/crm/tasks?status=failed&limit=500").then()
                .statusCode(200)
                .body("find { it.id == " + addTask + " }.operation", is("ADD_LEAD"))
                .body("find { it.id == " + addTask + " }.leadId", is(lead.leadId().toString()))
                .body("find { it.id == " + addTask + " }.lastError",
                        is("ERROR_CORE (HTTP 400): Поле UF_CRM_OTKLIK_LQS не найдено"));
        given().when().get("/api/v1/crm/tasks").then().statusCode(401);
        given().header("X-Api-Key", KEY).when().get("/api/v1/crm/tasks?status=LOST").then().statusCode(400)
                .body("field", is("status"));
        // another tenant does not see, nor retry, it
        given().header("X-Api-Key", "test-clinic-key").when().post("/api/v1/crm/tasks/" + addTask + "/retry")
                .then().statusCode(404);

        // the field is created (./otklik crm-setup); the retry adds the lead and its confirmation follows
        portal.removeStubMapping(portal.getStubMappings().stream().filter(m -> refusal.equals(m.getName()))
                .findFirst().orElseThrow());
        long crmId = added(lead.leadId());
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            given().header("X-Api-Key", KEY).when().post("/api/v1/crm/tasks/" + addTask + "/retry").then()
                    .statusCode(200).body("status", is("PENDING")).body("attempts", is(0));
            assertThat(awaitStatus(events, lead.leadId(), LeadStatus.NEW).event().data().crmLeadId())
                    .isEqualTo(Long.toString(crmId));
            awaitStatus(events, lead.leadId(), LeadStatus.CONFIRMED);
        }
        assertThat(tasks(lead.leadId())).containsExactly("ADD_LEAD DONE", "SET_STATUS DONE");
        given().header("X-Api-Key", KEY).when().post("/api/v1/crm/tasks/" + addTask + "/retry").then()
                .statusCode(409);
        given().header("X-Api-Key", KEY).when().post("/api/v1/crm/tasks/999999999/retry").then().statusCode(404);
        given().header("X-Api-Key", KEY).when().post("/api/v1/crm/tasks/abc/retry").then().statusCode(400);
    }
}
