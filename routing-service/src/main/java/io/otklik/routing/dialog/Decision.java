package io.otklik.routing.dialog;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What to do about one inbound message: the reply, and the changes the dialog service applies and announces.
 *
 * @param reply    the Russian text sent back to the client (always exactly one)
 * @param fallback the bot did not understand and asked again (counts towards the fallback rate)
 * @param openLead open a lead for the conversation unless it has one
 * @param intent   the intent acted on (a bare time after an offer counts as booking)
 * @param booking  book a slot, or move the conversation's appointment; null for neither
 * @param confirm  confirm the conversation's BOOKED appointment
 * @param cancel   cancel the conversation's appointment
 * @param handoff  hand the conversation to a person; null for none
 * @param state    the conversation's state afterwards
 * @param pending  what stays pending afterwards
 * @param offered  the slots this reply offers, in the order named (stored, so "второй" can be read next); empty
 *                 when it offers none
 */
public record Decision(String reply, boolean fallback, boolean openLead, String intent, Booking booking,
                       boolean confirm, boolean cancel, Handoff handoff, ConversationState state,
                       DialogState.Pending pending, List<LocalDateTime> offered) {

    public Decision {
        offered = offered == null ? List.of() : List.copyOf(offered);
    }

    /** A decision that offers no slots. */
    public Decision(String reply, boolean fallback, boolean openLead, String intent, Booking booking,
                    boolean confirm, boolean cancel, Handoff handoff, ConversationState state,
                    DialogState.Pending pending) {
        this(reply, fallback, openLead, intent, booking, confirm, cancel, handoff, state, pending, List.of());
    }

    /**
     * A slot to book.
     *
     * @param reschedules      the appointment that moves to this slot, or null for a new appointment
     * @param previousStartsAt the moved appointment's old start, or null
     */
    public record Booking(String serviceCode, String serviceName, int price, String staffId, String staffName,
                          Instant startsAt, Instant endsAt, UUID reschedules, Instant previousStartsAt) {

        public boolean reschedule() {
            return reschedules != null;
        }
    }

    /** The person who takes over, and why (Russian, for their summary). */
    public record Handoff(String staffId, String staffName, String role, String telegramChatId, String reason) {
    }
}
