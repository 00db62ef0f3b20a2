package io.otklik.reminder.admin;

import io.otklik.reminder.schedule.DispatchResult;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What {@code POST /api/v1/admin/clock} did: the clock after the move and what the tick at that time did.
 *
 * @param now       the service's time after the move (the tick ran at this instant)
 * @param offset    how far the clock is now ahead of the real time (ISO-8601 duration)
 * @param sent      reminders sent by this tick (reminder ids)
 * @param skipped   due reminders skipped (a later one of the same visit was due too, the visit started, …)
 * @param noShows   appointments this tick marked no-show (timeout)
 * @param followUps appointments whose missing confirmation this tick handed to staff
 * @param held      due reminders held back by quiet hours
 */
@RegisterForReflection
public record ClockTickView(Instant now, String offset, List<UUID> sent, List<UUID> skipped, List<UUID> noShows,
                            List<UUID> followUps, List<UUID> held) {

    static ClockTickView of(Instant now, Duration offset, DispatchResult r) {
        return new ClockTickView(now, offset.toString(), r.sentReminders(), r.skippedReminders(), r.noShows(), r.followUps(),
                r.heldReminders());
    }
}
