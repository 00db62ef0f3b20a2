package io.otklik.crm.sync;

import io.otklik.events.data.LeadStatus;
import java.util.UUID;

/**
 * A claimed row of {@code crm_sync_task} with the lead's CRM mapping, if there is one yet.
 *
 * @param attempt      the number of this attempt (1 = first call); above 1 an earlier call may have reached the CRM
 * @param payload      ADD_LEAD: the lead_created data; SET_STATUS, UPDATE_LEAD: a {@link StatusChange}
 * @param crmLeadId    the CRM's id of the lead, null before it was added
 * @param crmStatus    the status we last wrote to the CRM
 * @param conversationId the lead's conversation, from the mapping
 */
public record SyncTask(long id, String tenantId, UUID leadId, Operation operation, String payload, int attempt,
                       String crm, String crmLeadId, LeadStatus crmStatus, String conversationId) {

    /**
     * What a task does in the CRM: add the lead; set its status (and appointment time) for an appointment event;
     * update other fields of it (the responsible user for lead_routed). SET_STATUS and UPDATE_LEAD both carry a
     * {@link StatusChange} and wait for the lead's ADD_LEAD.
     */
    public enum Operation {
        ADD_LEAD, SET_STATUS, UPDATE_LEAD
    }
}
