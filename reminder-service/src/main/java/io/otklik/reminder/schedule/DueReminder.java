package io.otklik.reminder.schedule;

import io.otklik.reminder.appointment.AppointmentStatus;
import io.otklik.platform.db.Rows;
import java.time.Instant;
import java.util.UUID;

/** A pending reminder whose time has come, with what sending it needs from its appointment. Holds personal data. */
public record DueReminder(UUID reminderId, String tenantId, UUID appointmentId, String kind, Instant dueAt,
                          String variant, String conversationId, String channel, String channelAccountId,
                          String contactUserId, String contactName, String contactPhone, String serviceName,
                          String staffName, Instant startsAt, String timezone, AppointmentStatus appointmentStatus) {

    static final String COLUMNS = "r.id, r.tenant_id, r.appointment_id, r.kind, r.due_at, r.variant,"
            + " a.conversation_id, a.channel, a.channel_account_id, a.contact_user_id, a.contact_name,"
            + " a.contact_phone, a.service_name, a.staff_name, a.starts_at, a.timezone, a.status";

    static DueReminder of(Object[] r) {
        return new DueReminder(Rows.uuid(r[0]), Rows.text(r[1]), Rows.uuid(r[2]), Rows.text(r[3]),
                Rows.instant(r[4]), Rows.text(r[5]), Rows.text(r[6]), Rows.text(r[7]), Rows.text(r[8]),
                Rows.text(r[9]), Rows.text(r[10]), Rows.text(r[11]), Rows.text(r[12]), Rows.text(r[13]),
                Rows.instant(r[14]), Rows.text(r[15]), AppointmentStatus.valueOf((String) r[16]));
    }

    /** Kafka key and subject of what the reminder emits: the conversation, else the appointment. */
    public String key() {
        return conversationId != null ? conversationId : appointmentId.toString();
    }
}
