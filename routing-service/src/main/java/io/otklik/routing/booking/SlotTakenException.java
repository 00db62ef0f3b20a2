package io.otklik.routing.booking;

/**
 * The database refused an appointment because it overlaps another one of the same specialist (the exclusion
 * constraint {@code appointment_no_overlap}, SQLSTATE 23P01).
 */
public class SlotTakenException extends RuntimeException {

    public SlotTakenException(String staffId) {
        super("the slot of staff '" + staffId + "' is taken");
    }
}
