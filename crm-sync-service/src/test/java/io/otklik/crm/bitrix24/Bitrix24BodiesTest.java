package io.otklik.crm.bitrix24;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.LeadStatus;
import io.otklik.events.data.Utm;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Bitrix24 request bodies, compared as JSON with what the portal documents. */
class Bitrix24BodiesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final UUID LEAD = UUID.fromString("6f1c2a9e-3b7d-4c55-9a1e-2f0d8b7c6a51");

    static LeadCreated lead(Channel channel, Contact contact, Utm utm, String intent) {
        return new LeadCreated(LEAD, "conv-1", "client-1", channel, contact, utm, intent,
                "Запись на стрижку 26.11 15:00", false, Instant.parse("2026-11-25T10:00:00Z"));
    }

    /** Through the wire text, as the REST client sends it (so 3465 compares equal whatever its Java type). */
    static JsonNode json(Object value) {
        try {
            return JSON.readTree(JSON.writeValueAsString(value));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void whatsAppLeadWithPhoneAndUtm() throws Exception {
        var body = Bitrix24Bodies.addLead(lead(Channel.WHATSAPP, new Contact("79161234567", "Иван", "+79161234567"),
                new Utm("instagram", "cpc", "spring", null, " "), "BOOK"), "OTHER");
        assertThat(json(body)).isEqualTo(json("""
                {"fields":{"TITLE":"Запись — WhatsApp","NAME":"Иван",
                  "PHONE":[{"VALUE":"+79161234567","VALUE_TYPE":"WORK"}],
                  "SOURCE_ID":"OTHER","SOURCE_DESCRIPTION":"Отклик: WhatsApp",
                  "UTM_SOURCE":"instagram","UTM_MEDIUM":"cpc","UTM_CAMPAIGN":"spring",
                  "COMMENTS":"Запись на стрижку 26.11 15:00",
                  "ORIGINATOR_ID":"otklik","ORIGIN_ID":"6f1c2a9e-3b7d-4c55-9a1e-2f0d8b7c6a51"},
                 "params":{"REGISTER_SONET_EVENT":"Y"}}"""));
    }

    @Test
    void telegramLeadCarriesTheChatAsImAndNoPhoneWhenUnknown() throws Exception {
        var body = Bitrix24Bodies.addLead(lead(Channel.TELEGRAM, new Contact("512345678", "Мария", null), null,
                "PRICE"), "CALLBACK");
        assertThat(json(body).path("fields")).isEqualTo(json("""
                {"TITLE":"Вопрос о цене — Telegram","NAME":"Мария",
                 "IM":[{"VALUE":"512345678","VALUE_TYPE":"TELEGRAM"}],
                 "SOURCE_ID":"CALLBACK","SOURCE_DESCRIPTION":"Отклик: Telegram",
                 "COMMENTS":"Запись на стрижку 26.11 15:00",
                 "ORIGINATOR_ID":"otklik","ORIGIN_ID":"6f1c2a9e-3b7d-4c55-9a1e-2f0d8b7c6a51"}"""));
    }

    @Test
    void webFormLeadIsSourceWebAndAnonymousTitleHasNoDash() {
        var fields = json(Bitrix24Bodies.addLead(lead(Channel.WEB_FORM, new Contact("form-1", " ", "+79031234567"),
                Utm.none(), "COMPLAINT"), "OTHER")).path("fields");
        assertThat(fields.path("SOURCE_ID").asText()).isEqualTo("WEB");
        assertThat(fields.path("TITLE").asText()).isEqualTo("Жалоба — Сайт");
        assertThat(fields.has("NAME")).isFalse();
        assertThat(fields.has("IM")).isFalse();
        assertThat(fields.has("UTM_SOURCE")).isFalse();
        assertThat(fields.path("PHONE").path(0).path("VALUE").asText()).isEqualTo("+79031234567");
    }

    @Test
    void titlesNameEveryIntentInRussian() {
        assertThat(Bitrix24Bodies.title(Channel.INSTAGRAM, "INFO", null)).isEqualTo("Вопрос — Instagram");
        assertThat(Bitrix24Bodies.title(Channel.WHATSAPP, "RESCHEDULE", null)).isEqualTo("Перенос записи — WhatsApp");
        assertThat(Bitrix24Bodies.title(Channel.WHATSAPP, "CANCEL", " ")).isEqualTo("Отмена записи — WhatsApp");
        assertThat(Bitrix24Bodies.title(Channel.WHATSAPP, "HUMAN", null))
                .isEqualTo("Просит связаться с человеком — WhatsApp");
        assertThat(Bitrix24Bodies.title(Channel.WHATSAPP, "something-new", null)).isEqualTo("Обращение — WhatsApp");
    }

    @Test
    void theServiceTitlesTheLeadAndTheQualityScoreAndAssigneeGoToTheirFields() throws Exception {
        LeadCreated lead = new LeadCreated(LEAD, "conv-1", "client-1", Channel.INSTAGRAM,
                new Contact("1784", "Анна", null), new Utm("vk", "cpc", "may", "banner", "стрижка"), "BOOK",
                "Запись: Маникюр 27.11 12:00; Instagram; клиент новый", false, Instant.parse("2026-11-25T10:00:00Z"),
                4, java.util.List.of("intent", "service", "time"), null, "manicure", "Маникюр");
        var body = Bitrix24Bodies.addLead(lead, "UC_MSG", new Bitrix24Bodies.Fields("UF_CRM_LQS2", "UF_CRM_OK",
                "UF_CRM_AT"), "17");
        assertThat(json(body)).isEqualTo(json("""
                {"fields":{"TITLE":"Маникюр — Instagram","NAME":"Анна",
                  "SOURCE_ID":"UC_MSG","SOURCE_DESCRIPTION":"Отклик: Instagram",
                  "UTM_SOURCE":"vk","UTM_MEDIUM":"cpc","UTM_CAMPAIGN":"may","UTM_CONTENT":"banner","UTM_TERM":"стрижка",
                  "COMMENTS":"Запись: Маникюр 27.11 12:00; Instagram; клиент новый",
                  "ASSIGNED_BY_ID":17,"UF_CRM_LQS2":4,
                  "ORIGINATOR_ID":"otklik","ORIGIN_ID":"6f1c2a9e-3b7d-4c55-9a1e-2f0d8b7c6a51"},
                 "params":{"REGISTER_SONET_EVENT":"Y"}}"""));
        // the two-argument form uses the default quality field
        assertThat(json(Bitrix24Bodies.addLead(lead, "OTHER")).path("fields").path("UF_CRM_OTKLIK_LQS").asInt())
                .isEqualTo(4);
        assertThat(json(Bitrix24Bodies.addLead(lead, "OTHER")).path("fields").has("ASSIGNED_BY_ID")).isFalse();
    }

    @Test
    void duplicateSearchOpenLeadsAndTheLinkedComment() throws Exception {
        assertThat(json(Bitrix24Bodies.findByPhone(" +79161234567"))).isEqualTo(json("""
                {"entity_type":"LEAD","type":"PHONE","values":["+79161234567"]}"""));
        assertThat(json(Bitrix24Bodies.openLeads(java.util.List.of("12", "40")))).isEqualTo(json("""
                {"filter":{"@ID":[12,40],"STATUS_SEMANTIC_ID":"P"},"order":{"ID":"DESC"},"select":["ID"]}"""));
        LeadCreated lead = new LeadCreated(LEAD, "conv-1", "client-1", Channel.WHATSAPP,
                new Contact("79161234567", "Иван", "+79161234567"), new Utm("instagram", null, "spring", null, null),
                "BOOK", "Запись: Стрижка 26.11 15:00; WhatsApp; клиент повторный", false,
                Instant.parse("2026-11-25T10:00:00Z"), 5, null, null, "haircut", "Стрижка");
        assertThat(json(Bitrix24Bodies.linkedComment("40", lead))).isEqualTo(json("""
                {"fields":{"ENTITY_ID":40,"ENTITY_TYPE":"lead","COMMENT":"Новое обращение: Стрижка — WhatsApp\\n\
                Запись: Стрижка 26.11 15:00; WhatsApp; клиент повторный\\nUTM: instagram / spring"}}"""));
    }

    @Test
    void updatesCarryStatusAppointmentTimeInTheTenantsZoneConfirmationAndAssignee() throws Exception {
        var names = Bitrix24Bodies.Fields.DEFAULT;
        var moscow = java.time.ZoneId.of("Europe/Moscow");
        Instant at = Instant.parse("2026-11-26T12:00:00.250Z");
        assertThat(json(Bitrix24Bodies.update("3465", new io.otklik.crm.LeadUpdate(LeadStatus.IN_PROCESSING, at, false,
                false, null), names, java.util.Map.of(), moscow))).isEqualTo(json("""
                {"id":3465,"fields":{"STATUS_ID":"IN_PROCESS","UF_CRM_APPOINTMENT_AT":"2026-11-26T15:00:00+03:00",
                 "UF_CRM_APPOINTMENT_CONFIRMED":"N"}}"""));
        // a cancellation: back in processing, no time, not confirmed
        assertThat(json(Bitrix24Bodies.update("3465", new io.otklik.crm.LeadUpdate(LeadStatus.IN_PROCESSING, null,
                true, false, null), names, java.util.Map.of(), moscow))).isEqualTo(json("""
                {"id":3465,"fields":{"STATUS_ID":"IN_PROCESS","UF_CRM_APPOINTMENT_AT":"",
                 "UF_CRM_APPOINTMENT_CONFIRMED":"N"}}"""));
        // a reschedule after the confirmation: only the time
        assertThat(json(Bitrix24Bodies.update("3465", new io.otklik.crm.LeadUpdate(null, at, false, null, null),
                names, java.util.Map.of(), java.time.ZoneId.of("Asia/Vladivostok")))).isEqualTo(json("""
                {"id":3465,"fields":{"UF_CRM_APPOINTMENT_AT":"2026-11-26T22:00:00+10:00"}}"""));
        assertThat(json(Bitrix24Bodies.update("3465", io.otklik.crm.LeadUpdate.assign("7"), names,
                java.util.Map.of(), moscow))).isEqualTo(json("{\"id\":3465,\"fields\":{\"ASSIGNED_BY_ID\":7}}"));
    }

    @Test
    void statusIdsAreBitrixDefaultsUnlessTheTenantMapsThem() {
        java.util.Map<String, String> none = java.util.Map.of();
        assertThat(Bitrix24Bodies.statusId(LeadStatus.NEW, none)).isEqualTo("NEW");
        assertThat(Bitrix24Bodies.statusId(LeadStatus.IN_PROCESSING, none)).isEqualTo("IN_PROCESS");
        assertThat(Bitrix24Bodies.statusId(LeadStatus.CONFIRMED, none)).isEqualTo("IN_PROCESS");
        assertThat(Bitrix24Bodies.statusId(LeadStatus.LOST, none)).isEqualTo("JUNK");
        assertThat(Bitrix24Bodies.statusId(LeadStatus.WON, none)).isEqualTo("CONVERTED");
        assertThat(Bitrix24Bodies.statusId(LeadStatus.NO_SHOW, none)).isEqualTo("UC_NOSHOW");
        var own = java.util.Map.of("NO_SHOW", "UC_7K2Q1", "CONFIRMED", "UC_OK");
        assertThat(Bitrix24Bodies.statusId(LeadStatus.NO_SHOW, own)).isEqualTo("UC_7K2Q1");
        assertThat(Bitrix24Bodies.statusId(LeadStatus.CONFIRMED, own)).isEqualTo("UC_OK");
        assertThat(Bitrix24Bodies.statusId(LeadStatus.WON, own)).isEqualTo("CONVERTED");
    }

    @Test
    void statusUpdates() throws Exception {
        assertThat(json(Bitrix24Bodies.setStatus("3465", LeadStatus.IN_PROCESSING, "UF_CRM_APPOINTMENT_CONFIRMED")))
                .isEqualTo(json("{\"id\":3465,\"fields\":{\"STATUS_ID\":\"IN_PROCESS\"}}"));
        assertThat(json(Bitrix24Bodies.setStatus("3465", LeadStatus.CONFIRMED, "UF_CRM_APPOINTMENT_CONFIRMED")))
                .isEqualTo(json("""
                        {"id":3465,"fields":{"STATUS_ID":"IN_PROCESS","UF_CRM_APPOINTMENT_CONFIRMED":"Y"}}"""));
        assertThat(json(Bitrix24Bodies.setStatus("3465", LeadStatus.LOST, "UF_X")).path("fields").path("STATUS_ID")
                .asText()).isEqualTo("JUNK");
    }

    @Test
    void searchByOrigin() throws Exception {
        assertThat(json(Bitrix24Bodies.findByOrigin(LEAD))).isEqualTo(json("""
                {"filter":{"ORIGINATOR_ID":"otklik","ORIGIN_ID":"6f1c2a9e-3b7d-4c55-9a1e-2f0d8b7c6a51"},
                 "select":["ID"]}"""));
    }
}
