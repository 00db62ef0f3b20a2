-- Outbound delivery: the route each message took, durable retries and the crash sweeper.
alter table outbound_message
    add column route           text,                       -- TEXT, TEMPLATE or SMS
    add column request         text,                       -- the reply_requested data (JSON), to send it again
    add column attempts        integer not null default 0, -- attempts so far
    add column parts_sent      integer not null default 0, -- parts of a split text already delivered
    add column next_attempt_at timestamptz,                -- when a RETRY row is due
    add column sending_since   timestamptz;                -- when the current attempt started (SENDING rows)

-- the retry poller's and the sweeper's scans touch only the rows in those states
create index outbound_message_due on outbound_message (next_attempt_at) where status = 'RETRY';
create index outbound_message_sending on outbound_message (sending_since) where status = 'SENDING';
