-- Reports read what a conversation's events (of any time) say of it: its channel, first UTM source and campaign,
-- and experiment arms, in the order of the events' own time. This index finds a conversation's events.
create index event_fact_conversation on event_fact (tenant_id, conversation_id, occurred_at)
    where conversation_id is not null;
