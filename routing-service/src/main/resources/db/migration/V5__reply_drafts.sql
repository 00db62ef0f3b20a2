-- Sandbox mode: the bot's reply waits here for a staff member's approval instead of going to the client. request is
-- the full reply_requested data (JSON) that approval publishes (with final_text as its text); a decided row never
-- changes again, so deciding twice never sends twice.
create table reply_draft (
    id              uuid primary key,
    tenant_id       text        not null,
    conversation_id text        not null,
    request         jsonb       not null,
    client_text     text,
    approver        text,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    reviewer        text,
    created_at      timestamptz not null,
    decided_at      timestamptz,
    final_text      text
);
create index reply_draft_tenant_status on reply_draft (tenant_id, status, created_at);
create index reply_draft_conversation on reply_draft (tenant_id, conversation_id);
