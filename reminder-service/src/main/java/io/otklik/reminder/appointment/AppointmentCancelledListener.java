package io.otklik.reminder.appointment;

import io.otklik.events.EventTypes;
import io.otklik.platform.messaging.EventHandling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code appointment_cancelled}: mark the appointment cancelled and cancel its pending reminders. */
@ApplicationScoped
public class AppointmentCancelledListener {

    private final EventHandling handling;
    private final AppointmentEventService service;

    public AppointmentCancelledListener(EventHandling handling, AppointmentEventService service) {
        this.handling = handling;
        this.service = service;
    }

    @Incoming("appointment-cancelled")
    public Uni<Void> onCancelled(String json) {
        return handling.handle("reminder.appointment_cancelled", EventTypes.APPOINTMENT_CANCELLED, json, service::cancelled);
    }
}
