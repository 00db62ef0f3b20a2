package io.otklik.routing.dialog;

/** Where a conversation's dialog stands; stored in {@code conversation.state}. */
public enum ConversationState {
    /** nothing pending */
    IDLE,
    /** a booking is being put together: the bot asked for the service, day or time */
    COLLECTING,
    /** the bot answered a price question and offered to book */
    QUOTED,
    /** the requested time was not free and the bot offered alternatives */
    OFFERED,
    /** the client wants to move their appointment and the bot asked for the new time */
    RESCHEDULING,
    /** an appointment was booked and awaits the client's confirmation */
    BOOKED,
    /** the client confirmed */
    CONFIRMED,
    /** the client cancelled */
    CANCELLED,
    /** a person took over (complaint, urgent) */
    HANDOFF;

    /** The states in which the client's next message may complete a booking with just a day or a time. */
    public boolean collectsBooking() {
        return this == COLLECTING || this == QUOTED || this == OFFERED;
    }

    public static ConversationState parse(String value) {
        if (value == null) {
            return IDLE;
        }
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            return IDLE;
        }
    }
}
