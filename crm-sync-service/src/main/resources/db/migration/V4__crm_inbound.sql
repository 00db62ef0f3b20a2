-- Processing the CRM's outbound events (issue 7, Bitrix24 in): each recorded event is read back from the CRM
-- (crm.lead.get) by Bitrix24InboundProcessor after the commit; events the webhook missed come from event.offline.get.
alter table crm_inbound_event
    -- webhook (ONCRMLEADUPDATE posted to us) or offline (found by the reconcile job in event.offline.get)
    add column source          text        not null default 'webhook' check (source in ('webhook', 'offline')),
    -- the offline queue's MESSAGE_ID, so an event fetched twice (its clear was lost) is recorded once
    add column message_id      text,
    -- crm.lead.get calls started; retryable failures back off like the sync tasks
    add column attempts        int         not null default 0,
    add column next_attempt_at timestamptz not null default now(),
    -- why processing stopped without a status (lead deleted in the CRM, calls exhausted); null when it worked
    add column last_error      text,
    -- the CRM's status id read back (e.g. IN_PROCESS) and what it meant for us
    add column crm_status_id   text,
    add column status          text;
create unique index crm_inbound_event_offline on crm_inbound_event (tenant_id, crm, message_id)
    where message_id is not null;
drop index crm_inbound_event_unprocessed;
create index crm_inbound_event_due on crm_inbound_event (next_attempt_at, id) where processed_at is null;
create index crm_inbound_event_lead on crm_inbound_event (lead_id) where processed_at is null;
