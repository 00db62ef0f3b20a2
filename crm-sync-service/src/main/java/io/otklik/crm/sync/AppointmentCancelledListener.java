package io.otklik.crm.sync;

import io.otklik.events.EventTypes;
import io.otklik.platform.messaging.EventHandling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code appointment_cancelled}: a CRM sync task is written in the inbox transaction, then the worker is woken. */
@ApplicationScoped
public class AppointmentCancelledListener {

    public static final String CHANNEL = "appointment-cancelled";

    private final EventHandling handling;
    private final CrmSyncService sync;
    private final CrmSyncWorker worker;

    public AppointmentCancelledListener(EventHandling handling, CrmSyncService sync, CrmSyncWorker worker) {
        this.handling = handling;
        this.sync = sync;
        this.worker = worker;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onAppointmentCancelled(String json) {
        return handling.handle("crm-sync-service.appointment_cancelled", EventTypes.APPOINTMENT_CANCELLED, json, sync::appointmentCancelled)
                .invoke(worker::wakeUp);
    }
}
