package io.otklik.crm.bitrix24;

import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.LeadStatus;
import io.otklik.events.data.Utm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The JSON bodies of the Bitrix24 REST methods we call, built from our events (pure, unit-tested). */
public final class Bitrix24Bodies {

    /** ORIGINATOR_ID of every lead we add: with ORIGIN_ID = our lead id it finds a lead an earlier attempt added. */
    public static final String ORIGINATOR = "otklik";
    static final String SOURCE_DESCRIPTION = "Otklik";
    static final String WEB_SOURCE = "WEB";
    static final String STATUS_IN_PROCESS = "IN_PROCESS";

    private Bitrix24Bodies() {
    }

    /**
     * {@code crm.lead.add}.
     *
     * @param messengerSourceId SOURCE_ID of leads from messengers (the tenant's, or the configured default)
     */
    public static Map<String, Object> addLead(LeadCreated lead, String messengerSourceId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Contact contact = lead.contact();
        String name = contact == null ? null : blankToNull(contact.displayName());
        fields.put("TITLE", title(lead.channel(), lead.intent(), name));
        if (name != null) {
            fields.put("NAME", name);
        }
        if (contact != null && blankToNull(contact.phone()) != null) {
            fields.put("PHONE", List.of(multifield(contact.phone(), "WORK")));
        }
        if (lead.channel() == Channel.TELEGRAM && contact != null && blankToNull(contact.channelUserId()) != null) {
            fields.put("IM", List.of(multifield(contact.channelUserId(), "TELEGRAM")));
        }
        fields.put("SOURCE_ID", lead.channel() == Channel.WEB_FORM ? WEB_SOURCE : messengerSourceId);
        fields.put("SOURCE_DESCRIPTION", SOURCE_DESCRIPTION);
        Utm utm = lead.utm() == null ? Utm.none() : lead.utm();
        putIfPresent(fields, "UTM_SOURCE", utm.source());
        putIfPresent(fields, "UTM_MEDIUM", utm.medium());
        putIfPresent(fields, "UTM_CAMPAIGN", utm.campaign());
        putIfPresent(fields, "UTM_CONTENT", utm.content());
        putIfPresent(fields, "UTM_TERM", utm.term());
        putIfPresent(fields, "COMMENTS", lead.summary());
        fields.put("ORIGINATOR_ID", ORIGINATOR);
        fields.put("ORIGIN_ID", lead.leadId().toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fields", fields);
        body.put("params", Map.of("REGISTER_SONET_EVENT", "Y"));
        return body;
    }

    /** {@code crm.lead.list} for the lead we added under our lead id, if any. */
    public static Map<String, Object> findByOrigin(UUID leadId) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("ORIGINATOR_ID", ORIGINATOR);
        filter.put("ORIGIN_ID", leadId.toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filter", filter);
        body.put("select", List.of("ID"));
        return body;
    }

    /**
     * {@code crm.lead.update} for one of our statuses. Bitrix24's default stages have no "confirmed": a confirmed
     * appointment stays IN_PROCESS and sets the custom field (seed 000).
     *
     * @param confirmedField the portal's user field for "appointment confirmed" (UF_CRM_APPOINTMENT_CONFIRMED)
     */
    public static Map<String, Object> setStatus(String crmLeadId, LeadStatus status, String confirmedField) {
        Map<String, Object> fields = new LinkedHashMap<>();
        switch (status) {
            case NEW -> fields.put("STATUS_ID", "NEW");
            case IN_PROCESSING -> fields.put("STATUS_ID", STATUS_IN_PROCESS);
            case CONFIRMED -> {
                fields.put("STATUS_ID", STATUS_IN_PROCESS);
                fields.put(confirmedField, "Y");
            }
            case LOST -> fields.put("STATUS_ID", "JUNK");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", numericOrText(crmLeadId));
        body.put("fields", fields);
        return body;
    }

    /** "WhatsApp: Запись — Иван"; without a name the dash part is left out. */
    public static String title(Channel channel, String intent, String name) {
        String title = channelName(channel) + ": " + intentName(intent);
        return name == null || name.isBlank() ? title : title + " — " + name.strip();
    }

    static String channelName(Channel channel) {
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

    /** The manager reads the title in Russian (the intent's label, {@link io.otklik.events.data.Intent#label()}). */
    static String intentName(String intent) {
        return io.otklik.events.data.Intent.labelOf(intent);
    }

    private static Map<String, Object> multifield(String value, String type) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("VALUE", value.strip());
        item.put("VALUE_TYPE", type);
        return item;
    }

    private static void putIfPresent(Map<String, Object> fields, String key, String value) {
        String v = blankToNull(value);
        if (v != null) {
            fields.put(key, v);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Bitrix24 ids are integers; send them as JSON numbers like its own examples do. */
    private static Object numericOrText(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return id;
        }
    }
}
