package io.otklik.crm;

import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.LeadStatus;
import io.otklik.platform.tenant.Tenant;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * One CRM's API as the sync worker needs it (Bitrix24 now, amoCRM later). Implementations never fail the Uni for a
 * CRM error: they return a failed {@link CrmOutcome} saying whether trying again may help.
 */
public interface CrmClient {

    /** The {@code crm.type} of tenants.yaml this client serves; also the {@code crm} of lead_status_changed. */
    String type();

    /** Creates the lead; the outcome carries the CRM's id of the new lead. */
    Uni<CrmOutcome> addLead(Tenant tenant, LeadCreated lead);

    /**
     * Looks for a lead an earlier attempt may have created (our lead id is stored with it in the CRM); the outcome
     * is {@link CrmOutcome#found()} with its id, or ok without an id when there is none.
     */
    Uni<CrmOutcome> findLead(Tenant tenant, UUID leadId);

    /** Moves the CRM lead to the status; the outcome carries the same CRM id. */
    Uni<CrmOutcome> setStatus(Tenant tenant, String crmLeadId, LeadStatus status);

    /**
     * Writes the status, appointment time, confirmation and responsible user of an existing lead (the parts that are
     * set). A client that knows statuses only writes the status and reports the rest as written.
     */
    default Uni<CrmOutcome> updateLead(Tenant tenant, String crmLeadId, LeadUpdate update) {
        return update.status() == null ? Uni.createFrom().item(CrmOutcome.ok(crmLeadId))
                : setStatus(tenant, crmLeadId, update.status());
    }
}
