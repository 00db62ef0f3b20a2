-- The full session log: every webhook body that carried a new client message, byte for byte as received, written in
-- the same transaction as its messages (before the 200). Bodies whose messages were all duplicates, status-only
-- callbacks, echoes and other updates with nothing for the client are not kept (their content is stored already or
-- is not the client's). A body naming two tenants is kept once per tenant, so a tenant's log is its own.
create table raw_webhook (
    id          uuid primary key,
    tenant_id   text        not null,
    channel     text        not null,
    received_at timestamptz not null,
    body        bytea       not null,
    sha256      text        not null
);
create index raw_webhook_tenant on raw_webhook (tenant_id, received_at);

-- A person, one per tenant. A merge keeps the older client and points the newer one at it (merged_into), so an id
-- already sent out in an event can still be followed.
create table client (
    id          uuid primary key,
    tenant_id   text        not null,
    created_at  timestamptz not null,
    merged_into uuid references client (id)
);

-- The addresses a client is known by: an E.164 phone, a WhatsApp wa_id, a Telegram chat id, an Instagram IGSID, a
-- web form submitter id. One address belongs to one client of a tenant.
create table client_identity (
    tenant_id  text        not null,
    kind       text        not null check (kind in ('phone', 'whatsapp', 'telegram', 'instagram', 'web')),
    value      text        not null,
    client_id  uuid        not null references client (id),
    created_at timestamptz not null,
    primary key (tenant_id, kind, value)
);
create index client_identity_client on client_identity (client_id);

-- Rows of V1 have neither; the raw body is written at the end of the transaction, hence the deferred check.
alter table inbound_message
    add column raw_webhook_id uuid references raw_webhook (id) deferrable initially deferred,
    add column client_id      uuid references client (id),
    add column message_type   text,
    add column attachments    jsonb,
    add column source         text,
    add column button_id      text;
create index inbound_message_client on inbound_message (client_id);
create index inbound_message_raw on inbound_message (raw_webhook_id);
