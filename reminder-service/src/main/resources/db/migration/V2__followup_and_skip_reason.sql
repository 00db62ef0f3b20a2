-- Why a reminder was SKIPPED (constants in io.otklik.reminder.schedule.SkipReason): visit_started,
-- superseded_by_later_reminder, unsendable:<what>, tenant_missing, no_show, quiet_hours. Null for other statuses and
-- for rows skipped before this column existed.
alter table reminder add column skip_reason text;

-- The follow-up of an unconfirmed booking: at follow_up_due_at (startsAt - the tenant's reminders.confirmBy) the
-- on-duty staff member is asked to call the client (handoff_requested). PENDING while armed; SENT once handed over
-- (follow_up_sent_at, follow_up_staff_id); CANCELLED when disarmed (confirmed, cancelled, settled, or moved too
-- close); SKIPPED when it came due but could not be sent (follow_up_skip_reason). Null = never armed.
alter table appointment add column follow_up_due_at timestamptz;
alter table appointment add column follow_up_status text
    check (follow_up_status in ('PENDING', 'SENT', 'CANCELLED', 'SKIPPED'));
alter table appointment add column follow_up_sent_at timestamptz;
alter table appointment add column follow_up_staff_id text;
alter table appointment add column follow_up_skip_reason text;
-- the follow-up scan: armed follow-ups by due time
create index appointment_follow_up_due on appointment (follow_up_due_at) where follow_up_status = 'PENDING';
-- a CRM status change names the lead: its appointments
create index appointment_lead on appointment (tenant_id, lead_id) where lead_id is not null;
