package io.otklik.crm.amocrm;

import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.Intent;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.LeadStatus;
import io.otklik.events.data.Utm;
import io.otklik.platform.tenant.Tenant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The JSON bodies of the amoCRM v4 calls we make and the status mapping both ways (pure, unit-tested). */
public final class AmoCrmBodies {

    /** amoCRM's fixed system stages, the same in every pipeline: "Успешно реализовано" and "Закрыто и не реализовано". */
    public static final long STATUS_WON = 142;
    public static final long STATUS_LOST = 143;
    /** Tags are short labels managers filter by: a long UTM value is cut. */
    static final int TAG_MAX = 50;

    private AmoCrmBodies() {
    }

    /**
     * {@code POST /api/v4/leads/complex}: one lead with its contact (name, phone), the pipeline and stage, tags for
     * the channel and the UTM tags, and our lead id in {@code request_id} and in the lead-id custom field.
     */
    public static List<Map<String, Object>> addLead(LeadCreated lead, Tenant.Crm crm, String leadIdFieldCode) {
        Map<String, Object> item = new LinkedHashMap<>();
        Contact contact = lead.contact();
        String name = contact == null ? null : blankToNull(contact.displayName());
        item.put("name", name(lead.channel(), lead.intent(), name));
        if (crm.pipelineId() != null) {
            item.put("pipeline_id", crm.pipelineId());
        }
        statusId(crm, LeadStatus.NEW).ifPresent(id -> item.put("status_id", id));
        item.put("request_id", lead.leadId().toString());
        item.put("custom_fields_values", List.of(Map.of("field_code", leadIdFieldCode,
                "values", List.of(Map.of("value", lead.leadId().toString())))));

        Map<String, Object> embedded = new LinkedHashMap<>();
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("first_name", name == null ? "Клиент" : name);
        if (contact != null && blankToNull(contact.phone()) != null) {
            person.put("custom_fields_values", List.of(Map.of("field_code", "PHONE",
                    "values", List.of(Map.of("value", contact.phone().strip(), "enum_code", "WORK")))));
        }
        embedded.put("contacts", List.of(person));
        embedded.put("tags", tags(lead).stream().map(t -> Map.of("name", t)).toList());
        item.put("_embedded", embedded);
        return List.of(item);
    }

    /** The channel (whatsapp, telegram, instagram, web_form) and every UTM value as {@code utm_source:instagram}. */
    static List<String> tags(LeadCreated lead) {
        List<String> tags = new ArrayList<>();
        if (lead.channel() != null) {
            tags.add(lead.channel().name().toLowerCase(Locale.ROOT));
        }
        Utm utm = lead.utm() == null ? Utm.none() : lead.utm();
        addTag(tags, "utm_source", utm.source());
        addTag(tags, "utm_medium", utm.medium());
        addTag(tags, "utm_campaign", utm.campaign());
        addTag(tags, "utm_content", utm.content());
        addTag(tags, "utm_term", utm.term());
        return tags;
    }

    /** {@code PATCH /api/v4/leads/{id}}: the stage (and the pipeline, so a lead moved elsewhere comes back). */
    public static Map<String, Object> setStatus(Tenant.Crm crm, long statusId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status_id", statusId);
        if (crm.pipelineId() != null && statusId != STATUS_WON && statusId != STATUS_LOST) {
            body.put("pipeline_id", crm.pipelineId());
        }
        return body;
    }

    /**
     * The account's stage for our status: the tenant's {@code crm.statuses}, else amoCRM's own 142 (won) / 143
     * (lost). Empty when there is none (NEW then goes to the pipeline's first stage).
     */
    public static Optional<Long> statusId(Tenant.Crm crm, LeadStatus status) {
        String mapped = crm.statuses().get(status.name());
        if (mapped != null && !mapped.isBlank()) {
            try {
                return Optional.of(Long.parseLong(mapped.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("crm.statuses." + status.name() + " is not an amoCRM status id");
            }
        }
        return switch (status) {
            case WON -> Optional.of(STATUS_WON);
            case LOST -> Optional.of(STATUS_LOST);
            default -> Optional.empty();
        };
    }

    /** Our status of an amoCRM stage, read back from a webhook; empty for a stage the tenant did not map. */
    public static Optional<LeadStatus> statusOf(Tenant.Crm crm, long statusId) {
        for (LeadStatus status : LeadStatus.values()) {
            String mapped = crm.statuses().get(status.name());
            if (mapped != null && mapped.strip().equals(Long.toString(statusId))) {
                return Optional.of(status);
            }
        }
        if (statusId == STATUS_WON) {
            return Optional.of(LeadStatus.WON);
        }
        return statusId == STATUS_LOST ? Optional.of(LeadStatus.LOST) : Optional.empty();
    }

    /** "WhatsApp: Запись — Иван"; without a name the dash part is left out. */
    static String name(Channel channel, String intent, String clientName) {
        String name = channelName(channel) + ": " + Intent.labelOf(intent);
        return clientName == null ? name : name + " — " + clientName.strip();
    }

    private static String channelName(Channel channel) {
        if (channel == null) {
            return "Обращение";
        }
        return switch (channel) {
            case WHATSAPP -> "WhatsApp";
            case TELEGRAM -> "Telegram";
            case INSTAGRAM -> "Instagram";
            case WEB_FORM -> "Сайт";
        };
    }

    private static void addTag(List<String> tags, String key, String value) {
        String v = blankToNull(value);
        if (v != null) {
            String tag = key + ":" + v.strip();
            tags.add(tag.length() > TAG_MAX ? tag.substring(0, TAG_MAX) : tag);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
