-- No double booking, guaranteed by the database: two non-cancelled appointments of one specialist never overlap
-- (half-open ranges, so 10:00–11:00 and 11:00–12:00 may both exist). A violating insert or move fails with
-- SQLSTATE 23P01, which AppointmentStore turns into "slot taken". btree_gist lets a GiST index compare the text
-- columns with =; it ships with PostgreSQL (contrib; also in the zonky embedded binaries) and is a trusted
-- extension, so the database owner may create it.
create extension if not exists btree_gist;

alter table appointment add constraint appointment_no_overlap exclude using gist (
    tenant_id with =,
    staff_id with =,
    tstzrange(starts_at, ends_at) with &&
) where (status <> 'CANCELLED');

-- Dated days off of a staff member entered through the admin API (tenants.yaml's datesOff are config). starts_at and
-- ends_at are that day's midnights in the tenant's zone at the time of entry, so the slot search treats the day
-- like an appointment covering it.
create table staff_day_off (
    tenant_id  text        not null,
    staff_id   text        not null,
    day        date        not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    reason     text,
    created_at timestamptz not null,
    primary key (tenant_id, staff_id, day),
    check (ends_at > starts_at)
);
create index staff_day_off_range on staff_day_off (tenant_id, starts_at);
