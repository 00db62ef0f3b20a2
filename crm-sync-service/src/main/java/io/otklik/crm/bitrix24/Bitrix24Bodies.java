package io.otklik.crm.bitrix24;

import io.otklik.crm.LeadUpdate;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.LeadStatus;
import io.otklik.events.data.Utm;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The JSON bodies of the Bitrix24 REST methods we call, built from our events (pure, unit-tested). */
public final class Bitrix24Bodies {

    /** ORIGINATOR_ID of every lead we add: with ORIGIN_ID = our lead id it finds a lead an earlier attempt added. */
    public static final String ORIGINATOR = "otklik";
    static final String SOURCE_DESCRIPTION = "Отклик";
    /** The custom lead stage for a no-show ({@code ./otklik crm-setup} creates it). */
    public static final String NO_SHOW_STATUS = "UC_NOSHOW";
    static final String WEB_SOURCE = "WEB";
    static final String STATUS_IN_PROCESS = "IN_PROCESS";

    private Bitrix24Bodies() {
    }

    /**
     * The portal's field names we write. Quality score and appointment time are user fields {@code ./otklik crm-setup}
     * creates; "confirmed" is seed 000's field.
     */
    public record Fields(String qualityField, String confirmedField, String appointmentField) {

        public static final Fields DEFAULT = new Fields("UF_CRM_OTKLIK_LQS", "UF_CRM_APPOINTMENT_CONFIRMED",
                "UF_CRM_APPOINTMENT_AT");
    }

    /** {@code crm.lead.add} with the default field names. */
    public static Map<String, Object> addLead(LeadCreated lead, String messengerSourceId) {
        return addLead(lead, messengerSourceId, Fields.DEFAULT, null);
    }

    /**
     * {@code crm.lead.add}.
     *
     * @param messengerSourceId SOURCE_ID of leads from messengers (the tenant's, or the configured default)
     * @param assignedTo        the CRM user responsible for the lead, when the routing is known already; else null
     */
    public static Map<String, Object> addLead(LeadCreated lead, String messengerSourceId, Fields names,
                                              String assignedTo) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Contact contact = lead.contact();
        String name = contact == null ? null : blankToNull(contact.displayName());
        fields.put("TITLE", title(lead.channel(), lead.intent(), lead.serviceName()));
        if (name != null) {
            fields.put("NAME", name.strip());
        }
        if (contact != null && blankToNull(contact.phone()) != null) {
            fields.put("PHONE", List.of(multifield(contact.phone(), "WORK")));
        }
        if (lead.channel() == Channel.TELEGRAM && contact != null && blankToNull(contact.channelUserId()) != null) {
            fields.put("IM", List.of(multifield(contact.channelUserId(), "TELEGRAM")));
        }
        fields.put("SOURCE_ID", lead.channel() == Channel.WEB_FORM ? WEB_SOURCE : messengerSourceId);
        fields.put("SOURCE_DESCRIPTION", sourceDescription(lead.channel()));
        Utm utm = lead.utm() == null ? Utm.none() : lead.utm();
        putIfPresent(fields, "UTM_SOURCE", utm.source());
        putIfPresent(fields, "UTM_MEDIUM", utm.medium());
        putIfPresent(fields, "UTM_CAMPAIGN", utm.campaign());
        putIfPresent(fields, "UTM_CONTENT", utm.content());
        putIfPresent(fields, "UTM_TERM", utm.term());
        putIfPresent(fields, "COMMENTS", lead.summary());
        if (blankToNull(assignedTo) != null) {
            fields.put("ASSIGNED_BY_ID", numericOrText(assignedTo.strip()));
        }
        if (lead.qualityScore() != null && blankToNull(names.qualityField()) != null) {
            fields.put(names.qualityField(), lead.qualityScore());
        }
        fields.put("ORIGINATOR_ID", ORIGINATOR);
        fields.put("ORIGIN_ID", lead.leadId().toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fields", fields);
        body.put("params", Map.of("REGISTER_SONET_EVENT", "Y"));
        return body;
    }

    /**
     * {@code crm.duplicate.findbycomm}: the leads that already have this phone (a repeat client).
     * Answer: {@code {"result":{"LEAD":[12,40]}}}, or {@code {"result":[]}} when there are none.
     */
    public static Map<String, Object> findByPhone(String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entity_type", "LEAD");
        body.put("type", "PHONE");
        body.put("values", List.of(phone.strip()));
        return body;
    }

