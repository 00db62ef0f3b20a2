-- Every inbound message, kept whole (session logs feed NLU training). The unique key makes a redelivered webhook
-- a no-op: the channel's own message id per business account.
create table inbound_message (
    id                  uuid primary key,
    tenant_id           text        not null,
    channel             text        not null,
    channel_account_id  text        not null,
    external_message_id text        not null,
    conversation_id     text        not null,
    channel_user_id     text        not null,
    display_name        text,
    phone               text,
    text                text        not null,
    sent_at             timestamptz,
    received_at         timestamptz not null,
    utm                 jsonb,
    unique (channel, channel_account_id, external_message_id)
);
create index inbound_message_conversation on inbound_message (tenant_id, conversation_id, received_at);

-- Every outbound message: one row per replyId, so a redelivered reply_requested is never sent twice.
create table outbound_message (
    reply_id            uuid primary key,
    tenant_id           text        not null,
    channel             text        not null,
    channel_account_id  text        not null,
    conversation_id     text        not null,
    kind                text        not null,
    in_reply_to         uuid,
    text                text        not null,
    status              text        not null,
    external_message_id text,
    error_code          text,
    error_reason        text,
    requested_at        timestamptz not null,
    sent_at             timestamptz,
    status_at           timestamptz
);
create index outbound_message_conversation on outbound_message (tenant_id, conversation_id, requested_at);
create index outbound_message_external on outbound_message (external_message_id);
create index outbound_message_in_reply_to on outbound_message (in_reply_to);
