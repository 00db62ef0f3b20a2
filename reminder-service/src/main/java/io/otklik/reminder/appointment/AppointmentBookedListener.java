package io.otklik.reminder.appointment;

import io.otklik.events.EventTypes;
import io.otklik.platform.messaging.EventHandling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code appointment_booked}: store the appointment and plan its reminders. */
@ApplicationScoped
public class AppointmentBookedListener {

    private final EventHandling handling;
    private final AppointmentEventService service;

    public AppointmentBookedListener(EventHandling handling, AppointmentEventService service) {
        this.handling = handling;
        this.service = service;
    }

    @Incoming("appointment-booked")
    public Uni<Void> onBooked(String json) {
        return handling.handle("reminder.appointment_booked", EventTypes.APPOINTMENT_BOOKED, json, service::booked);
    }
}
