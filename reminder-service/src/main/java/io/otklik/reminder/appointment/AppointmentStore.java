package io.otklik.reminder.appointment;

import io.otklik.events.data.AppointmentBooked;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The appointment table, through native SQL in the caller's session or transaction. */
@ApplicationScoped
public class AppointmentStore {

    /** The appointment, locked until the transaction ends, or null. */
    public Uni<AppointmentRow> lock(UUID id) {
        return one("select " + AppointmentRow.COLUMNS + " from appointment a where a.id = :id for update", id);
    }

    /** The appointment, or null. */
    public Uni<AppointmentRow> find(UUID id) {
        return one("select " + AppointmentRow.COLUMNS + " from appointment a where a.id = :id", id);
    }

    private Uni<AppointmentRow> one(String sql, UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Object[].class)
                .setParameter("id", id)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : AppointmentRow.of(rows.get(0))));
    }

    /** Stores a booking; false when a row with this id exists already (nothing is changed then). */
    public Uni<Boolean> insertBooked(String tenantId, AppointmentBooked d, String timezone, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into appointment (id, tenant_id, conversation_id, lead_id, client_id, channel,
                            channel_account_id, contact_user_id, contact_name, contact_phone, service_code,
                            service_name, staff_id, staff_name, starts_at, ends_at, timezone, status, booked_at,
                            updated_at)
                        values (:id, :tenant, :conversation, :lead, :client, :channel, :account, :user, :name, :phone,
                            :serviceCode, :serviceName, :staffId, :staffName, :startsAt, :endsAt, :timezone, 'BOOKED',
                            :now, :now)
                        on conflict (id) do nothing""")
                .setParameter("id", d.appointmentId())
                .setParameter("tenant", tenantId)
                .setParameter("conversation", d.conversationId())
                .setParameter("lead", d.leadId())
                .setParameter("client", d.clientId())
                .setParameter("channel", d.channel() == null ? null : d.channel().name())
                .setParameter("account", d.channelAccountId())
                .setParameter("user", d.contact() == null ? null : d.contact().channelUserId())
                .setParameter("name", d.contact() == null ? null : d.contact().displayName())
                .setParameter("phone", d.contact() == null ? null : d.contact().phone())
                .setParameter("serviceCode", d.serviceCode())
                .setParameter("serviceName", d.serviceName())
                .setParameter("staffId", d.staffId())
                .setParameter("staffName", d.staffName())
                .setParameter("startsAt", d.startsAt())
                .setParameter("endsAt", d.endsAt())
                .setParameter("timezone", timezone)
                .setParameter("now", now)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    /**
     * Remembers what an event that overtook the booking says (a placeholder row, booked_at null); false when a row
     * with this id exists already.
     */
    public Uni<Boolean> insertPlaceholder(String tenantId, UUID id, String conversationId, UUID leadId,
                                          Instant startsAt, Instant endsAt, AppointmentStatus status, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into appointment (id, tenant_id, conversation_id, lead_id, starts_at, ends_at, status,
                            updated_at)
                        values (:id, :tenant, :conversation, :lead, :startsAt, :endsAt, :status, :now)
                        on conflict (id) do nothing""")
                .setParameter("id", id)
                .setParameter("tenant", tenantId)
                .setParameter("conversation", conversationId)
                .setParameter("lead", leadId)
                .setParameter("startsAt", startsAt)
                .setParameter("endsAt", endsAt)
                .setParameter("status", status.name())
                .setParameter("now", now)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    /**
     * Completes a placeholder with the booking. Status and times already there came from later events and stay;
     * the caller passes the merged values.
     */
    public Uni<Void> completePlaceholder(AppointmentRow merged, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update appointment set conversation_id = :conversation, lead_id = :lead, client_id = :client,
                            channel = :channel, channel_account_id = :account, contact_user_id = :user,
                            contact_name = :name, contact_phone = :phone, service_code = :serviceCode,
                            service_name = :serviceName, staff_id = :staffId, staff_name = :staffName,
                            starts_at = :startsAt, ends_at = :endsAt, timezone = :timezone, booked_at = :now,
                            updated_at = :now
                        where id = :id""")
                .setParameter("conversation", merged.conversationId())
                .setParameter("lead", merged.leadId())
                .setParameter("client", merged.clientId())
                .setParameter("channel", merged.channel())
                .setParameter("account", merged.channelAccountId())
                .setParameter("user", merged.contactUserId())
                .setParameter("name", merged.contactName())
                .setParameter("phone", merged.contactPhone())
                .setParameter("serviceCode", merged.serviceCode())
                .setParameter("serviceName", merged.serviceName())
                .setParameter("staffId", merged.staffId())
                .setParameter("staffName", merged.staffName())
                .setParameter("startsAt", merged.startsAt())
                .setParameter("endsAt", merged.endsAt())
                .setParameter("timezone", merged.timezone())
                .setParameter("now", now)
                .setParameter("id", merged.id())
                .executeUpdate()
                .replaceWithVoid());
    }

    public Uni<Void> setStatus(UUID id, AppointmentStatus status, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update appointment set status = :status, updated_at = :now where id = :id")
                .setParameter("status", status.name())
                .setParameter("now", now)
                .setParameter("id", id)
                .executeUpdate()
                .replaceWithVoid());
    }

    public Uni<Void> moveTo(UUID id, Instant startsAt, Instant endsAt, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update appointment set starts_at = :startsAt, ends_at = :endsAt, updated_at = :now"
                                + " where id = :id")
                .setParameter("startsAt", startsAt)
                .setParameter("endsAt", endsAt)
                .setParameter("now", now)
                .setParameter("id", id)
                .executeUpdate()
                .replaceWithVoid());
    }

    /**
     * Open, booked appointments of a tenant that ended (their end, else their start) at or before {@code endedBy}
     * and carry no attendance mark, oldest first, locked (rows another transaction holds are skipped).
     */
    public Uni<List<AppointmentRow>> lockUnmarkedEndedBy(String tenantId, Instant endedBy, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select " + AppointmentRow.COLUMNS
                        + """
                         from appointment a
                        where a.tenant_id = :tenant and a.status in ('BOOKED', 'CONFIRMED') and a.booked_at is not null
                          and a.starts_at <= :endedBy and coalesce(a.ends_at, a.starts_at) <= :endedBy
                          and not exists (select 1 from attendance t where t.appointment_id = a.id)
                        order by a.starts_at
                        limit :limit
                        for update of a skip locked""", Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("endedBy", endedBy)
                .setParameter("limit", limit)
                .getResultList()
                .map(rows -> rows.stream().map(AppointmentRow::of).toList()));
    }

    /**
     * The lead's booked appointment a CRM status speaks of, locked (waiting for a concurrent mark or tick): among
     * those open or already NO_SHOW, the latest that has started by {@code now}, else the latest one ahead; null when
     * the lead has none. A NO_SHOW row means the change was decided before (a repeated status change).
     */
    public Uni<AppointmentRow> lockForLeadStatus(String tenantId, UUID leadId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select " + AppointmentRow.COLUMNS
                        + """
                         from appointment a
                        where a.tenant_id = :tenant and a.lead_id = :lead and a.booked_at is not null
                          and a.status in ('BOOKED', 'CONFIRMED', 'NO_SHOW')
                        order by (a.starts_at <= :now) desc, a.starts_at desc
                        limit 1
                        for update of a""", Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("lead", leadId)
                .setParameter("now", now)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : AppointmentRow.of(rows.get(0))));
    }
}
