package io.otklik.crm.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.otklik.crm.TestData;
import io.otklik.events.EventTypes;
import io.otklik.events.data.LeadStatus;
import io.otklik.events.data.LeadStatusChanged;
import io.otklik.testkit.InfraEnv;
import io.otklik.testkit.InjectWireMock;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.otklik.testkit.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Status changes made in Bitrix24 flowing back: the outbound ONCRMLEADUPDATE (form-encoded as the portal sends it),
 * crm.lead.get on the fake portal, lead_status_changed on the real broker; and event.offline.get for lost calls.
 */
@QuarkusTest
@TestProfile(Bitrix24InboundTest.Profile.class)
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_crm_test"))
@WithTestResource(value = WireMockResource.class, initArgs = {
        @ResourceArg(name = "property", value = "OTKLIK_DEMO_SALON_BITRIX24_WEBHOOK"),
        @ResourceArg(name = "path", value = TestData.WEBHOOK_PATH)})
class Bitrix24InboundTest {

    /** Own tenants (one with its own status ids) and the reconcile job every second. */
    public static class Profile implements QuarkusTestProfile {

        static final String TENANTS = "src/test/resources/tenants-crm-in.yaml";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("otklik.tenants.file", TENANTS, "%test.otklik.tenants.file", TENANTS,
                    "otklik.crm.inbound.reconcile-interval", "1s",
                    "%test.otklik.crm.inbound.reconcile-interval", "1s");
        }
    }

    static final String SALON = "crm-in-salon";
    static final String MAPPED = "crm-in-mapped";
    static final String TOKEN = "test-b24-app-token";
    static final String PATH = TestData.WEBHOOK_PATH;
    static final String DATABASE = OtklikInfraResource.databaseName("otklik_crm_test");
    static final Duration WAIT = Duration.ofSeconds(20);

    @InjectWireMock
    WireMockServer portal;

    @BeforeEach
    void emptyOfflineQueue() {
        portal.resetAll();
        portal.stubFor(post(urlEqualTo(PATH + "/event.offline.get.json")).atPriority(10)
                .willReturn(json(TestData.answer("{\"process_id\":null,\"events\":[]}"))));
        portal.stubFor(post(urlEqualTo(PATH + "/event.offline.clear.json")).atPriority(10)
                .willReturn(json(TestData.answer("true"))));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A lead this service added earlier, at the status we last wrote. */
    static Lead knownLead(String tenant, LeadStatus status) {
        Lead lead = new Lead(tenant, UUID.randomUUID(), Long.toString(TestData.crmLeadId()),
                UUID.randomUUID().toString());
        execute("insert into crm_lead (lead_id, tenant_id, crm, crm_lead_id, conversation_id, status, updated_at)"
                + " values (?, ?, 'bitrix24', ?, ?, ?, now())", lead.id(), tenant, lead.crmId(),
                lead.conversationId(), status.name());
        return lead;
    }

    record Lead(String tenant, UUID id, String crmId, String conversationId) {
    }

    /** What crm.lead.get answers for the lead (a real answer's shape, trimmed to the fields that matter). */
    void crmShows(Lead lead, String statusId, String semantic, boolean confirmed) {
        portal.stubFor(post(urlEqualTo(PATH + "/crm.lead.get.json"))
                .withRequestBody(matchingJsonPath("$.id", WireMock.equalTo(lead.crmId())))
                .willReturn(json(TestData.answer(leadJson(lead, statusId, semantic, confirmed)))));
    }

    static String leadJson(Lead lead, String statusId, String semantic, boolean confirmed) {
        return "{\"ID\":\"" + lead.crmId() + "\",\"TITLE\":\"WhatsApp: Запись — Иван\",\"NAME\":\"Иван\","
                + "\"STATUS_ID\":\"" + statusId + "\",\"STATUS_SEMANTIC_ID\":\"" + semantic + "\","
                + "\"ORIGINATOR_ID\":\"otklik\",\"ORIGIN_ID\":\"" + lead.id() + "\",\"MODIFY_BY_ID\":\"7\","
                + "\"DATE_MODIFY\":\"2026-11-26T15:00:00+03:00\",\"UF_CRM_APPOINTMENT_CONFIRMED\":"
                + (confirmed ? "\"Y\"" : "\"\"") + "}";
    }

    static Response webhook(String tenant, String event, String crmLeadId, String token) {
        return given().contentType("application/x-www-form-urlencoded")
                .body(Bitrix24WebhookTest.form(event, crmLeadId, token))
                .post("/api/v1/crm/bitrix24/" + tenant + "/events");
    }

    static List<LeadStatusChanged> eventsOf(KafkaEvents.Listener events, Lead lead) {
        events.drain(Duration.ofMillis(1500));
        return events.awaitCount(EventTypes.LEAD_STATUS_CHANGED, e -> e.data().leadId().equals(lead.id()), 0,
                Duration.ZERO).stream().map(r -> r.event().data()).toList();
    }

    static void awaitProcessed(Lead lead, String source) {
        await().atMost(WAIT).until(() -> !TestData.rows("select id from crm_inbound_event where lead_id = ?"
                + " and source = ? and processed_at is not null", lead.id(), source).isEmpty());
    }

    static String knownStatus(Lead lead) {
        return (String) TestData.rows("select status from crm_lead where lead_id = ?", lead.id()).get(0)
                .get("status");
    }

    @ParameterizedTest(name = "{0}: {1} then {2}/{3} confirmed={4} -> {5}")
    @CsvSource({
            "crm-in-salon, IN_PROCESSING, NEW, P, false, NEW",
            "crm-in-salon, NEW, IN_PROCESS, P, false, IN_PROCESSING",
            "crm-in-salon, NEW, PROCESSED, P, false, IN_PROCESSING",
            "crm-in-salon, IN_PROCESSING, IN_PROCESS, P, true, CONFIRMED",
            "crm-in-salon, CONFIRMED, CONVERTED, S, false, WON",
            "crm-in-salon, IN_PROCESSING, JUNK, F, false, LOST",
            "crm-in-salon, CONFIRMED, UC_NOSHOW, F, false, NO_SHOW",
            "crm-in-salon, NEW, UC_CALLBACK, P, false, IN_PROCESSING",
            "crm-in-mapped, IN_PROCESSING, UC_CONFIRMED, P, false, CONFIRMED",
            "crm-in-mapped, CONFIRMED, UC_NOSHOW_X, F, false, NO_SHOW",
            "crm-in-mapped, NEW, UC_REFUSED, F, false, LOST"})
    void aStatusChangedInTheCrmIsReadBackAndAnnounced(String tenant, LeadStatus known, String statusId,
                                                       String semantic, boolean confirmed, LeadStatus expected) {
        Lead lead = knownLead(tenant, known);
        crmShows(lead, statusId, semantic, confirmed);
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            webhook(tenant, "ONCRMLEADUPDATE", lead.crmId(), TOKEN).then().statusCode(200)
                    .body("recorded", equalTo(true))
                    .body("leadId", equalTo(lead.id().toString()));
            KafkaEvents.Received<LeadStatusChanged> received = events.await(EventTypes.LEAD_STATUS_CHANGED,
                    e -> e.data().leadId().equals(lead.id()), WAIT);
            assertThat(received.key()).isEqualTo(lead.conversationId());
            assertThat(received.event().tenantId()).isEqualTo(tenant);
            assertThat(received.event().source()).isEqualTo("crm-sync-service");
            assertThat(received.event().data()).satisfies(d -> {
                assertThat(d.status()).isEqualTo(expected);
                assertThat(d.previousStatus()).isEqualTo(known);
                assertThat(d.origin()).isEqualTo("crm");
                assertThat(d.crm()).isEqualTo("bitrix24");
                assertThat(d.crmLeadId()).isEqualTo(lead.crmId());
                assertThat(d.conversationId()).isEqualTo(lead.conversationId());
            });
        }
        assertThat(knownStatus(lead)).isEqualTo(expected.name());
        assertThat(TestData.rows("select crm_status_id, status, source, last_error from crm_inbound_event"
                + " where lead_id = ?", lead.id())).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("crm_status_id", statusId).containsEntry("status", expected.name())
                .containsEntry("source", "webhook").containsEntry("last_error", null));
        portal.verify(1, postRequestedFor(urlEqualTo(PATH + "/crm.lead.get.json"))
                .withRequestBody(equalToJson("{\"id\":\"" + lead.crmId() + "\"}")));
    }

    @Test
    void theEchoOfOurOwnWriteAnnouncesNothing() {
        Lead lead = knownLead(SALON, LeadStatus.IN_PROCESSING);
        crmShows(lead, "IN_PROCESS", "P", false);
        // a write of CONFIRMED still pending (not due: the worker leaves it), its call in flight
        Lead confirming = knownLead(SALON, LeadStatus.IN_PROCESSING);
        crmShows(confirming, "IN_PROCESS", "P", true);
        execute("insert into crm_sync_task (tenant_id, lead_id, operation, payload, status, attempts,"
                + " next_attempt_at) values (?, ?, 'SET_STATUS', cast(? as jsonb), 'PENDING', 1, ?)", SALON,
                confirming.id(), "{\"status\":\"CONFIRMED\",\"cause\":\"appointment_confirmed\"}",
                Timestamp.from(Instant.now().plusSeconds(3600)));
        // a pending write the worker will skip (it never moves a confirmed lead back) is no echo: the manager's
        // move back to "in process" is announced
        Lead movedBack = knownLead(SALON, LeadStatus.CONFIRMED);
        crmShows(movedBack, "IN_PROCESS", "P", false);
        execute("insert into crm_sync_task (tenant_id, lead_id, operation, payload, status, attempts,"
                + " next_attempt_at) values (?, ?, 'SET_STATUS', cast(? as jsonb), 'PENDING', 1, ?)", SALON,
                movedBack.id(), "{\"status\":\"IN_PROCESSING\",\"cause\":\"appointment_booked\"}",
                Timestamp.from(Instant.now().plusSeconds(3600)));
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            webhook(SALON, "ONCRMLEADUPDATE", lead.crmId(), TOKEN).then().statusCode(200)
                    .body("recorded", equalTo(true));
            webhook(SALON, "ONCRMLEADUPDATE", confirming.crmId(), TOKEN).then().statusCode(200)
                    .body("recorded", equalTo(true));
            webhook(SALON, "ONCRMLEADUPDATE", movedBack.crmId(), TOKEN).then().statusCode(200)
                    .body("recorded", equalTo(true));
            assertThat(events.await(EventTypes.LEAD_STATUS_CHANGED, e -> e.data().leadId().equals(movedBack.id()),
                    WAIT).event().data()).satisfies(d -> {
                        assertThat(d.status()).isEqualTo(LeadStatus.IN_PROCESSING);
                        assertThat(d.previousStatus()).isEqualTo(LeadStatus.CONFIRMED);
                    });
            awaitProcessed(lead, "webhook");
            awaitProcessed(confirming, "webhook");
            assertThat(eventsOf(events, lead)).isEmpty();
            assertThat(eventsOf(events, confirming)).isEmpty();
        }
        assertThat(knownStatus(lead)).isEqualTo("IN_PROCESSING");
        assertThat(knownStatus(confirming)).isEqualTo("IN_PROCESSING");
        assertThat(knownStatus(movedBack)).isEqualTo("IN_PROCESSING");
        portal.verify(3, postRequestedFor(urlEqualTo(PATH + "/crm.lead.get.json")));
    }

    @Test
    void aWrongTokenIs401AndOtherLeadEventsAreAcknowledgedWithoutReadingTheLead() {
        Lead lead = knownLead(SALON, LeadStatus.NEW);
        crmShows(lead, "JUNK", "F", false);
        webhook(SALON, "ONCRMLEADUPDATE", lead.crmId(), "51856fefc120afa4b628cc82d3935cce")
                .then().statusCode(401).contentType("application/problem+json");
        webhook(SALON, "ONCRMLEADUPDATE", lead.crmId(), null).then().statusCode(401);
        webhook(SALON, "ONCRMLEADADD", lead.crmId(), TOKEN).then().statusCode(200)
                .body("recorded", equalTo(false)).body("event", equalTo("ONCRMLEADADD"));
        webhook(SALON, "ONCRMLEADDELETE", lead.crmId(), TOKEN).then().statusCode(200)
                .body("recorded", equalTo(false)).body("event", equalTo("ONCRMLEADDELETE"));
        webhook("no-such-tenant", "ONCRMLEADUPDATE", lead.crmId(), TOKEN).then().statusCode(404);
        assertThat(TestData.rows("select id from crm_inbound_event where lead_id = ?", lead.id())).isEmpty();
        assertThat(knownStatus(lead)).isEqualTo("NEW");
        portal.verify(0, postRequestedFor(urlEqualTo(PATH + "/crm.lead.get.json")));
    }

    @Test
    void aLostWebhookIsPickedUpFromTheOfflineQueue() {
        Lead lead = knownLead(SALON, LeadStatus.NEW);
        crmShows(lead, "IN_PROCESS", "P", false);
        String message;
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            // the queue fills only once we listen: the job reads it every second
            message = offlineQueueHolds(lead, "lost");
            LeadStatusChanged changed = events.await(EventTypes.LEAD_STATUS_CHANGED,
                    e -> e.data().leadId().equals(lead.id()), WAIT).event().data();
            assertThat(changed.status()).isEqualTo(LeadStatus.IN_PROCESSING);
            assertThat(changed.previousStatus()).isEqualTo(LeadStatus.NEW);
            assertThat(changed.origin()).isEqualTo("crm");
        }
        assertThat(TestData.rows("select source, message_id, status from crm_inbound_event where lead_id = ?",
                lead.id())).singleElement().satisfies(row -> assertThat(row).containsEntry("source", "offline")
                .containsEntry("message_id", message).containsEntry("status", "IN_PROCESSING"));
        // read without clearing, then confirmed with the process id and message ids once stored
        portal.verify(postRequestedFor(urlEqualTo(PATH + "/event.offline.get.json")).withRequestBody(equalToJson(
                "{\"filter\":{\"=EVENT_NAME\":\"ONCRMLEADUPDATE\"},\"order\":{\"ID\":\"ASC\"},\"limit\":50,"
                        + "\"clear\":0}")));
        await().atMost(WAIT).untilAsserted(() -> portal.verify(1,
                postRequestedFor(urlEqualTo(PATH + "/event.offline.clear.json")).withRequestBody(equalToJson(
                        "{\"process_id\":\"proc-" + message + "\",\"message_id\":[\"" + message + "\"]}"))));
    }

    @Test
    void theSameChangeFromTheWebhookAndTheOfflineQueueIsAnnouncedOnce() {
        Lead lead = knownLead(SALON, LeadStatus.IN_PROCESSING);
        crmShows(lead, "JUNK", "F", false);
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            webhook(SALON, "ONCRMLEADUPDATE", lead.crmId(), TOKEN).then().statusCode(200);
            events.await(EventTypes.LEAD_STATUS_CHANGED, e -> e.data().leadId().equals(lead.id()), WAIT);
            offlineQueueHolds(lead, "both");
            awaitProcessed(lead, "offline");
            // the offline record's read found the status we announced already
            assertThat(eventsOf(events, lead)).singleElement().satisfies(e -> {
                assertThat(e.status()).isEqualTo(LeadStatus.LOST);
                assertThat(e.previousStatus()).isEqualTo(LeadStatus.IN_PROCESSING);
            });
        }
        assertThat(TestData.rows("select source from crm_inbound_event where lead_id = ? order by id", lead.id()))
                .extracting(row -> row.get("source")).containsExactly("webhook", "offline");
        portal.verify(2, postRequestedFor(urlEqualTo(PATH + "/crm.lead.get.json")));
    }

    @Test
    void anOfflinePageWhoseClearFailedComesAgainAndIsRecordedOnce() {
        Lead lead = knownLead(SALON, LeadStatus.IN_PROCESSING);
        crmShows(lead, "CONVERTED", "S", false);
        String message = UUID.randomUUID().toString().replace("-", "");
        String scenario = "offline-clear-fails-" + message;
        String page = offlinePage(lead, message);
        // listening before the queue fills: the job reads it every second
        KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic());
        portal.stubFor(post(urlEqualTo(PATH + "/event.offline.clear.json")).atPriority(1)
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("again")
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"QUERY_LIMIT_EXCEEDED\","
                                + "\"error_description\":\"Too many requests\"}")));
        portal.stubFor(post(urlEqualTo(PATH + "/event.offline.get.json")).atPriority(1)
                .inScenario(scenario).whenScenarioStateIs("again")
                .willReturn(json(TestData.answer(page))));
        portal.stubFor(post(urlEqualTo(PATH + "/event.offline.clear.json")).atPriority(1)
                .inScenario(scenario).whenScenarioStateIs("again").willSetStateTo("cleared")
                .willReturn(json(TestData.answer("true"))));
        // the page last, so the job never reads it before its clear answers are in place
        portal.stubFor(post(urlEqualTo(PATH + "/event.offline.get.json")).atPriority(1)
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(TestData.answer(page))));
        try (events) {
            events.await(EventTypes.LEAD_STATUS_CHANGED, e -> e.data().leadId().equals(lead.id()), WAIT);
            await().atMost(WAIT).untilAsserted(() -> portal.verify(2,
                    postRequestedFor(urlEqualTo(PATH + "/event.offline.clear.json")).withRequestBody(
                            matchingJsonPath("$.message_id[0]", WireMock.equalTo(message)))));
            assertThat(eventsOf(events, lead)).singleElement()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(LeadStatus.WON));
        }
        assertThat(TestData.rows("select message_id from crm_inbound_event where lead_id = ?", lead.id()))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("message_id", message));
    }

    @Test
    void aReadThatHitsTheLimitIsRetriedAndADeletedLeadIsGivenUp() {
        Lead lead = knownLead(SALON, LeadStatus.NEW);
        portal.stubFor(post(urlEqualTo(PATH + "/crm.lead.get.json"))
                .withRequestBody(matchingJsonPath("$.id", WireMock.equalTo(lead.crmId())))
                .inScenario("limit").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("drained")
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"QUERY_LIMIT_EXCEEDED\","
                                + "\"error_description\":\"Too many requests\"}")));
        portal.stubFor(post(urlEqualTo(PATH + "/crm.lead.get.json"))
                .withRequestBody(matchingJsonPath("$.id", WireMock.equalTo(lead.crmId())))
                .inScenario("limit").whenScenarioStateIs("drained")
                .willReturn(json(TestData.answer(leadJson(lead, "IN_PROCESS", "P", true)))));
        Lead deleted = knownLead(SALON, LeadStatus.NEW);
        portal.stubFor(post(urlEqualTo(PATH + "/crm.lead.get.json"))
                .withRequestBody(matchingJsonPath("$.id", WireMock.equalTo(deleted.crmId())))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"\",\"error_description\":\"Not found\"}")));
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            webhook(SALON, "ONCRMLEADUPDATE", lead.crmId(), TOKEN).then().statusCode(200);
            webhook(SALON, "ONCRMLEADUPDATE", deleted.crmId(), TOKEN).then().statusCode(200);
            assertThat(events.await(EventTypes.LEAD_STATUS_CHANGED, e -> e.data().leadId().equals(lead.id()), WAIT)
                    .event().data().status()).isEqualTo(LeadStatus.CONFIRMED);
            awaitProcessed(deleted, "webhook");
            assertThat(eventsOf(events, deleted)).isEmpty();
        }
        assertThat(TestData.rows("select attempts from crm_inbound_event where lead_id = ?", lead.id()))
                .singleElement().satisfies(row -> assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(2));
        assertThat(TestData.rows("select attempts, last_error from crm_inbound_event where lead_id = ?",
                deleted.id())).singleElement().satisfies(row -> {
                    assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
                    assertThat((String) row.get("last_error")).isEqualTo("HTTP_400 (HTTP 400): Not found");
                });
        assertThat(knownStatus(deleted)).isEqualTo("NEW");
    }

    /**
     * The portal's offline queue holds one ONCRMLEADUPDATE of the lead until it is cleared: event.offline.get with
     * clear=0 hands out a process id, event.offline.clear with it empties the queue (wire-formats.md 4.8).
     */
    String offlineQueueHolds(Lead lead, String name) {
        String message = UUID.randomUUID().toString().replace("-", "");
        String scenario = "offline-" + name + "-" + message;
        String events = offlinePage(lead, message);
        portal.stubFor(post(urlEqualTo(PATH + "/event.offline.clear.json")).atPriority(1)
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("cleared")
                .willReturn(json(TestData.answer("true"))));
        portal.stubFor(post(urlEqualTo(PATH + "/event.offline.get.json")).atPriority(1)
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(TestData.answer(events))));
        return message;
    }

    /** event.offline.get's result with one ONCRMLEADUPDATE of the lead (wire-formats.md 4.8). */
    static String offlinePage(Lead lead, String message) {
        return "{\"process_id\":\"proc-" + message + "\",\"events\":[{\"ID\":\"17\","
                + "\"TIMESTAMP_X\":\"2026-11-26T15:00:00+03:00\",\"EVENT_NAME\":\"ONCRMLEADUPDATE\","
                + "\"EVENT_DATA\":{\"FIELDS\":{\"ID\":" + lead.crmId() + "}},"
                + "\"EVENT_ADDITIONAL\":{\"user_id\":\"7\"},\"MESSAGE_ID\":\"" + message + "\"}]}";
    }

    static void execute(String sql, Object... params) {
        Properties props = new Properties();
        props.setProperty("user", InfraEnv.get().pgUser());
        try (Connection c = DriverManager.getConnection(InfraEnv.get().jdbcUrl(DATABASE), props);
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }
}
