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
                {"fields":{"TITLE":"WhatsApp: Запись — Иван","NAME":"Иван",
                  "PHONE":[{"VALUE":"+79161234567","VALUE_TYPE":"WORK"}],
                  "SOURCE_ID":"OTHER","SOURCE_DESCRIPTION":"Otklik",
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
                {"TITLE":"Telegram: Вопрос о цене — Мария","NAME":"Мария",
                 "IM":[{"VALUE":"512345678","VALUE_TYPE":"TELEGRAM"}],
                 "SOURCE_ID":"CALLBACK","SOURCE_DESCRIPTION":"Otklik",
                 "COMMENTS":"Запись на стрижку 26.11 15:00",
                 "ORIGINATOR_ID":"otklik","ORIGIN_ID":"6f1c2a9e-3b7d-4c55-9a1e-2f0d8b7c6a51"}"""));
    }

    @Test
    void webFormLeadIsSourceWebAndAnonymousTitleHasNoDash() {
        var fields = json(Bitrix24Bodies.addLead(lead(Channel.WEB_FORM, new Contact("form-1", " ", "+79031234567"),
                Utm.none(), "COMPLAINT"), "OTHER")).path("fields");
        assertThat(fields.path("SOURCE_ID").asText()).isEqualTo("WEB");
        assertThat(fields.path("TITLE").asText()).isEqualTo("Сайт: Жалоба");
        assertThat(fields.has("NAME")).isFalse();
        assertThat(fields.has("IM")).isFalse();
        assertThat(fields.has("UTM_SOURCE")).isFalse();
        assertThat(fields.path("PHONE").path(0).path("VALUE").asText()).isEqualTo("+79031234567");
    }

    @Test
    void titlesNameEveryIntentInRussian() {
        assertThat(Bitrix24Bodies.title(Channel.INSTAGRAM, "INFO", "Анна"))
                .isEqualTo("Instagram: Вопрос — Анна");
        assertThat(Bitrix24Bodies.title(Channel.WHATSAPP, "RESCHEDULE", null)).isEqualTo("WhatsApp: Перенос записи");
        assertThat(Bitrix24Bodies.title(Channel.WHATSAPP, "CANCEL", null)).isEqualTo("WhatsApp: Отмена записи");
        assertThat(Bitrix24Bodies.title(Channel.WHATSAPP, "HUMAN", null))
                .isEqualTo("WhatsApp: Просит связаться с человеком");
        assertThat(Bitrix24Bodies.title(Channel.WHATSAPP, "something-new", null)).isEqualTo("WhatsApp: Обращение");
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
