package io.otklik.reminder.attendance;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored attendance mark, as the API answers it.
 *
 * @param status the appointment's status after the mark (ATTENDED or NO_SHOW)
 */
@RegisterForReflection
public record AttendanceView(UUID appointmentId, boolean attended, String markedBy, Instant markedAt, String status) {
}
