-- Reports read what a conversation's events say of it straight from event_fact, in the order of the events' own
-- time (order-free, so a rebuilt store gives the same numbers); conversation_fact kept the first value in arrival
-- order and is no longer written or read.
drop table conversation_fact;
