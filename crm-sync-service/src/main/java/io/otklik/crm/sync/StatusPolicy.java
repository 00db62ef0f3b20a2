package io.otklik.crm.sync;

import io.otklik.events.EventTypes;
import io.otklik.events.data.LeadStatus;

/**
 * Which status an event may write to a lead. Appointment events come on different topics, so the order in which
 * they are consumed is not always the order in which they happened; a lead therefore only moves forward:
 * New → In processing → Confirmed → No-show, and Won / Lost are final (nothing we consume undoes them). The one way
 * back is a cancellation: the appointment is gone but the client is not, so a salon manager expects the lead back
 * In processing (call the client, offer another time) rather than junked; a cancellation never reopens a no-show or
 * a final lead.
 * <p>
 * The appointment time is written apart from the status: a reschedule after a confirmation moves the time and keeps
 * the lead Confirmed; a booking writes its time to a New or In-processing lead (a rebooking after a cancellation)
 * but not to a Confirmed one (a booking consumed after its confirmation must not undo a reschedule that moved the
 * confirmed time); nothing is written to a no-show or a final lead.
 */
public final class StatusPolicy {

    private StatusPolicy() {
    }

    /** The lead's progress; outcomes after Confirmed rank above it, final ones highest. */
    static int rank(LeadStatus status) {
        return switch (status) {
            case NEW -> 0;
            case IN_PROCESSING -> 1;
            case CONFIRMED -> 2;
            case NO_SHOW -> 3;
            case LOST, WON -> 4;
        };
    }

    /** Won and Lost: the deal is over; we never write another status to such a lead. */
    public static boolean isFinal(LeadStatus status) {
        return status == LeadStatus.LOST || status == LeadStatus.WON;
    }

    /** Whether writing {@code target} to a lead now at {@code current} moves it forward. */
    public static boolean movesForward(LeadStatus current, LeadStatus target) {
        if (current == null) {
            return true;
        }
        if (isFinal(current)) {
            return false;
        }
        return rank(target) > rank(current);
    }

    /** The status the change writes to a lead now at {@code current}, or null when it writes none. */
    public static LeadStatus target(LeadStatus current, StatusChange change) {
        if (change.status() == null || (current != null && isFinal(current))) {
            return null;
        }
        if (change.cancelled()) {
            return current == LeadStatus.IN_PROCESSING || current == LeadStatus.NO_SHOW ? null
                    : LeadStatus.IN_PROCESSING;
        }
        return movesForward(current, change.status()) ? change.status() : null;
    }

    /** Whether the change may write the appointment time (or empty it) on a lead now at {@code current}. */
    public static boolean writesAppointment(LeadStatus current, StatusChange change, LeadStatus target) {
        if (current == LeadStatus.NO_SHOW || (current != null && isFinal(current))) {
            return false;
        }
        if (change.status() == null) {
            return false;
        }
        if (change.cancelled() || EventTypes.APPOINTMENT_RESCHEDULED.topic().equals(change.cause())) {
            return true;
        }
        // a booking: a new lead's, or a rebooking after a cancellation; not a late one after the confirmation
        return target != null || current == null || rank(current) <= rank(LeadStatus.IN_PROCESSING);
    }
}
