-- The nine intents of issue 5 (BOOK … OTHER) replace the keyword baseline's; earlier rows are translated so the
-- stored history and its labels stay usable as training data. Urgency reasons and alternatives are kept as well.
alter table classification drop constraint if exists classification_intent_check;
alter table feedback_label drop constraint if exists feedback_label_intent_check;

update classification set intent = case intent
    when 'booking' then 'BOOK' when 'consultation' then 'INFO' when 'price' then 'PRICE'
    when 'complaint' then 'COMPLAINT' when 'cancel' then 'CANCEL' when 'reschedule' then 'RESCHEDULE'
    when 'confirm' then 'CONFIRM' else 'OTHER' end;
update feedback_label set intent = case intent
    when 'booking' then 'BOOK' when 'consultation' then 'INFO' when 'price' then 'PRICE'
    when 'complaint' then 'COMPLAINT' when 'cancel' then 'CANCEL' when 'reschedule' then 'RESCHEDULE'
    when 'confirm' then 'CONFIRM' else 'OTHER' end;

alter table classification add constraint classification_intent_check check (intent in
    ('BOOK', 'RESCHEDULE', 'CANCEL', 'CONFIRM', 'PRICE', 'INFO', 'COMPLAINT', 'HUMAN', 'OTHER'));
alter table feedback_label add constraint feedback_label_intent_check check (intent in
    ('BOOK', 'RESCHEDULE', 'CANCEL', 'CONFIRM', 'PRICE', 'INFO', 'COMPLAINT', 'HUMAN', 'OTHER'));

alter table classification add column urgency_reason text;
alter table classification add column alternatives jsonb not null default '[]'::jsonb;
-- the intent the model gave before a person corrected it, so Intent Accuracy needs no join
alter table feedback_label add column predicted_intent text;
