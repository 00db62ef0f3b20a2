package io.otklik.reminder.noshow;

import io.otklik.events.EventTypes;
import io.otklik.platform.messaging.EventHandling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code lead_status_changed}: a manager's NO_SHOW in the CRM makes the lead's appointment a no-show. */
@ApplicationScoped
public class LeadStatusChangedListener {

    private final EventHandling handling;
    private final NoShowService service;

    public LeadStatusChangedListener(EventHandling handling, NoShowService service) {
        this.handling = handling;
        this.service = service;
    }

    @Incoming("lead-status-changed")
    public Uni<Void> onStatusChanged(String json) {
        return handling.handle("reminder.lead_status_changed", EventTypes.LEAD_STATUS_CHANGED, json,
                service::crmStatusChanged);
    }
}
