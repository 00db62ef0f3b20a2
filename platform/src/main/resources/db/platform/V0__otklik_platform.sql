-- Tables every Otklik service has, created before the service's own migrations (V1 and up).

-- Transactional outbox: an event is written here in the same transaction as the state change it reports,
-- then relayed to Kafka by OutboxRelay and deleted once the broker acknowledged it.
create table outbox (
    seq         bigserial primary key,
    event_id    uuid        not null unique,
    tenant_id   text        not null,
    topic       text        not null,
    message_key text        not null,
    event_type  text        not null,
    source      text        not null,
    subject     text        not null,
    event_time  timestamptz not null,
    payload     text        not null,
    created_at  timestamptz not null default now()
);

-- Consumer inbox: the ids of the events a consumer has processed, so a redelivered event changes nothing.
create table inbox (
    consumer     text        not null,
    event_id     uuid        not null,
    tenant_id    text        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
