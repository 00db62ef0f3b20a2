-- The client's kind of message (text, form, button, …) kept with it, so the JSONL export for NLU training can tell
-- them apart; null on rows stored before (exported as "text"). "if not exists": the inbound work may add it too.
alter table inbound_message add column if not exists message_type text;

-- The export pages through every tenant by (tenant, conversation, time); per tenant the V1 indexes serve.
create index if not exists inbound_message_received on inbound_message (received_at);
create index if not exists outbound_message_requested on outbound_message (requested_at);
