-- One row per event ever seen, whatever its type. The primary key is the deduplication: a redelivered event
-- (same envelope id) is an "on conflict do nothing" and changes no number. occurred_at is the envelope's time, so
-- reports over past windows are exact; data is the event's payload as it arrived (fields added later are kept).
create table event_fact (
    event_id        uuid        primary key,
    tenant_id       text        not null,
    type            text        not null,
    subject         text        not null,
    conversation_id text,
    channel         text,
    occurred_at     timestamptz not null,
    data            jsonb       not null,
    received_at     timestamptz not null
);
create index event_fact_tenant_type_time on event_fact (tenant_id, type, occurred_at);
create index event_fact_type_time on event_fact (type, occurred_at);

-- What is known of a conversation from any of its events: its channel (so appointment events, which carry none,
-- can be counted per channel) and the UTM source it came with (the first one seen).
create table conversation_fact (
    tenant_id       text        not null,
    conversation_id text        not null,
    channel         text,
    utm_source      text,
    first_seen_at   timestamptz not null,
    primary key (tenant_id, conversation_id)
);

-- The first ANSWER of each conversation (the earliest sent one, even when replies arrive out of order):
-- time to first response is sent_at - inbound_received_at of this reply.
create table first_response (
    tenant_id           text        not null,
    conversation_id     text        not null,
    reply_id            uuid        not null,
    channel             text        not null,
    inbound_received_at timestamptz not null,
    sent_at             timestamptz not null,
    response_ms         bigint      not null,
    primary key (tenant_id, conversation_id)
);
create index first_response_tenant_sent on first_response (tenant_id, sent_at);
create index first_response_sent on first_response (sent_at);
