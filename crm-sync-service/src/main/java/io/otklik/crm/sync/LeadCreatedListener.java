package io.otklik.crm.sync;

import io.otklik.events.EventTypes;
import io.otklik.platform.messaging.EventHandling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code lead_created}: a CRM sync task is written in the inbox transaction, then the worker is woken. */
@ApplicationScoped
public class LeadCreatedListener {

    public static final String CHANNEL = "lead-created";

    private final EventHandling handling;
    private final CrmSyncService sync;
    private final CrmSyncWorker worker;

    public LeadCreatedListener(EventHandling handling, CrmSyncService sync, CrmSyncWorker worker) {
        this.handling = handling;
        this.sync = sync;
        this.worker = worker;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onLeadCreated(String json) {
        return handling.handle("crm-sync-service.lead_created", EventTypes.LEAD_CREATED, json, sync::leadCreated)
                .invoke(worker::wakeUp);
    }
}
