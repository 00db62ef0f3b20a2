package io.otklik.routing.dialog;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.InvalidEventException;
import io.otklik.events.data.ReminderSent;
import io.otklik.platform.messaging.EventHandling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code reminder_sent}: remembers, in the inbox transaction, which appointment the client was last reminded
 * of in that conversation, so the "да" or "не смогу" that follows confirms or cancels that one.
 */
@ApplicationScoped
public class ReminderSentListener {

    private static final Logger LOG = Logger.getLogger(ReminderSentListener.class);

    private final EventHandling handling;
    private final ConversationStore conversations;

    public ReminderSentListener(EventHandling handling, ConversationStore conversations) {
        this.handling = handling;
        this.conversations = conversations;
    }

    @Incoming("reminder-sent")
    public Uni<Void> onReminderSent(String json) {
        return handling.handle("routing.reminder_sent", EventTypes.REMINDER_SENT, json, this::remember);
    }

    Uni<Void> remember(EventEnvelope<ReminderSent> event) {
        ReminderSent r = event.data();
        if (r == null || r.appointmentId() == null || r.sentAt() == null) {
            throw new InvalidEventException("reminder_sent without appointmentId or sentAt");
        }
        if (r.conversationId() == null) {
            // a reminder outside any conversation (booked by staff): no reply can refer to it here
            return Uni.createFrom().voidItem();
        }
        return conversations.rememberReminder(event.tenantId(), r.conversationId(), r.appointmentId(), r.sentAt())
                .invoke(remembered -> LOG.infof("tenant=%s conversation=%s appointment=%s reminder=%s: %s",
                        event.tenantId(), r.conversationId(), r.appointmentId(), r.kind(),
                        remembered ? "a reply now answers this reminder" : "no such conversation or a newer"
                                + " reminder, ignored"))
                .replaceWithVoid();
    }
}
