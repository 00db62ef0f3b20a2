package io.otklik.reminder.schedule;

import java.util.List;
import java.util.UUID;

/**
 * What one tick did: reminders sent and skipped, appointments marked no-show, appointments whose missing
 * confirmation was handed to staff (follow-ups), and due reminders held back because they fell in quiet hours.
 */
public record DispatchResult(List<UUID> sentReminders, List<UUID> skippedReminders, List<UUID> noShows,
                             List<UUID> followUps, List<UUID> heldReminders) {

    public DispatchResult {
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
        heldReminders = heldReminders == null ? List.of() : List.copyOf(heldReminders);
    }

    public DispatchResult(List<UUID> sentReminders, List<UUID> skippedReminders, List<UUID> noShows) {
        this(sentReminders, skippedReminders, noShows, null, null);
    }
}
