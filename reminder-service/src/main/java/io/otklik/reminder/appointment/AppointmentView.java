package io.otklik.reminder.appointment;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * An appointment as the API shows it (no contact data: the CRM and routing-service hold that).
 *
 * @param attendance the staff mark, if any
 */
@RegisterForReflection(ignoreNested = false)
public record AppointmentView(UUID id, String status, Instant startsAt, Instant endsAt, String timezone,
                              String serviceName, String staffName, String channel, String conversationId,
                              UUID leadId, Attendance attendance) {

    /** A staff member's attendance mark. */
    @RegisterForReflection
    public record Attendance(boolean attended, String markedBy, Instant markedAt) {
    }
}
