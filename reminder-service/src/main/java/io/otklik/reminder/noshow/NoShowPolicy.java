package io.otklik.reminder.noshow;

import io.otklik.reminder.appointment.AppointmentStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * When a visit counts as missed without anyone saying so: still open (not cancelled, not settled), no attendance
 * mark, and {@code noShowAfterHours} have passed since it should have started.
 */
public final class NoShowPolicy {

    /** Who decided, in the no_show event, when the timeout rather than a person did. */
    public static final String MARKED_BY = "reminder-service";

    private NoShowPolicy() {
    }

    /** An appointment as the policy sees it; {@code marked} = a staff member recorded attendance. */
    public record Visit(AppointmentStatus status, boolean marked, Instant startsAt) {
    }

    /** The instant from which an unmarked visit is a no-show. */
    public static Instant deadline(Instant startsAt, int noShowAfterHours) {
        return startsAt.plus(Duration.ofHours(noShowAfterHours));
    }

    public static boolean isNoShow(Visit visit, int noShowAfterHours, Instant now) {
        return visit.status().open() && !visit.marked()
                && !now.isBefore(deadline(visit.startsAt(), noShowAfterHours));
    }
}
