package io.otklik.crm.setup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.otklik.crm.bitrix24.Bitrix24Bodies;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ./otklik crm-setup} against a fake portal speaking Bitrix24's REST format: creates what is missing, once. */
class Bitrix24SetupTest {

    static final String HOOK = "/rest/1/setupcode";
    static final String TIME = "\"time\":{\"start\":1764064800.12,\"finish\":1764064800.31,\"duration\":0.19,"
            + "\"processing\":0.05,\"date_start\":\"2026-11-25T13:00:00+03:00\","
            + "\"date_finish\":\"2026-11-25T13:00:00+03:00\"}";
    static final String DEFAULT_STAGES = "[{\"ID\":\"1\",\"ENTITY_ID\":\"STATUS\",\"STATUS_ID\":\"NEW\",\"NAME\":"
            + "\"Не обработан\",\"SORT\":\"10\"},{\"ID\":\"2\",\"ENTITY_ID\":\"STATUS\",\"STATUS_ID\":\"IN_PROCESS\","
            + "\"NAME\":\"В работе\",\"SORT\":\"20\"},{\"ID\":\"3\",\"ENTITY_ID\":\"STATUS\",\"STATUS_ID\":"
            + "\"CONVERTED\",\"NAME\":\"Качественный лид\",\"SORT\":\"50\"},{\"ID\":\"4\",\"ENTITY_ID\":\"STATUS\","
            + "\"STATUS_ID\":\"JUNK\",\"NAME\":\"Некачественный лид\",\"SORT\":\"60\"}]";

    WireMockServer portal;
    ByteArrayOutputStream printed;
    Bitrix24Setup setup;

    @BeforeEach
    void start() {
        portal = new WireMockServer(options().dynamicPort());
        portal.start();
        printed = new ByteArrayOutputStream();
        setup = new Bitrix24Setup(portal.baseUrl() + HOOK + "/", new PrintStream(printed, true,
                StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        portal.stop();
    }

    static ResponseDefinitionBuilder answer(String result) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"result\":" + result + "," + TIME + "}");
    }

    static String listOf(String field) {
        return "{\"filter\":{\"FIELD_NAME\":\"" + field + "\"}}";
    }

