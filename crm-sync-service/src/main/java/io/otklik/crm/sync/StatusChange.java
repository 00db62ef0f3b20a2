package io.otklik.crm.sync;

import io.otklik.events.data.LeadStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * The payload of a SET_STATUS or UPDATE_LEAD task: what an event asks of an existing CRM lead.
 *
 * @param status        the status the event moves the lead to ({@link StatusPolicy} decides whether it does); null
 *                      when the event sets no status (lead_routed)
 * @param cause         the event type that asked for it (appointment_booked, appointment_confirmed, …)
 * @param appointmentAt the appointment's (new) start, for the appointment-time field; null when the event has none
 * @param cancelled     the appointment was cancelled: the appointment time is emptied and the lead goes back to
 *                      In processing
 * @param assignee      lead_routed: our staff id responsible for the lead (mapped through {@code crm.users})
 */
@RegisterForReflection
public record StatusChange(LeadStatus status, UUID appointmentId, String conversationId, String cause,
                           Instant appointmentAt, boolean cancelled, String assignee) {

    /** A status change without appointment time (as written before the time was synced). */
    public StatusChange(LeadStatus status, UUID appointmentId, String conversationId, String cause) {
        this(status, appointmentId, conversationId, cause, null, false, null);
    }
}
