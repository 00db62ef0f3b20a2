-- The dialog (package dialog): the slots the bot offered last, so "второй" or "давайте в 16" can be read against
-- them, and the appointment reminder-service last reminded the client of, so a "да" or "не смогу" that follows
-- answers that reminder.
alter table conversation add column offered_slots text;
alter table conversation add column reminded_appointment_id uuid;
alter table conversation add column reminded_at timestamptz;
