-- Clients: one row per identity on a channel. Rows of one person share the id: a new identity whose phone is
-- already known (a WhatsApp client writing on Telegram) takes the id of the client first seen with that phone.
create table client (
    id              text        not null,
    tenant_id       text        not null,
    channel         text        not null,
    channel_user_id text        not null,
    phone           text,
    name            text,
    first_seen_at   timestamptz not null,
    last_seen_at    timestamptz not null,
    primary key (tenant_id, channel, channel_user_id)
);
create index client_by_id on client (tenant_id, id);
create index client_by_phone on client (tenant_id, phone) where phone is not null;

-- A client's thread with the business on one channel (id = ingest-service's conversation id) and where the
-- dialog stands: what the bot is waiting for and what the client already said (pending_*).
create table conversation (
    id                 text primary key,
    tenant_id          text        not null,
    channel            text        not null,
    channel_account_id text        not null,
    client_id          text        not null,
    lead_id            uuid,
    state              text        not null,
    pending_service    text,
    pending_date       date,
    pending_time       time,
    first_message_at   timestamptz not null,
    last_message_at    timestamptz not null
);
create index conversation_client on conversation (tenant_id, client_id);

-- At most one lead per conversation, opened at its first message that asks for something.
create table lead (
    id              uuid primary key,
    tenant_id       text        not null,
    conversation_id text        not null unique references conversation (id),
    client_id       text        not null,
    status          text        not null,
    intent          text        not null,
    summary         text        not null,
    urgent          boolean     not null,
    assignee        text        not null,
    assignee_role   text        not null,
    rule_id         text        not null,
    created_at      timestamptz not null
);

-- Bookings. Overlaps per specialist are prevented by the booking code, which serialises bookings of a tenant
-- with a transaction-scoped advisory lock.
create table appointment (
    id              uuid primary key,
    tenant_id       text        not null,
    conversation_id text references conversation (id),
    lead_id         uuid,
    client_id       text        not null,
    service_code    text        not null,
    staff_id        text        not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    status          text        not null check (status in ('BOOKED', 'CONFIRMED', 'CANCELLED')),
    created_at      timestamptz not null,
    confirmed_at    timestamptz,
    cancelled_at    timestamptz,
    check (ends_at > starts_at)
);
create index appointment_schedule on appointment (tenant_id, starts_at) where status <> 'CANCELLED';
create index appointment_conversation on appointment (tenant_id, conversation_id, created_at);
