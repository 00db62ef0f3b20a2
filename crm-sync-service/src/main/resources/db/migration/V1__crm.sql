-- CRM work to do, written in the transaction that consumed the event and carried out by CrmSyncWorker afterwards,
-- so no HTTP call ever runs inside a database transaction. Tasks of one lead run in id order.
create table crm_sync_task (
    id              bigserial primary key,
    tenant_id       text        not null,
    lead_id         uuid        not null,
    operation       text        not null check (operation in ('ADD_LEAD', 'SET_STATUS')),
    payload         jsonb       not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'DONE', 'FAILED')),
    -- calls started: incremented when the task is claimed, so a crash after the call still counts
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index crm_sync_task_due on crm_sync_task (next_attempt_at, id) where status = 'PENDING';
create index crm_sync_task_lead on crm_sync_task (lead_id, id);
-- One lead is added once, whatever the number of lead_created events that name it.
create unique index crm_sync_task_one_add on crm_sync_task (lead_id) where operation = 'ADD_LEAD';

-- Our lead id → the CRM's id, with the status we last wrote.
create table crm_lead (
    lead_id         uuid primary key,
    tenant_id       text        not null,
    crm             text        not null,
    crm_lead_id     text        not null,
    conversation_id text,
    status          text        not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null
);
create unique index crm_lead_crm_id on crm_lead (tenant_id, crm, crm_lead_id);

-- Outbound webhooks from the CRM (Bitrix24 ONCRMLEADUPDATE) for leads we know; reading the lead back from the CRM
-- and turning it into status changes is a later issue, processed_at stays null until then.
create table crm_inbound_event (
    id           bigserial primary key,
    tenant_id    text        not null,
    crm          text        not null,
    event        text        not null,
    crm_lead_id  text        not null,
    lead_id      uuid        not null,
    received_at  timestamptz not null,
    processed_at timestamptz
);
create index crm_inbound_event_unprocessed on crm_inbound_event (received_at) where processed_at is null;