    @Test
    void createsTheMissingFieldsAndTheNoShowStageAndSkipsWhatExists() throws Exception {
        portal.stubFor(post(urlEqualTo(HOOK + "/crm.lead.userfield.list.json"))
                .withRequestBody(equalToJson(listOf("UF_CRM_OTKLIK_LQS")))
                .willReturn(answer("[{\"ID\":\"181\",\"ENTITY_ID\":\"CRM_LEAD\",\"FIELD_NAME\":\"UF_CRM_OTKLIK_LQS\","
                        + "\"USER_TYPE_ID\":\"integer\"}]")));
        portal.stubFor(post(urlEqualTo(HOOK + "/crm.lead.userfield.list.json"))
                .withRequestBody(equalToJson(listOf("UF_CRM_APPOINTMENT_AT"))).willReturn(answer("[]")));
        portal.stubFor(post(urlEqualTo(HOOK + "/crm.lead.userfield.list.json"))
                .withRequestBody(equalToJson(listOf("UF_CRM_APPOINTMENT_CONFIRMED"))).willReturn(answer("[]")));
        portal.stubFor(post(urlEqualTo(HOOK + "/crm.lead.userfield.add.json")).willReturn(answer("205")));
        portal.stubFor(post(urlEqualTo(HOOK + "/crm.status.list.json"))
                .withRequestBody(equalToJson("{\"filter\":{\"ENTITY_ID\":\"STATUS\"}}"))
                .willReturn(answer(DEFAULT_STAGES)));
        portal.stubFor(post(urlEqualTo(HOOK + "/crm.status.list.json"))
                .withRequestBody(equalToJson("{\"filter\":{\"ENTITY_ID\":\"SOURCE\"}}"))
                .willReturn(answer("[{\"ID\":\"30\",\"ENTITY_ID\":\"SOURCE\",\"STATUS_ID\":\"UC_WA\",\"NAME\":"
                        + "\"WhatsApp\"}]")));
        portal.stubFor(post(urlEqualTo(HOOK + "/crm.status.add.json")).willReturn(answer("77")));

        int created = setup.run(Bitrix24Setup.fields(Bitrix24Bodies.Fields.DEFAULT),
                Bitrix24Setup.statuses(Map.of("CONFIRMED", "UC_CONFIRMED"), "UC_WA"));

        assertThat(created).isEqualTo(4);
        portal.verify(2, postRequestedFor(urlEqualTo(HOOK + "/crm.lead.userfield.add.json")));
        portal.verify(postRequestedFor(urlEqualTo(HOOK + "/crm.lead.userfield.add.json")).withRequestBody(
                equalToJson("""
                        {"fields":{"FIELD_NAME":"APPOINTMENT_AT","USER_TYPE_ID":"datetime",
                          "XML_ID":"OTKLIK_APPOINTMENT_AT","EDIT_FORM_LABEL":"Время записи",
                          "LIST_COLUMN_LABEL":"Время записи","LIST_FILTER_LABEL":"Время записи"}}""")));
        portal.verify(postRequestedFor(urlEqualTo(HOOK + "/crm.lead.userfield.add.json")).withRequestBody(
                equalToJson("""
                        {"fields":{"FIELD_NAME":"APPOINTMENT_CONFIRMED","USER_TYPE_ID":"boolean",
                          "XML_ID":"OTKLIK_APPOINTMENT_CONFIRMED","EDIT_FORM_LABEL":"Запись подтверждена",
                          "LIST_COLUMN_LABEL":"Запись подтверждена","LIST_FILTER_LABEL":"Запись подтверждена"}}""")));
        // the stages list is read once for both custom stages; the existing custom source is skipped
        portal.verify(1, postRequestedFor(urlEqualTo(HOOK + "/crm.status.list.json"))
                .withRequestBody(equalToJson("{\"filter\":{\"ENTITY_ID\":\"STATUS\"}}")));
        portal.verify(2, postRequestedFor(urlEqualTo(HOOK + "/crm.status.add.json")));
        portal.verify(postRequestedFor(urlEqualTo(HOOK + "/crm.status.add.json")).withRequestBody(equalToJson("""
                {"fields":{"ENTITY_ID":"STATUS","STATUS_ID":"UC_CONFIRMED","NAME":"Запись подтверждена","SORT":30}}""")));
        portal.verify(postRequestedFor(urlEqualTo(HOOK + "/crm.status.add.json")).withRequestBody(equalToJson("""
                {"fields":{"ENTITY_ID":"STATUS","STATUS_ID":"UC_NOSHOW","NAME":"Не пришёл","SORT":35}}""")));
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("field UF_CRM_OTKLIK_LQS (integer): exists, skipped")
                .contains("field UF_CRM_APPOINTMENT_AT (datetime): created, id 205")
                .contains("lead stage UC_NOSHOW \"Не пришёл\": created, id 77")
                .contains("source UC_WA: exists, skipped")
                .doesNotContain("setupcode");
    }

    @Test
    void aSecondRunCreatesNothing() throws Exception {
        portal.stubFor(post(urlEqualTo(HOOK + "/crm.lead.userfield.list.json"))
                .willReturn(answer("[{\"ID\":\"181\",\"FIELD_NAME\":\"UF_CRM_X\",\"USER_TYPE_ID\":\"string\"}]")));
        portal.stubFor(post(urlEqualTo(HOOK + "/crm.status.list.json")).willReturn(answer(DEFAULT_STAGES
                .replace("]", ",{\"ID\":\"9\",\"ENTITY_ID\":\"STATUS\",\"STATUS_ID\":\"UC_NOSHOW\",\"NAME\":"
                        + "\"Не пришёл\"}]"))));
        int created = setup.run(Bitrix24Setup.fields(Bitrix24Bodies.Fields.DEFAULT), Bitrix24Setup.statuses(Map.of(),
                "OTHER"));
        assertThat(created).isZero();
        portal.verify(0, postRequestedFor(urlEqualTo(HOOK + "/crm.lead.userfield.add.json")));
        portal.verify(0, postRequestedFor(urlEqualTo(HOOK + "/crm.status.add.json")));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("lead stage UC_NOSHOW: exists, skipped");
    }

    @Test
    void aRefusedCallNamesTheErrorButNotTheWebhook() {
        portal.stubFor(post(urlEqualTo(HOOK + "/crm.lead.userfield.list.json")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"NO_AUTH_FOUND\",\"error_description\":\"Wrong authorization data\"}")));
        assertThatThrownBy(() -> setup.run(Bitrix24Setup.fields(Bitrix24Bodies.Fields.DEFAULT), java.util.List.of()))
                .isInstanceOf(Bitrix24Setup.SetupException.class)
                .hasMessage("crm.lead.userfield.list failed: NO_AUTH_FOUND (HTTP 401): Wrong authorization data")
                .hasMessageNotContaining("setupcode");
    }
}
