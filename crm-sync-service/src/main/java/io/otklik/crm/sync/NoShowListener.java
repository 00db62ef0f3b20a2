package io.otklik.crm.sync;

import io.otklik.events.EventTypes;
import io.otklik.platform.messaging.EventHandling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code no_show}: a CRM sync task is written in the inbox transaction, then the worker is woken. */
@ApplicationScoped
public class NoShowListener {

    public static final String CHANNEL = "no-show";

    private final EventHandling handling;
    private final CrmSyncService sync;
    private final CrmSyncWorker worker;

    public NoShowListener(EventHandling handling, CrmSyncService sync, CrmSyncWorker worker) {
        this.handling = handling;
        this.sync = sync;
        this.worker = worker;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onNoShow(String json) {
        return handling.handle("crm-sync-service.no_show", EventTypes.NO_SHOW, json, sync::noShow)
                .invoke(worker::wakeUp);
    }
}
