package io.otklik.reminder.appointment;

import io.otklik.events.EventTypes;
import io.otklik.platform.messaging.EventHandling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code appointment_confirmed}: mark the appointment confirmed (its reminders stay). */
@ApplicationScoped
public class AppointmentConfirmedListener {

    private final EventHandling handling;
    private final AppointmentEventService service;

    public AppointmentConfirmedListener(EventHandling handling, AppointmentEventService service) {
        this.handling = handling;
        this.service = service;
    }

    @Incoming("appointment-confirmed")
    public Uni<Void> onConfirmed(String json) {
        return handling.handle("reminder.appointment_confirmed", EventTypes.APPOINTMENT_CONFIRMED, json, service::confirmed);
    }
}
