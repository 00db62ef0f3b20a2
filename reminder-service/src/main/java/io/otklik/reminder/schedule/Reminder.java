package io.otklik.reminder.schedule;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * One reminder of an appointment, as stored and as GET /api/v1/appointments/{id}/reminders shows it.
 *
 * @param skipReason why it was SKIPPED ({@link SkipReason}); null otherwise
 */
@RegisterForReflection
public record Reminder(UUID id, UUID appointmentId, String kind, Instant dueAt, ReminderStatus status,
                       Instant sentAt, UUID replyId, String variant, String skipReason) {
}
