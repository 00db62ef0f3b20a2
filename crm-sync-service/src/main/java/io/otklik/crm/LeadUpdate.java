package io.otklik.crm;

import io.otklik.events.data.LeadStatus;
import java.time.Instant;

/**
 * What one CRM update of an existing lead writes; every part is optional (null / false = leave it as it is).
 *
 * @param status             the lead's new status
 * @param appointmentAt      the appointment's start, written to the appointment-time field
 * @param appointmentCleared the appointment was cancelled: the appointment-time field is emptied
 * @param confirmed          the "appointment confirmed" field: true = Y, false = N
 * @param assignedTo         the CRM user responsible for the lead (Bitrix24 ASSIGNED_BY_ID)
 */
public record LeadUpdate(LeadStatus status, Instant appointmentAt, boolean appointmentCleared, Boolean confirmed,
                         String assignedTo) {

    public static LeadUpdate status(LeadStatus status) {
        return new LeadUpdate(status, null, false, status == LeadStatus.CONFIRMED ? Boolean.TRUE : null, null);
    }

    public static LeadUpdate assign(String crmUserId) {
        return new LeadUpdate(null, null, false, null, crmUserId);
    }

    /** Whether there is nothing to write. */
    public boolean isEmpty() {
        return status == null && appointmentAt == null && !appointmentCleared && confirmed == null
                && (assignedTo == null || assignedTo.isBlank());
    }
}
