package io.otklik.crm.amocrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.LeadStatus;
import io.otklik.events.data.Utm;
import io.otklik.platform.tenant.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AmoCrmBodiesTest {

    static final Tenant.Crm CRM = new Tenant.Crm("amocrm", null, "HOOK", null, Map.of(), "https://x.amocrm.ru",
            "TOKEN", 7123456L, Map.of("NEW", "61234567", "IN_PROCESSING", "61234568", "CONFIRMED", "61234569"),
            null, null);

    static LeadCreated lead(Channel channel, Contact contact, Utm utm) {
        return new LeadCreated(UUID.randomUUID(), "c-1", "client-1", channel, contact, utm, "BOOK", "Сводка", false,
                Instant.parse("2026-11-26T10:00:00Z"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLeadWithoutNameOrPhoneStillHasAContactAndOnlyItsChannelTag() {
        LeadCreated lead = lead(Channel.TELEGRAM, new Contact("12345", null, null), null);
        Map<String, Object> item = AmoCrmBodies.addLead(lead, CRM, "OTKLIK_LEAD_ID").get(0);
        assertThat(item).containsEntry("name", "Telegram: Запись").containsEntry("pipeline_id", 7123456L)
                .containsEntry("status_id", 61234567L).containsEntry("request_id", lead.leadId().toString());
        Map<String, Object> embedded = (Map<String, Object>) item.get("_embedded");
        assertThat((List<Map<String, Object>>) embedded.get("contacts")).singleElement()
                .isEqualTo(Map.of("first_name", "Клиент"));
        assertThat((List<Object>) embedded.get("tags")).containsExactly(Map.of("name", "telegram"));
    }

    @Test
    void withoutAPipelineOrMappedNewTheAccountPicksTheFirstStage() {
        Tenant.Crm bare = new Tenant.Crm("amocrm", null, null, null, null, "https://x.amocrm.ru", "TOKEN", null,
                null, null, null);
        Map<String, Object> item = AmoCrmBodies.addLead(lead(Channel.WHATSAPP, null, Utm.none()), bare, "F").get(0);
        assertThat(item).doesNotContainKeys("pipeline_id", "status_id");
    }

    @Test
    void longUtmValuesAreCutToShortTags() {
        LeadCreated lead = lead(Channel.WEB_FORM, null, new Utm("yandex", null, "x".repeat(80), null, "стрижка"));
        assertThat(AmoCrmBodies.tags(lead)).containsExactly("web_form", "utm_source:yandex",
                "utm_campaign:" + "x".repeat(AmoCrmBodies.TAG_MAX - "utm_campaign:".length()), "utm_term:стрижка");
    }

    @Test
    void statusesMapBothWaysWithAmoCrmsOwnWonAndLost() {
        assertThat(AmoCrmBodies.statusId(CRM, LeadStatus.CONFIRMED)).contains(61234569L);
        assertThat(AmoCrmBodies.statusId(CRM, LeadStatus.WON)).contains(142L);
        assertThat(AmoCrmBodies.statusId(CRM, LeadStatus.LOST)).contains(143L);
        assertThat(AmoCrmBodies.statusId(CRM, LeadStatus.NO_SHOW)).isEmpty();
        assertThat(AmoCrmBodies.statusOf(CRM, 61234568L)).contains(LeadStatus.IN_PROCESSING);
        assertThat(AmoCrmBodies.statusOf(CRM, 142L)).contains(LeadStatus.WON);
        assertThat(AmoCrmBodies.statusOf(CRM, 143L)).contains(LeadStatus.LOST);
        assertThat(AmoCrmBodies.statusOf(CRM, 999L)).isEmpty();
        Tenant.Crm broken = new Tenant.Crm("amocrm", null, null, null, null, null, null, null,
                Map.of("CONFIRMED", "confirmed"), null, null);
        assertThatThrownBy(() -> AmoCrmBodies.statusId(broken, LeadStatus.CONFIRMED))
                .hasMessageContaining("crm.statuses.CONFIRMED");
    }

    @Test
    void theStatusPatchNamesThePipelineExceptForTheSystemStages() {
        assertThat(AmoCrmBodies.setStatus(CRM, 61234568L)).isEqualTo(Map.of("status_id", 61234568L,
                "pipeline_id", 7123456L));
        assertThat(AmoCrmBodies.setStatus(CRM, 142L)).isEqualTo(Map.of("status_id", 142L));
    }
}
