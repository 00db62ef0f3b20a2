package io.otklik.routing.dialog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the dialog policy knows about a conversation before the new message.
 *
 * @param pending     what the client already said towards a booking
 * @param appointment the conversation's latest BOOKED or CONFIRMED appointment, or null; after a reminder, the
 *                    reminded one
 * @param offered     the slots the bot offered last (local times, in the order named); empty when none
 * @param phoneKnown  the client's phone is known (the channel gave it, or the client wrote it)
 * @param nameKnown   the client's name is known
 * @param reminded    {@code appointment} is the one reminder-service last reminded the client of: a "да" or "не
 *                    смогу" answers that reminder
 * @param variants    the conversation's variants of the tenant's script experiments (experiment id → variant name):
 *                    their texts replace the usual ones; empty when none
 */
public record DialogState(ConversationState state, Pending pending, Appointment appointment,
                          List<LocalDateTime> offered, boolean phoneKnown, boolean nameKnown, boolean reminded,
                          Map<String, String> variants) {

    public DialogState {
        state = state == null ? ConversationState.IDLE : state;
        pending = pending == null ? Pending.NONE : pending;
        offered = offered == null ? List.of() : List.copyOf(offered);
        variants = variants == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variants));
    }

    /** Outside any experiment. */
    public DialogState(ConversationState state, Pending pending, Appointment appointment,
                       List<LocalDateTime> offered, boolean phoneKnown, boolean nameKnown, boolean reminded) {
        this(state, pending, appointment, offered, phoneKnown, nameKnown, reminded, null);
    }

    /** A client whose phone and name are known, nothing offered, no reminder. */
    public DialogState(ConversationState state, Pending pending, Appointment appointment) {
        this(state, pending, appointment, List.of(), true, true, false);
    }

    public static DialogState fresh() {
        return new DialogState(ConversationState.IDLE, Pending.NONE, null);
    }

    /**
     * The parts of a booking the client has given so far; every field optional.
     *
     * @param staffId the specialist the client asked for ("к Анне"), or null for whoever is free
     */
    public record Pending(String service, LocalDate date, LocalTime time, String staffId) {

        public static final Pending NONE = new Pending(null, null, null, null);

        /** Without a preferred specialist. */
        public Pending(String service, LocalDate date, LocalTime time) {
            this(service, date, time, null);
        }
    }

    /** An active appointment of the conversation; status BOOKED or CONFIRMED. */
    public record Appointment(UUID id, String serviceCode, String staffId, Instant startsAt, Instant endsAt,
                              String status) {

        public boolean booked() {
            return "BOOKED".equals(status);
        }
    }
}
