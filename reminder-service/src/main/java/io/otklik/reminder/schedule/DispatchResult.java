package io.otklik.reminder.schedule;

import java.util.List;
import java.util.UUID;

/** What one tick did: reminders sent and skipped, appointments marked no-show. */
public record DispatchResult(List<UUID> sentReminders, List<UUID> skippedReminders, List<UUID> noShows) {
}
