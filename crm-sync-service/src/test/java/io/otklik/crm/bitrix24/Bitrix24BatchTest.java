package io.otklik.crm.bitrix24;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otklik.crm.CrmOutcome;
import io.otklik.events.data.LeadStatus;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The batch request as Bitrix24 documents it, and reading each command's answer or error back. */
class Bitrix24BatchTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void commandsAreMethodsWithPhpQueryStrings() {
        Map<String, Object> update = Bitrix24Bodies.setStatus("3465", LeadStatus.CONFIRMED,
                "UF_CRM_APPOINTMENT_CONFIRMED");
        assertThat(Bitrix24Batch.command("crm.lead.update", update)).isEqualTo(
                "crm.lead.update?id=3465&fields[STATUS_ID]=IN_PROCESS&fields[UF_CRM_APPOINTMENT_CONFIRMED]=Y");
        Map<String, Object> add = new java.util.LinkedHashMap<>();
        add.put("fields", Map.of("PHONE", List.of(Map.of("VALUE", "+79161234567"))));
        assertThat(Bitrix24Batch.command("crm.lead.add", add))
                .isEqualTo("crm.lead.add?fields[PHONE][0][VALUE]=%2B79161234567");
        assertThat(Bitrix24Batch.command("crm.lead.add", Map.of("fields", Map.of("TITLE", "WhatsApp: Запись & Ко"))))
                .isEqualTo("crm.lead.add?fields[TITLE]=WhatsApp%3A+%D0%97%D0%B0%D0%BF%D0%B8%D1%81%D1%8C+%26+%D0%9A%D0%BE");
    }

    @Test
    void theRequestNamesEachCommandAndDoesNotHalt() throws Exception {
        Map<String, Object> body = Bitrix24Batch.request(List.of(
                new AbstractMap.SimpleImmutableEntry<>("crm.lead.update", Map.of("id", 1)),
                new AbstractMap.SimpleImmutableEntry<>("crm.lead.update", Map.of("id", 2))));
        assertThat(JSON.writeValueAsString(body)).isEqualTo(
                "{\"halt\":0,\"cmd\":{\"c0\":\"crm.lead.update?id=1\",\"c1\":\"crm.lead.update?id=2\"}}");
    }

    @Test
    void eachCommandGetsItsAnswerOrItsError() throws Exception {
        JsonNode answer = JSON.readTree("""
                {"result":{"result":{"c0":3465,"c2":[{"ID":"77"}]},
                  "result_error":{"c1":{"error":"QUERY_LIMIT_EXCEEDED","error_description":"Too many requests"},
                                  "c3":{"error":"","error_description":"Access denied."}},
                  "result_total":{"c2":1},"result_next":[],"result_time":{}},
                 "time":{"start":1764064800.12,"finish":1764064800.31}}""");
        assertThat(Bitrix24Batch.readable(answer)).isTrue();
        assertThat(Bitrix24Batch.answerOf(answer, 0).path("result").asLong()).isEqualTo(3465);
        assertThat(Bitrix24Batch.answerOf(answer, 2).path("result").get(0).path("ID").asText()).isEqualTo("77");
        assertThat(Bitrix24Batch.answerOf(answer, 2).path("total").asInt()).isEqualTo(1);
        assertThat(Bitrix24Batch.answerOf(answer, 1)).isNull();
        CrmOutcome limited = Bitrix24Batch.error(answer, 1);
        assertThat(limited.errorCode()).isEqualTo("QUERY_LIMIT_EXCEEDED");
        assertThat(limited.retryable()).isTrue();
        CrmOutcome denied = Bitrix24Batch.error(answer, 3);
        assertThat(denied.errorCode()).isEqualTo("BATCH_COMMAND_ERROR");
        assertThat(denied.retryable()).isFalse();
        // a command the answer says nothing about: retried (an add is then looked up by ORIGIN_ID first)
        assertThat(Bitrix24Batch.error(answer, 9).retryable()).isTrue();
        // PHP sends empty maps as []
        JsonNode allFailed = JSON.readTree("""
                {"result":{"result":[],"result_error":{"c0":{"error":"INTERNAL_SERVER_ERROR","error_description":""}},
                 "result_total":[],"result_next":[],"result_time":[]},"time":{}}""");
        assertThat(Bitrix24Batch.answerOf(allFailed, 0)).isNull();
        assertThat(Bitrix24Batch.error(allFailed, 0).retryable()).isTrue();
    }
}
