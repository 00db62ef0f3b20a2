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
 */
@RegisterForReflection
public record LeadStatusChanged(UUID leadId, String conversationId, String crm, String crmLeadId, LeadStatus status,
                                LeadStatus previousStatus, Instant changedAt) {
}
