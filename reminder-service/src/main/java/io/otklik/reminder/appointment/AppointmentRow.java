package io.otklik.reminder.appointment;

import io.otklik.platform.db.Rows;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * An appointment as stored. Contact fields are personal data: never log them unmasked.
 *
 * @param bookedAt when appointment_booked arrived; null while only events that overtook it are known
 */
public record AppointmentRow(UUID id, String tenantId, String conversationId, UUID leadId, String clientId,
                             String channel, String channelAccountId, String contactUserId, String contactName,
                             String contactPhone, String serviceCode, String serviceName, String staffId,
                             String staffName, Instant startsAt, Instant endsAt, String timezone,
                             AppointmentStatus status, Instant bookedAt, Instant updatedAt) {

    /** The columns {@link #of(Object[])} reads, in order, for {@code select ... from appointment a}. */
    public static final String COLUMNS = "a.id, a.tenant_id, a.conversation_id, a.lead_id, a.client_id, a.channel,"
            + " a.channel_account_id, a.contact_user_id, a.contact_name, a.contact_phone, a.service_code,"
            + " a.service_name, a.staff_id, a.staff_name, a.starts_at, a.ends_at, a.timezone, a.status, a.booked_at,"
            + " a.updated_at";

    public static AppointmentRow of(Object[] r) {
        return new AppointmentRow(Rows.uuid(r[0]), Rows.text(r[1]), Rows.text(r[2]), Rows.uuid(r[3]),
                Rows.text(r[4]), Rows.text(r[5]), Rows.text(r[6]), Rows.text(r[7]), Rows.text(r[8]),
                Rows.text(r[9]), Rows.text(r[10]), Rows.text(r[11]), Rows.text(r[12]), Rows.text(r[13]),
                Rows.instant(r[14]), Rows.instant(r[15]), Rows.text(r[16]), AppointmentStatus.valueOf((String) r[17]),
                Rows.instant(r[18]), Rows.instant(r[19]));
    }

    /** The booking itself has arrived (contact, channel, service known). */
    public boolean booked() {
        return bookedAt != null;
    }

    /** Kafka key and event subject: the conversation, or the appointment where there is none. */
    public String key() {
        return conversationId != null ? conversationId : id.toString();
    }

    /** The visit's time zone, or the given fallback (the tenant's) when missing or not an IANA id. */
    public ZoneId zone(ZoneId fallback) {
        if (timezone == null || timezone.isBlank()) {
            return fallback;
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return fallback;
        }
    }
}
