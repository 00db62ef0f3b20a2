package io.otklik.reminder.appointment;

import io.otklik.events.EventTypes;
import io.otklik.platform.messaging.EventHandling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code appointment_rescheduled}: move the appointment and re-plan its pending reminders. */
@ApplicationScoped
public class AppointmentRescheduledListener {

    private final EventHandling handling;
    private final AppointmentEventService service;

    public AppointmentRescheduledListener(EventHandling handling, AppointmentEventService service) {
        this.handling = handling;
        this.service = service;
    }

    @Incoming("appointment-rescheduled")
    public Uni<Void> onRescheduled(String json) {
        return handling.handle("reminder.appointment_rescheduled", EventTypes.APPOINTMENT_RESCHEDULED, json, service::rescheduled);
    }
}
