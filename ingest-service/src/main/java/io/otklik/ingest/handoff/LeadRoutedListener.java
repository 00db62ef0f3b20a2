package io.otklik.ingest.handoff;

import io.otklik.events.EventTypes;
import io.otklik.platform.messaging.EventHandling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code lead_routed}: when the rule said {@code + notify} and a person got the lead, store the alert in the
 * inbox transaction, then send it.
 */
@ApplicationScoped
public class LeadRoutedListener {

    private final EventHandling handling;
    private final LeadAlertService alerts;

    public LeadRoutedListener(EventHandling handling, LeadAlertService alerts) {
        this.handling = handling;
        this.alerts = alerts;
    }

    @Incoming("lead-routed")
    public Uni<Void> onLeadRouted(String json) {
        return handling.process("ingest.lead_routed", EventTypes.LEAD_ROUTED, json, alerts::reserve)
                .chain(processed -> processed.result() != null
                        ? alerts.deliver(processed.result())
                        : Uni.createFrom().voidItem());
    }
}
