-- Lead Quality Score (1-5, with the signals that scored, comma-separated) and the routing rule's priority and
-- notification flag.
alter table lead
    add column quality_score   smallint check (quality_score between 1 and 5),
    add column quality_signals text,
    add column priority        text check (priority in ('P1', 'P2', 'P3')),
    add column notify          boolean not null default false;

-- Takeover: while taken_over_until lies ahead, a person answers and the bot stays silent. first_unanswered_at is
-- the client's first message the bot has not answered yet (response_time in the rules); recent_messages the
-- client's last three texts, for the handoff summary.
alter table conversation
    add column taken_over_by       text,
    add column taken_over_at       timestamptz,
    add column taken_over_until    timestamptz,
    add column first_unanswered_at timestamptz,
    add column recent_messages     jsonb not null default '[]'::jsonb;
create index conversation_last_message on conversation (tenant_id, last_message_at);