    /**
     * {@code crm.lead.list}: which of these leads are still open (status semantics "P", in progress: not converted,
     * not junk), newest first.
     */
    public static Map<String, Object> openLeads(List<String> crmLeadIds) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("@ID", crmLeadIds.stream().map(Bitrix24Bodies::numericOrText).toList());
        filter.put("STATUS_SEMANTIC_ID", "P");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filter", filter);
        body.put("order", Map.of("ID", "DESC"));
        body.put("select", List.of("ID"));
        return body;
    }

    /**
     * {@code crm.timeline.comment.add} on a repeat client's open lead that a new request was linked to: the manager
     * sees the new request in the lead's timeline, the lead's own COMMENTS stay as they were.
     */
    public static Map<String, Object> linkedComment(String crmLeadId, LeadCreated lead) {
        StringBuilder comment = new StringBuilder("Новое обращение: ")
                .append(title(lead.channel(), lead.intent(), lead.serviceName()));
        if (blankToNull(lead.summary()) != null) {
            comment.append("\n").append(lead.summary().strip());
        }
        Utm utm = lead.utm() == null ? Utm.none() : lead.utm();
        if (blankToNull(utm.source()) != null) {
            comment.append("\nUTM: ").append(utm.source().strip());
            if (blankToNull(utm.campaign()) != null) {
                comment.append(" / ").append(utm.campaign().strip());
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ENTITY_ID", numericOrText(crmLeadId));
        fields.put("ENTITY_TYPE", "lead");
        fields.put("COMMENT", comment.toString());
        return Map.of("fields", fields);
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
     * {@code crm.lead.update} for one of our statuses, with the default status ids and field names.
     *
     * @param confirmedField the portal's user field for "appointment confirmed" (UF_CRM_APPOINTMENT_CONFIRMED)
     */
    public static Map<String, Object> setStatus(String crmLeadId, LeadStatus status, String confirmedField) {
        Fields names = new Fields(Fields.DEFAULT.qualityField(), confirmedField, Fields.DEFAULT.appointmentField());
        return update(crmLeadId, LeadUpdate.status(status), names, Map.of(), ZoneOffset.UTC);
    }

    /**
     * {@code crm.lead.update}: status (STATUS_ID, see {@link #statusId}), the appointment time as an ISO date-time
     * with the tenant's offset (emptied when the appointment was cancelled), the confirmed flag Y/N and
     * ASSIGNED_BY_ID — the parts the update sets.
     *
     * @param statuses the tenant's {@code crm.statuses}: our status name → the portal's STATUS_ID
     * @param zone     the tenant's time zone
     */
    public static Map<String, Object> update(String crmLeadId, LeadUpdate update, Fields names,
                                             Map<String, String> statuses, ZoneId zone) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (update.status() != null) {
            fields.put("STATUS_ID", statusId(update.status(), statuses));
        }
        if (update.appointmentCleared()) {
            fields.put(names.appointmentField(), "");
        } else if (update.appointmentAt() != null) {
            fields.put(names.appointmentField(), OffsetDateTime.ofInstant(update.appointmentAt(), zone)
                    .truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        if (update.confirmed() != null) {
            fields.put(names.confirmedField(), update.confirmed() ? "Y" : "N");
        }
        if (blankToNull(update.assignedTo()) != null) {
            fields.put("ASSIGNED_BY_ID", numericOrText(update.assignedTo().strip()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", numericOrText(crmLeadId));
        body.put("fields", fields);
        return body;
    }

    /**
     * The portal's STATUS_ID of our status: the tenant's {@code crm.statuses} when it names one, else Bitrix24's
     * default lead stages — NEW, IN_PROCESS (in processing; also confirmed, which the confirmed field tells apart),
     * JUNK (lost), CONVERTED (won) — and UC_NOSHOW (no-show, the custom stage {@code ./otklik crm-setup} creates).
     */
    public static String statusId(LeadStatus status, Map<String, String> statuses) {
        String own = statuses == null ? null : blankToNull(statuses.get(status.name()));
        if (own != null) {
            return own.strip();
        }
        return switch (status) {
            case NEW -> "NEW";
            case IN_PROCESSING, CONFIRMED -> STATUS_IN_PROCESS;
            case LOST -> "JUNK";
            case WON -> "CONVERTED";
            case NO_SHOW -> NO_SHOW_STATUS;
        };
    }

    /** "Стрижка — WhatsApp": the service, else what the client wants (the intent in Russian), and the channel. */
    public static String title(Channel channel, String intent, String serviceName) {
        String what = blankToNull(serviceName) != null ? serviceName.strip() : intentName(intent);
        return what + " — " + channelName(channel);
    }

    /** SOURCE_DESCRIPTION: where the lead came from, for the manager. */
    static String sourceDescription(Channel channel) {
        return SOURCE_DESCRIPTION + ": " + channelName(channel);
    }

    public static String channelName(Channel channel) {
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
    static Object numericOrText(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return id;
        }
    }
}
