package io.otklik.crm.sync;

import io.otklik.events.EventTypes;
import io.otklik.platform.messaging.EventHandling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code appointment_rescheduled}: a CRM sync task is written in the inbox transaction, then the worker is woken. */
@ApplicationScoped
public class AppointmentRescheduledListener {

    public static final String CHANNEL = "appointment-rescheduled";

    private final EventHandling handling;
    private final CrmSyncService sync;
    private final CrmSyncWorker worker;

    public AppointmentRescheduledListener(EventHandling handling, CrmSyncService sync, CrmSyncWorker worker) {
        this.handling = handling;
        this.sync = sync;
        this.worker = worker;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onAppointmentRescheduled(String json) {
        return handling.handle("crm-sync-service.appointment_rescheduled", EventTypes.APPOINTMENT_RESCHEDULED, json, sync::appointmentRescheduled)
                .invoke(worker::wakeUp);
    }
}
