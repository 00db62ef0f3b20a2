package io.otklik.crm.sync;

import io.otklik.events.EventTypes;
import io.otklik.platform.messaging.EventHandling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code lead_routed}: a CRM sync task is written in the inbox transaction, then the worker is woken. */
@ApplicationScoped
public class LeadRoutedListener {

    public static final String CHANNEL = "lead-routed";

    private final EventHandling handling;
    private final CrmSyncService sync;
    private final CrmSyncWorker worker;

    public LeadRoutedListener(EventHandling handling, CrmSyncService sync, CrmSyncWorker worker) {
        this.handling = handling;
        this.sync = sync;
        this.worker = worker;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onLeadRouted(String json) {
        return handling.handle("crm-sync-service.lead_routed", EventTypes.LEAD_ROUTED, json, sync::leadRouted)
                .invoke(worker::wakeUp);
    }
}
