package io.otklik.crm.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventJson;
import io.otklik.events.EventTypes;
import io.otklik.events.data.AppointmentBooked;
import io.otklik.events.data.AppointmentCancelled;
import io.otklik.events.data.AppointmentConfirmed;
import io.otklik.events.data.AppointmentRescheduled;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.LeadRouted;
import io.otklik.events.data.LeadStatus;
import io.otklik.events.data.NoShow;
import io.otklik.platform.tenant.TenantRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns consumed events into CRM sync tasks, inside the consuming (inbox) transaction: no CRM call happens here,
 * {@link CrmSyncWorker} makes it after the commit.
 */
@ApplicationScoped
public class CrmSyncService {

    private static final Logger LOG = Logger.getLogger(CrmSyncService.class);

    private final SyncTaskStore store;
    private final TenantRegistry tenants;
    private final CrmClients clients;
    private final Clock clock;

    public CrmSyncService(SyncTaskStore store, TenantRegistry tenants, CrmClients clients, Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.clients = clients;
        this.clock = clock;
    }

    /** lead_created → add the lead to the tenant's CRM. */
    public Uni<Void> leadCreated(EventEnvelope<LeadCreated> event) {
        LeadCreated lead = event.data();
        if (lead.leadId() == null) {
            throw new IllegalArgumentException("lead_created " + event.id() + " has no leadId");
        }
        if (!syncs(event.tenantId())) {
            return Uni.createFrom().voidItem();
        }
        return store.insert(event.tenantId(), lead.leadId(), SyncTask.Operation.ADD_LEAD, json(lead), clock.instant())
                .invoke(inserted -> LOG.infof("tenant=%s lead=%s conversation=%s %s", event.tenantId(),
                        lead.leadId(), lead.conversationId(), inserted ? "queued for the CRM"
                                : "already queued for the CRM, ignored"))
                .replaceWithVoid();
    }

    /** appointment_booked → the lead is in processing, with the appointment's time. */
    public Uni<Void> appointmentBooked(EventEnvelope<AppointmentBooked> event) {
        AppointmentBooked a = event.data();
        return statusChange(event, a.leadId(), new StatusChange(LeadStatus.IN_PROCESSING, a.appointmentId(),
                a.conversationId(), EventTypes.APPOINTMENT_BOOKED.topic(), a.startsAt(), false, null));
    }

    /** appointment_rescheduled → the new time (the status stays, or becomes In processing for a New lead). */
    public Uni<Void> appointmentRescheduled(EventEnvelope<AppointmentRescheduled> event) {
        AppointmentRescheduled a = event.data();
        return statusChange(event, a.leadId(), new StatusChange(LeadStatus.IN_PROCESSING, a.appointmentId(),
                a.conversationId(), EventTypes.APPOINTMENT_RESCHEDULED.topic(), a.startsAt(), false, null));
    }

    /** appointment_cancelled → back to In processing, no appointment time, not confirmed. */
    public Uni<Void> appointmentCancelled(EventEnvelope<AppointmentCancelled> event) {
        AppointmentCancelled a = event.data();
        return statusChange(event, a.leadId(), new StatusChange(LeadStatus.IN_PROCESSING, a.appointmentId(),
                a.conversationId(), EventTypes.APPOINTMENT_CANCELLED.topic(), null, true, null));
    }

    /** no_show → the no-show status. */
    public Uni<Void> noShow(EventEnvelope<NoShow> event) {
        NoShow n = event.data();
        return statusChange(event, n.leadId(), new StatusChange(LeadStatus.NO_SHOW, n.appointmentId(),
                n.conversationId(), EventTypes.NO_SHOW.topic()));
    }

    /**
     * lead_routed → the CRM user mapped from the assignee ({@code crm.users}) becomes responsible for the lead
     * (ASSIGNED_BY_ID), in an update after the add. The bot and staff without a CRM user change nothing.
     */
    public Uni<Void> leadRouted(EventEnvelope<LeadRouted> event) {
        LeadRouted r = event.data();
        if (r.leadId() == null || r.assignee() == null || r.assignee().isBlank()) {
            return Uni.createFrom().voidItem();
        }
        var tenant = tenants.byId(event.tenantId()).orElse(null);
        if (tenant != null && tenant.crm() != null && !tenant.crm().users().containsKey(r.assignee())) {
            LOG.debugf("tenant=%s lead=%s assignee %s has no CRM user in crm.users, not assigned in the CRM",
                    event.tenantId(), r.leadId(), r.assignee());
            return Uni.createFrom().voidItem();
        }
        if (!syncs(event.tenantId())) {
            return Uni.createFrom().voidItem();
        }
        StatusChange change = new StatusChange(null, null, r.conversationId(), EventTypes.LEAD_ROUTED.topic(), null,
                false, r.assignee());
        return store.insert(event.tenantId(), r.leadId(), SyncTask.Operation.UPDATE_LEAD, json(change),
                        clock.instant())
                .invoke(() -> LOG.infof("tenant=%s lead=%s assignee %s queued for the CRM", event.tenantId(),
                        r.leadId(), r.assignee()))
                .replaceWithVoid();
    }

    /** appointment_confirmed → the lead is confirmed. */
    public Uni<Void> appointmentConfirmed(EventEnvelope<AppointmentConfirmed> event) {
        AppointmentConfirmed a = event.data();
        return statusChange(event, a.leadId(), new StatusChange(LeadStatus.CONFIRMED, a.appointmentId(),
                a.conversationId(), EventTypes.APPOINTMENT_CONFIRMED.topic()));
    }

    private Uni<Void> statusChange(EventEnvelope<?> event, UUID leadId, StatusChange change) {
        if (leadId == null) {
            LOG.debugf("tenant=%s appointment=%s %s without a lead, nothing to sync", event.tenantId(),
                    change.appointmentId(), change.cause());
            return Uni.createFrom().voidItem();
        }
        if (!syncs(event.tenantId())) {
            return Uni.createFrom().voidItem();
        }
        return store.insert(event.tenantId(), leadId, SyncTask.Operation.SET_STATUS, json(change), clock.instant())
                .invoke(() -> LOG.infof("tenant=%s lead=%s appointment=%s status %s queued for the CRM",
                        event.tenantId(), leadId, change.appointmentId(), change.status()))
                .replaceWithVoid();
    }

    /** Whether the tenant has a CRM we can write to; a business without a CRM is normal, not an error. */
    private boolean syncs(String tenantId) {
        var tenant = tenants.byId(tenantId).orElse(null);
        if (tenant == null) {
            LOG.warnf("tenant=%s is not in tenants.yaml, its event is not synced to a CRM", tenantId);
            return false;
        }
        if (clients.forTenant(tenant).isEmpty()) {
            LOG.debugf("tenant=%s has no supported CRM (crm.type %s), nothing to sync", tenantId,
                    tenant.crm() == null ? "-" : tenant.crm().type());
            return false;
        }
        return true;
    }

    static String json(Object payload) {
        try {
            return EventJson.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the task payload", e);
        }
    }
}
