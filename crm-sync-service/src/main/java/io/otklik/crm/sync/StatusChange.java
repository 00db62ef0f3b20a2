package io.otklik.crm.sync;

import io.otklik.events.data.LeadStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * The payload of a SET_STATUS task.
 *
 * @param cause the event type that asked for it (appointment_booked, appointment_confirmed)
 */
@RegisterForReflection
public record StatusChange(LeadStatus status, UUID appointmentId, String conversationId, String cause) {
}
