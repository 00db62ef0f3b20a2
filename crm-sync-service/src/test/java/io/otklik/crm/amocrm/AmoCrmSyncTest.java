package io.otklik.crm.amocrm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.otklik.crm.amocrm.AmoCrmTenant.AMO;
import static io.otklik.crm.amocrm.AmoCrmTenant.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.otklik.crm.TestData;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.AppointmentBooked;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.LeadStatus;
import io.otklik.events.data.LeadStatusChanged;
import io.otklik.events.data.Utm;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * lead_created and appointment events of an amoCRM tenant → the amoCRM fake receives the v4 requests (leads/complex,
 * the lead search, PATCH) with the bearer token → lead_status_changed, against the real broker and database; 429,
 * lost answers, a refused token and the 7 requests a second limit.
 */
@QuarkusTest
@TestProfile(AmoCrmTenant.class)
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_crm_test"))
class AmoCrmSyncTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String COMPLEX = "/api/v4/leads/complex";
    static final String LEADS = "/api/v4/leads";

    static EventEnvelope<LeadCreated> lead(String name, String phone, Utm utm) {
        UUID leadId = UUID.randomUUID();
        String conversation = UUID.randomUUID().toString();
        LeadCreated data = new LeadCreated(leadId, conversation, "client-" + leadId, Channel.WHATSAPP,
                new Contact("79161234567", name, phone), utm, "BOOK", "Хочет записаться на чистку зубов", false,
                Instant.now().minusSeconds(30));
        return EventEnvelope.of(EventTypes.LEAD_CREATED, "routing-service", Instant.now(), TENANT, conversation, data);
    }

    static EventEnvelope<LeadCreated> lead() {
        return lead("Иван", "+79161234567", new Utm("instagram", "cpc", "spring", null, null));
    }

    static EventEnvelope<AppointmentBooked> booked(LeadCreated lead) {
        AppointmentBooked data = new AppointmentBooked(UUID.randomUUID(), lead.conversationId(), lead.leadId(),
                lead.clientId(), lead.channel(), "106540352242922", lead.contact(), "cleaning", "Чистка зубов",
                "dr-petrov", "Доктор Петров", Instant.parse("2026-11-27T09:00:00Z"),
                Instant.parse("2026-11-27T10:00:00Z"), "Europe/Moscow");
        return EventEnvelope.of(EventTypes.APPOINTMENT_BOOKED, "routing-service", Instant.now(), TENANT,
                lead.conversationId(), data);
    }

    static long crmLeadId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000L);
    }

    static MappingBuilder addFor(UUID leadId) {
        return post(urlEqualTo(COMPLEX)).withRequestBody(matchingJsonPath("$[0].request_id",
                equalTo(leadId.toString())));
    }

    static RequestPatternBuilder addedFor(UUID leadId) {
        return postRequestedFor(urlEqualTo(COMPLEX)).withRequestBody(matchingJsonPath("$[0].request_id",
                equalTo(leadId.toString())));
    }

    static RequestPatternBuilder searchedFor(UUID leadId) {
        return getRequestedFor(urlPathEqualTo(LEADS)).withQueryParam("query", equalTo(leadId.toString()));
    }

    /** leads/complex's answer (application/hal+json). */
    static ResponseDefinitionBuilder added(UUID leadId, long crmId) {
        return hal(200, "[{\"id\":" + crmId + ",\"contact_id\":" + (crmId + 7) + ",\"company_id\":null,"
                + "\"request_id\":[\"" + leadId + "\"],\"merged\":false}]");
    }

    static ResponseDefinitionBuilder hal(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/hal+json").withBody(body);
    }

    static ResponseDefinitionBuilder problem(int status, String title, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"" + title + "\",\"type\":\"https://httpstatus.es/" + status + "\","
                        + "\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
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
    void leadIsAddedWithContactPipelineAndTagsUnderTheBearerTokenThenMovesToInProcessing() {
        EventEnvelope<LeadCreated> event = lead();
        LeadCreated lead = event.data();
        long crmId = crmLeadId();
        AMO.stubFor(addFor(lead.leadId()).willReturn(added(lead.leadId(), crmId)));
        AMO.stubFor(patch(urlEqualTo(LEADS + "/" + crmId)).willReturn(hal(200,
                "{\"id\":" + crmId + ",\"updated_at\":1764150000,\"_links\":{\"self\":{\"href\":\""
                        + AMO.baseUrl() + LEADS + "/" + crmId + "\"}}}")));

        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            KafkaEvents.send(event, lead.conversationId());
            var added = awaitStatus(events, lead.leadId(), LeadStatus.NEW);
            assertThat(added.event().data().crm()).isEqualTo("amocrm");
            assertThat(added.event().data().crmLeadId()).isEqualTo(Long.toString(crmId));
            assertThat(added.event().tenantId()).isEqualTo(TENANT);
            assertThat(added.key()).isEqualTo(lead.conversationId());
            AMO.verify(1, postRequestedFor(urlEqualTo(COMPLEX))
                    .withHeader("Authorization", equalTo("Bearer " + AmoCrmTenant.TOKEN))
                    .withRequestBody(equalToJson("""
                            [{"name":"WhatsApp: Запись — Иван","pipeline_id":7123456,"status_id":61234567,
                              "request_id":"%1$s",
                              "custom_fields_values":[{"field_code":"OTKLIK_LEAD_ID","values":[{"value":"%1$s"}]}],
                              "_embedded":{
                                "contacts":[{"first_name":"Иван","custom_fields_values":[{"field_code":"PHONE",
                                  "values":[{"value":"+79161234567","enum_code":"WORK"}]}]}],
                                "tags":[{"name":"whatsapp"},{"name":"utm_source:instagram"},{"name":"utm_medium:cpc"},
                                        {"name":"utm_campaign:spring"}]}}]""".formatted(lead.leadId()))));
            assertThat(TestData.rows("select crm, crm_lead_id, status from crm_lead where lead_id = ?",
                    lead.leadId())).containsExactly(Map.of("crm", "amocrm", "crm_lead_id", Long.toString(crmId),
                    "status", "NEW"));

            KafkaEvents.send(booked(lead), lead.conversationId());
            var inProcess = awaitStatus(events, lead.leadId(), LeadStatus.IN_PROCESSING);
            assertThat(inProcess.event().data().previousStatus()).isEqualTo(LeadStatus.NEW);
            assertThat(inProcess.event().data().crm()).isEqualTo("amocrm");
        }
        AMO.verify(1, patchRequestedFor(urlEqualTo(LEADS + "/" + crmId))
                .withHeader("Authorization", equalTo("Bearer " + AmoCrmTenant.TOKEN))
                .withRequestBody(equalToJson("{\"status_id\":61234568,\"pipeline_id\":7123456}")));
        assertThat(tasks(lead.leadId())).extracting(t -> t.get("operation") + " " + t.get("status"))
                .containsExactly("ADD_LEAD DONE", "SET_STATUS DONE");
    }

    @Test
    void a429IsWaitedOutAndRetriedAndAddsExactlyOneLead() {
        EventEnvelope<LeadCreated> event = lead();
        UUID leadId = event.data().leadId();
        long crmId = crmLeadId();
        String scenario = "429-" + leadId;
        AMO.stubFor(addFor(leadId).inScenario(scenario).whenScenarioStateIs(STARTED)
                .willReturn(problem(429, "Too Many Requests", "Too many requests"))
                .willSetStateTo("limited"));
        AMO.stubFor(addFor(leadId).inScenario(scenario).whenScenarioStateIs("limited")
                .willReturn(added(leadId, crmId)));
        // amoCRM answers an empty search with 204 and no body
        AMO.stubFor(get(urlPathEqualTo(LEADS)).withQueryParam("query", equalTo(leadId.toString()))
                .willReturn(aResponse().withStatus(204)));

        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            KafkaEvents.send(event, event.data().conversationId());
            var added = awaitStatus(events, leadId, LeadStatus.NEW);
            assertThat(added.event().data().crmLeadId()).isEqualTo(Long.toString(crmId));
            assertThat(events.drain(Duration.ofSeconds(1)))
                    .filteredOn(json -> json.contains(leadId.toString())).hasSize(1);
        }
        AMO.verify(2, addedFor(leadId));
        AMO.verify(1, searchedFor(leadId).withHeader("Authorization", equalTo("Bearer " + AmoCrmTenant.TOKEN)));
        assertThat(tasks(leadId)).singleElement().satisfies(t -> {
            assertThat(t.get("status")).isEqualTo("DONE");
            assertThat(t.get("attempts")).isEqualTo(2);
        });
        // the account was paused after the 429: the retry came at least the pause later
        List<ServeEvent> calls = AMO.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(COMPLEX)
                        && e.getRequest().getBodyAsString().contains(leadId.toString()))
                .sorted((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()))
                .toList();
        assertThat(calls.get(1).getRequest().getLoggedDate().getTime()
                - calls.get(0).getRequest().getLoggedDate().getTime()).isGreaterThanOrEqualTo(900);
    }

    @Test
    void aLostAnswerIsFoundByOurLeadIdInsteadOfAddingASecondLead() {
        EventEnvelope<LeadCreated> event = lead();
        UUID leadId = event.data().leadId();
        long crmId = crmLeadId();
        // amoCRM adds the lead but answers after our 2 s timeout
        AMO.stubFor(addFor(leadId).willReturn(added(leadId, crmId).withFixedDelay(3_500)));
        // query is a full-text search: a lead that merely mentions our id (no lead-id field) is not ours
        AMO.stubFor(get(urlPathEqualTo(LEADS)).withQueryParam("query", equalTo(leadId.toString()))
                .willReturn(hal(200, """
                        {"_page":1,"_links":{"self":{"href":"%1$s/api/v4/leads?query=%2$s&page=1&limit=50"}},
                         "_embedded":{"leads":[
                           {"id":%3$d,"name":"Похожая","status_id":61234567,"pipeline_id":7123456,
                            "custom_fields_values":null,"_embedded":{"tags":[]}},
                           {"id":%4$d,"name":"WhatsApp: Запись — Иван","status_id":61234567,"pipeline_id":7123456,
                            "custom_fields_values":[{"field_id":1278898,"field_name":"Otklik lead id",
                              "field_code":"OTKLIK_LEAD_ID","field_type":"text","values":[{"value":"%2$s"}]}],
                            "_embedded":{"tags":[{"id":1,"name":"whatsapp"}]}}]}}"""
                        .formatted(AMO.baseUrl(), leadId, crmId + 1, crmId))));

        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            KafkaEvents.send(event, event.data().conversationId());
            var added = awaitStatus(events, leadId, LeadStatus.NEW);
            assertThat(added.event().data().crmLeadId()).isEqualTo(Long.toString(crmId));
        }
        AMO.verify(1, addedFor(leadId));
        AMO.verify(1, searchedFor(leadId));
        assertThat(TestData.rows("select crm_lead_id from crm_lead where lead_id = ?", leadId))
                .containsExactly(Map.of("crm_lead_id", Long.toString(crmId)));
    }

    @Test
    void aRefusedTokenFailsTheTaskAtOnce() {
        EventEnvelope<LeadCreated> event = lead();
        UUID leadId = event.data().leadId();
        AMO.stubFor(addFor(leadId).willReturn(problem(401, "Unauthorized", "Authorization required")));
        KafkaEvents.send(event, event.data().conversationId());
        await().atMost(WAIT).untilAsserted(() -> assertThat(tasks(leadId)).singleElement()
                .satisfies(t -> assertThat(t.get("status")).isEqualTo("FAILED")));
        assertThat(tasks(leadId).get(0)).containsEntry("attempts", 1)
                .containsEntry("last_error", "Unauthorized (HTTP 401): Authorization required");
        AMO.verify(1, addedFor(leadId));
        AMO.verify(0, searchedFor(leadId));
    }

    @Test
    void aBurstOf30LeadsNeverReachesAmoCrmFasterThan7ASecond() {
        List<EventEnvelope<LeadCreated>> burst = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            EventEnvelope<LeadCreated> event = lead("Клиент " + i, "+7916123" + String.format("%04d", i), Utm.none());
            AMO.stubFor(addFor(event.data().leadId()).willReturn(added(event.data().leadId(), crmLeadId())));
            AMO.stubFor(get(urlPathEqualTo(LEADS)).withQueryParam("query", equalTo(event.data().leadId().toString()))
                    .willReturn(aResponse().withStatus(204)));
            burst.add(event);
        }
        Set<String> ids = burst.stream().map(e -> e.data().leadId().toString()).collect(Collectors.toSet());
        try (KafkaEvents.Listener events = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.topic())) {
            burst.forEach(e -> KafkaEvents.send(e, e.data().conversationId()));
            events.awaitCount(EventTypes.LEAD_STATUS_CHANGED,
                    e -> ids.contains(e.data().leadId().toString()) && e.data().status() == LeadStatus.NEW, 30,
                    Duration.ofSeconds(40));
        }
        List<Long> arrivals = AMO.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(COMPLEX))
                .filter(e -> ids.stream().anyMatch(id -> e.getRequest().getBodyAsString().contains(id)))
                .map(e -> e.getRequest().getLoggedDate().getTime())
                .sorted()
                .toList();
        assertThat(arrivals).hasSize(30);
        int busiest = 0;
        for (int i = 0; i < arrivals.size(); i++) {
            int inWindow = 0;
            for (long t : arrivals) {
                if (t >= arrivals.get(i) && t < arrivals.get(i) + 1_000) {
                    inWindow++;
                }
            }
            busiest = Math.max(busiest, inWindow);
        }
        assertThat(busiest).as("requests amoCRM saw in its busiest second, arrivals %s", arrivals).isLessThanOrEqualTo(7);
        // and the limit was the limiter's, not a slow worker's: 30 calls in a single burst took over 4 s
        assertThat(arrivals.get(29) - arrivals.get(0)).isGreaterThanOrEqualTo(29 * 1_000L / 7);
    }
}
