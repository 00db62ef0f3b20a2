-- Issue 7, Bitrix24 out: lead_routed (the responsible user) and other field updates become UPDATE_LEAD tasks.
alter table crm_sync_task drop constraint crm_sync_task_operation_check;
alter table crm_sync_task add constraint crm_sync_task_operation_check
    check (operation in ('ADD_LEAD', 'SET_STATUS', 'UPDATE_LEAD'));

-- A repeat client's new lead may be linked to the open CRM lead of an earlier one (crm.duplicate.findbycomm), so one
-- CRM lead can stand for several of our leads; the newest mapping answers "which lead of ours is this CRM lead".
drop index crm_lead_crm_id;
create index crm_lead_crm_id on crm_lead (tenant_id, crm, crm_lead_id, created_at);

-- The admin API lists a tenant's tasks by status.
create index crm_sync_task_tenant_status on crm_sync_task (tenant_id, status, id);
