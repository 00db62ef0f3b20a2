package io.otklik.events;

import java.util.List;

/** Kafka topic names: one per business event, snake_case, as DESIGN.md names them. Constants so annotations can use them. */
public final class Topics {

    public static final String MESSAGE_RECEIVED = "message_received";
    public static final String MESSAGE_CLASSIFIED = "message_classified";
    public static final String REPLY_REQUESTED = "reply_requested";
    public static final String REPLY_SENT = "reply_sent";
    public static final String REPLY_FAILED = "reply_failed";
    public static final String LEAD_CREATED = "lead_created";
    public static final String LEAD_ROUTED = "lead_routed";
    public static final String HANDOFF_REQUESTED = "handoff_requested";
    public static final String APPOINTMENT_BOOKED = "appointment_booked";
    public static final String APPOINTMENT_CONFIRMED = "appointment_confirmed";
    public static final String APPOINTMENT_CANCELLED = "appointment_cancelled";
    public static final String APPOINTMENT_RESCHEDULED = "appointment_rescheduled";
    public static final String REMINDER_SENT = "reminder_sent";
    public static final String LEAD_STATUS_CHANGED = "lead_status_changed";
    public static final String NO_SHOW = "no_show";
    public static final String INTENT_FEEDBACK = "intent_feedback";
    public static final String REPLY_DRAFTED = "reply_drafted";
    public static final String DRAFT_REVIEWED = "draft_reviewed";

    /** Suffix of the dead-letter topic that goes with every event topic. */
    public static final String DLQ_SUFFIX = ".dlq";

    /** Partitions of every event topic; dead-letter topics get one. */
    public static final int PARTITIONS = 6;

    private Topics() {
    }

    /** Every event topic, in the order of the event flow. */
    public static List<String> all() {
        return EventTypes.ALL.stream().map(EventType::topic).toList();
    }

    public static String deadLetter(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
