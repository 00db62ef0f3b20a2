package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * A lead's status changed in the CRM, or our write to the CRM set it.
 *
 * @param crm            bitrix24 or amocrm
 * @param crmLeadId      the lead's id in the CRM
 * @param previousStatus the status before, if known
 * @param origin         who changed it: {@link #ORIGIN_CRM} (a manager in the CRM, read back from it) or
 *                       {@link #ORIGIN_OTKLIK} (our write to the CRM); absent in events written before the field
 */
@RegisterForReflection
public record LeadStatusChanged(UUID leadId, String conversationId, String crm, String crmLeadId, LeadStatus status,
                                LeadStatus previousStatus, Instant changedAt, String origin) {

    /** A manager changed the status in the CRM. */
    public static final String ORIGIN_CRM = "crm";
    /** crm-sync-service wrote the status to the CRM (appointment booked, confirmed, …). */
    public static final String ORIGIN_OTKLIK = "otklik";

    /** Without an origin (the first shape of the event). */
    public LeadStatusChanged(UUID leadId, String conversationId, String crm, String crmLeadId, LeadStatus status,
                             LeadStatus previousStatus, Instant changedAt) {
        this(leadId, conversationId, crm, crmLeadId, status, previousStatus, changedAt, null);
    }
}
