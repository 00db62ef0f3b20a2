package io.otklik.routing.dialog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * What the dialog policy knows about a conversation before the new message.
 *
 * @param pending     what the client already said towards a booking
 * @param appointment the conversation's latest BOOKED or CONFIRMED appointment, or null
 */
public record DialogState(ConversationState state, Pending pending, Appointment appointment) {

    public DialogState {
        state = state == null ? ConversationState.IDLE : state;
        pending = pending == null ? Pending.NONE : pending;
    }

    public static DialogState fresh() {
        return new DialogState(ConversationState.IDLE, Pending.NONE, null);
    }

    /** The parts of a booking the client has given so far; every field optional. */
    public record Pending(String service, LocalDate date, LocalTime time) {

        public static final Pending NONE = new Pending(null, null, null);
    }

    /** An active appointment of the conversation; status BOOKED or CONFIRMED. */
    public record Appointment(UUID id, String serviceCode, String staffId, Instant startsAt, Instant endsAt,
                              String status) {

        public boolean booked() {
            return "BOOKED".equals(status);
        }
    }
}
