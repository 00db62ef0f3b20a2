-- The appointments routing-service booked, as far as reminders and no-shows need them. The id is routing's
-- appointmentId. A row may be created by an event that overtook appointment_booked (confirmed, cancelled or
-- rescheduled arrive on other topics, so in any order): booked_at stays null until the booking itself arrives and
-- fills in the contact; such rows are never reminded nor marked no-show.
create table appointment (
    id                 uuid primary key,
    tenant_id          text        not null,
    conversation_id    text,
    lead_id            uuid,
    client_id          text,
    channel            text,
    channel_account_id text,
    contact_user_id    text,
    contact_name       text,
    contact_phone      text,
    service_code       text,
    service_name       text,
    staff_id           text,
    staff_name         text,
    starts_at          timestamptz not null,
    ends_at            timestamptz,
    timezone           text,
    status             text        not null
        check (status in ('BOOKED', 'CONFIRMED', 'CANCELLED', 'ATTENDED', 'NO_SHOW')),
    booked_at          timestamptz,
    updated_at         timestamptz not null
);
-- the no-show sweep: open appointments of a tenant that started long enough ago
create index appointment_open_by_start on appointment (tenant_id, starts_at) where status in ('BOOKED', 'CONFIRMED');

-- One row per reminder of an appointment. kind names the policy offset (before_24h); variant is the A/B arm of the
-- reminder-timing experiment that planned it (null while no experiment runs); reply_id is the reply_requested sent.
create table reminder (
    id             uuid primary key,
    tenant_id      text        not null,
    appointment_id uuid        not null references appointment (id),
    kind           text        not null,
    due_at         timestamptz not null,
    status         text        not null check (status in ('PENDING', 'SENT', 'CANCELLED', 'SKIPPED')),
    sent_at        timestamptz,
    reply_id       uuid,
    variant        text,
    created_at     timestamptz not null
);
-- the dispatcher's scan: only pending reminders, by due time
create index reminder_due on reminder (due_at) where status = 'PENDING';
create index reminder_appointment on reminder (appointment_id, due_at);
-- never two pending reminders of the same kind for one appointment (re-planning cancels before it inserts)
create unique index reminder_one_pending_kind on reminder (appointment_id, kind) where status = 'PENDING';

-- A staff member's attendance mark: one per appointment; a second mark is refused.
create table attendance (
    appointment_id uuid primary key references appointment (id),
    tenant_id      text        not null,
    attended       boolean     not null,
    marked_by      text        not null,
    marked_at      timestamptz not null
);
