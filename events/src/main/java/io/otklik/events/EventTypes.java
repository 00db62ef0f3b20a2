package io.otklik.events;

import io.otklik.events.data.AppointmentBooked;
import io.otklik.events.data.AppointmentCancelled;
import io.otklik.events.data.AppointmentConfirmed;
import io.otklik.events.data.AppointmentRescheduled;
import io.otklik.events.data.DraftReviewed;
import io.otklik.events.data.HandoffRequested;
import io.otklik.events.data.IntentFeedback;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.LeadRouted;
import io.otklik.events.data.LeadStatusChanged;
import io.otklik.events.data.MessageClassified;
import io.otklik.events.data.MessageReceived;
import io.otklik.events.data.NoShow;
import io.otklik.events.data.ReminderSent;
import io.otklik.events.data.ReplyDrafted;
import io.otklik.events.data.ReplyFailed;
import io.otklik.events.data.ReplyRequested;
import io.otklik.events.data.ReplySent;
import java.util.List;
import java.util.Optional;

/** The catalogue of events: topic, payload record and schema version of each. */
public final class EventTypes {

    public static final EventType<MessageReceived> MESSAGE_RECEIVED =
            new EventType<>(Topics.MESSAGE_RECEIVED, MessageReceived.class, 1);
    public static final EventType<MessageClassified> MESSAGE_CLASSIFIED =
            new EventType<>(Topics.MESSAGE_CLASSIFIED, MessageClassified.class, 1);
    public static final EventType<ReplyRequested> REPLY_REQUESTED =
            new EventType<>(Topics.REPLY_REQUESTED, ReplyRequested.class, 1);
    public static final EventType<ReplySent> REPLY_SENT = new EventType<>(Topics.REPLY_SENT, ReplySent.class, 1);
    public static final EventType<ReplyFailed> REPLY_FAILED = new EventType<>(Topics.REPLY_FAILED, ReplyFailed.class, 1);
    public static final EventType<LeadCreated> LEAD_CREATED = new EventType<>(Topics.LEAD_CREATED, LeadCreated.class, 1);
    public static final EventType<LeadRouted> LEAD_ROUTED = new EventType<>(Topics.LEAD_ROUTED, LeadRouted.class, 1);
    public static final EventType<HandoffRequested> HANDOFF_REQUESTED =
            new EventType<>(Topics.HANDOFF_REQUESTED, HandoffRequested.class, 1);
    public static final EventType<AppointmentBooked> APPOINTMENT_BOOKED =
            new EventType<>(Topics.APPOINTMENT_BOOKED, AppointmentBooked.class, 1);
    public static final EventType<AppointmentConfirmed> APPOINTMENT_CONFIRMED =
            new EventType<>(Topics.APPOINTMENT_CONFIRMED, AppointmentConfirmed.class, 1);
    public static final EventType<AppointmentCancelled> APPOINTMENT_CANCELLED =
            new EventType<>(Topics.APPOINTMENT_CANCELLED, AppointmentCancelled.class, 1);
    public static final EventType<AppointmentRescheduled> APPOINTMENT_RESCHEDULED =
            new EventType<>(Topics.APPOINTMENT_RESCHEDULED, AppointmentRescheduled.class, 1);
    public static final EventType<ReminderSent> REMINDER_SENT =
            new EventType<>(Topics.REMINDER_SENT, ReminderSent.class, 1);
    public static final EventType<LeadStatusChanged> LEAD_STATUS_CHANGED =
            new EventType<>(Topics.LEAD_STATUS_CHANGED, LeadStatusChanged.class, 1);
    public static final EventType<NoShow> NO_SHOW = new EventType<>(Topics.NO_SHOW, NoShow.class, 1);
    public static final EventType<IntentFeedback> INTENT_FEEDBACK =
            new EventType<>(Topics.INTENT_FEEDBACK, IntentFeedback.class, 1);
    public static final EventType<ReplyDrafted> REPLY_DRAFTED =
            new EventType<>(Topics.REPLY_DRAFTED, ReplyDrafted.class, 1);
    public static final EventType<DraftReviewed> DRAFT_REVIEWED =
            new EventType<>(Topics.DRAFT_REVIEWED, DraftReviewed.class, 1);

    /** Every event type, in the order of the event flow. */
    public static final List<EventType<?>> ALL = List.of(MESSAGE_RECEIVED, MESSAGE_CLASSIFIED, REPLY_REQUESTED,
            REPLY_SENT, REPLY_FAILED, LEAD_CREATED, LEAD_ROUTED, HANDOFF_REQUESTED, APPOINTMENT_BOOKED,
            APPOINTMENT_CONFIRMED, APPOINTMENT_CANCELLED, APPOINTMENT_RESCHEDULED, REMINDER_SENT,
            LEAD_STATUS_CHANGED, NO_SHOW, INTENT_FEEDBACK, REPLY_DRAFTED, DRAFT_REVIEWED);

    private EventTypes() {
    }

    /** The event type published on a topic, if the topic is one of ours. */
    public static Optional<EventType<?>> byTopic(String topic) {
        return ALL.stream().filter(t -> t.topic().equals(topic)).findFirst();
    }
}
