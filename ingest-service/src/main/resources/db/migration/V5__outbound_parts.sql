-- Every piece of an outbound message the channel accepted, with the channel's id of it: a WhatsApp text split into
-- several messages has one wamid a piece, and a status webhook (delivered, read, failed) may name any of them.
-- outbound_message.external_message_id stays the first piece's id (the one reply_sent carries).
create table outbound_part (
    reply_id            uuid not null references outbound_message (reply_id),
    part                integer not null,  -- 0-based position of the piece in the reply
    external_message_id text not null,
    primary key (reply_id, part)
);
create index outbound_part_external on outbound_part (external_message_id);
