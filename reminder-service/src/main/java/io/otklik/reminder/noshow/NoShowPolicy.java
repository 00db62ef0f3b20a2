package io.otklik.reminder.noshow;

import io.otklik.reminder.appointment.AppointmentStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * When a visit counts as missed without anyone saying so, where the tenant enables it
 * ({@code reminders.noShowAfterHours} above 0): still open (not cancelled, not settled), no attendance mark, and
 * {@code noShowAfterHours} have passed since it should have ended (its end, else its start).
 */
public final class NoShowPolicy {

    /** Who decided, in the no_show event, when the timeout rather than a person did. */
    public static final String MARKED_BY = "reminder-service";
    /** Who decided, in the no_show event, when a manager set the lead's CRM status to NO_SHOW. */
    public static final String MARKED_BY_CRM = "crm";

    private NoShowPolicy() {
    }

    /** An appointment as the policy sees it; {@code marked} = a staff member recorded attendance. */
    public record Visit(AppointmentStatus status, boolean marked, Instant startsAt, Instant endsAt) {

        /** When the visit should have ended: its end, else its start. */
        public Instant over() {
            return endsAt != null ? endsAt : startsAt;
        }
    }

    /** Whether the timeout is on: {@code noShowAfterHours} set and above 0. */
    public static boolean enabled(Integer noShowAfterHours) {
        return noShowAfterHours != null && noShowAfterHours > 0;
    }

    /** The instant from which an unmarked visit is a no-show: its end (else start) plus the grace hours. */
    public static Instant deadline(Visit visit, int noShowAfterHours) {
        return visit.over().plus(Duration.ofHours(noShowAfterHours));
    }

    /** Whether the timeout makes the visit a no-show at {@code now}; never when the tenant has it off. */
    public static boolean isNoShow(Visit visit, Integer noShowAfterHours, Instant now) {
        return enabled(noShowAfterHours) && visit.status().open() && !visit.marked()
                && !now.isBefore(deadline(visit, noShowAfterHours));
    }
}
