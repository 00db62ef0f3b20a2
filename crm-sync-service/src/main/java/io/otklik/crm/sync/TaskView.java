package io.otklik.crm.sync;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * A sync task as the admin API shows it (no client data: the payload stays in the database).
 *
 * @param operation     ADD_LEAD, SET_STATUS or UPDATE_LEAD
 * @param status        PENDING, DONE or FAILED
 * @param attempts      calls started
 * @param lastError     why the last call failed: the CRM's error code, HTTP status and description
 * @param nextAttemptAt when a PENDING task is tried next
 * @param cause         the event that asked for a SET_STATUS / UPDATE_LEAD (appointment_booked, lead_routed, …)
 * @param targetStatus  the status a SET_STATUS asks for
 */
@RegisterForReflection
public record TaskView(long id, UUID leadId, String operation, String status, int attempts, String lastError,
                       Instant nextAttemptAt, Instant createdAt, Instant updatedAt, String cause,
                       String targetStatus) {
}
