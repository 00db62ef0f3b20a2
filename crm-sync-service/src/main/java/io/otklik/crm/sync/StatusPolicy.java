package io.otklik.crm.sync;

import io.otklik.events.data.LeadStatus;

/**
 * A lead only moves forward, New → In processing → Confirmed (seed 004). Appointment events come on different
 * topics, so a late {@code appointment_booked} after {@code appointment_confirmed} must not undo the confirmation;
 * LOST is final.
 */
public final class StatusPolicy {

    private StatusPolicy() {
    }

    /** Whether writing {@code target} to a lead now at {@code current} changes anything. */
    public static boolean movesForward(LeadStatus current, LeadStatus target) {
        if (current == null) {
            return true;
        }
        if (current == LeadStatus.LOST) {
            return false;
        }
        return target.ordinal() > current.ordinal();
    }
}
