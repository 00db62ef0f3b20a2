package io.otklik.crm.sync;

import io.otklik.events.EventTypes;
import io.otklik.platform.messaging.EventHandling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code appointment_booked}: a CRM sync task is written in the inbox transaction, then the worker is woken. */
@ApplicationScoped
public class AppointmentBookedListener {

    public static final String CHANNEL = "appointment-booked";

    private final EventHandling handling;
    private final CrmSyncService sync;
    private final CrmSyncWorker worker;

    public AppointmentBookedListener(EventHandling handling, CrmSyncService sync, CrmSyncWorker worker) {
        this.handling = handling;
        this.sync = sync;
        this.worker = worker;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onAppointmentBooked(String json) {
        return handling.handle("crm-sync-service.appointment_booked", EventTypes.APPOINTMENT_BOOKED, json, sync::appointmentBooked)
                .invoke(worker::wakeUp);
    }
}
