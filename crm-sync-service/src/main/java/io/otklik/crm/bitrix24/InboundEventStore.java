package io.otklik.crm.bitrix24;

import io.otklik.events.data.LeadStatus;
import io.otklik.platform.db.Rows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The table {@code crm_inbound_event} (the CRM's outbound events for our leads, from the webhook or the offline
 * queue) and the reads of {@code crm_lead} / {@code crm_sync_task} its processing needs. Every method runs in the
 * caller's transaction.
 */
@ApplicationScoped
public class InboundEventStore {

    /**
     * A recorded event as the processor works on it.
     *
     * @param attempt the crm.lead.get call this claim starts (1 for the first)
     */
    public record InboundEvent(long id, String tenantId, String crm, String crmLeadId, UUID leadId, int attempt,
                               String source) {
    }

    /** The lead as we know it, locked until the transaction ends. */
    public record KnownLead(LeadStatus status, String conversationId) {
    }

    /**
     * Records an event of one of our leads, due now; false when it is there already (an offline record with the same
     * MESSAGE_ID).
     */
    public Uni<Boolean> record(String tenantId, String crm, String event, String crmLeadId, UUID leadId,
                               String source, String messageId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into crm_inbound_event (tenant_id, crm, event, crm_lead_id, lead_id, received_at,
                            source, message_id, attempts, next_attempt_at)
                        values (:tenant, :crm, :event, :crmLead, :lead, :now, :source, :message, 0, :now)
                        on conflict do nothing""")
                .setParameter("tenant", tenantId)
                .setParameter("crm", crm)
                .setParameter("event", event)
                .setParameter("crmLead", crmLeadId)
                .setParameter("lead", leadId)
                .setParameter("now", now)
                .setParameter("source", source)
                .setParameter("message", messageId)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    /** Claims due unprocessed events in id order and hides them until {@code leaseUntil}. */
    public Uni<List<InboundEvent>> claim(Instant now, Instant leaseUntil, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id from crm_inbound_event
                        where processed_at is null and next_attempt_at <= :now
                        order by id
                        limit :limit
                        for update skip locked""", Object.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(List.<InboundEvent>of());
                    }
                    List<Long> ids = rows.stream().map(Rows::number).toList();
                    return session.createNativeQuery("""
                                    update crm_inbound_event set attempts = attempts + 1, next_attempt_at = :lease
                                    where id in (:ids)""")
                            .setParameter("lease", leaseUntil)
                            .setParameter("ids", ids)
                            .executeUpdate()
                            .chain(() -> session.createNativeQuery("""
                                            select id, tenant_id, crm, crm_lead_id, lead_id, attempts, source
                                            from crm_inbound_event where id in (:ids) order by id""", Object[].class)
                                    .setParameter("ids", ids)
                                    .getResultList())
                            .map(found -> found.stream().map(r -> new InboundEvent(Rows.number(r[0]),
                                    Rows.text(r[1]), Rows.text(r[2]), Rows.text(r[3]), Rows.uuid(r[4]),
                                    (int) Rows.number(r[5]), Rows.text(r[6]))).toList());
                }));
    }

    /** The lead's status we last wrote or learned, locked so two readers of one lead publish one change. */
    public Uni<KnownLead> lockLead(UUID leadId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select status, conversation_id from crm_lead where lead_id = :lead for update",
                        Object[].class)
                .setParameter("lead", leadId)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : new KnownLead(LeadStatus.valueOf(Rows.text(rows.get(0)[0])),
                        Rows.text(rows.get(0)[1]))));
    }

    /**
     * Whether a write of that status to the CRM is still pending for the lead: the update read back is then the echo
     * of a call in flight, which the sync worker itself announces when it finishes.
     */
    public Uni<Boolean> writePending(UUID leadId, LeadStatus status) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id from crm_sync_task
                        where lead_id = :lead and status = 'PENDING' and payload ->> 'status' = :status
                        limit 1""", Object.class)
                .setParameter("lead", leadId)
                .setParameter("status", status.name())
                .getResultList()
                .map(rows -> !rows.isEmpty()));
    }

    /** The status the CRM now shows becomes the one we know (the loop guard compares with it). */
    public Uni<Void> setStatusOf(UUID leadId, LeadStatus status, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update crm_lead set status = :status, updated_at = :now where lead_id = :lead")
                .setParameter("status", status.name())
                .setParameter("now", now)
                .setParameter("lead", leadId)
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Marks the event processed, with the lead's other unprocessed events received before it was read (the read
     * covered them: Bitrix24 sends only the id, the lead's state is what counts).
     */
    public Uni<Integer> processed(long id, UUID leadId, Instant readAt, String crmStatusId, LeadStatus status,
                                  String error, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update crm_inbound_event set processed_at = :now, crm_status_id = :crmStatus,
                            status = :status, last_error = :error
                        where id = :id
                           or (lead_id = :lead and processed_at is null and received_at <= :readAt)""")
                .setParameter("now", now)
                .setParameter("crmStatus", crmStatusId)
                .setParameter("status", status == null ? null : status.name())
                .setParameter("error", error)
                .setParameter("id", id)
                .setParameter("lead", leadId)
                .setParameter("readAt", readAt)
                .executeUpdate());
    }

    /** A retryable failure: due again at {@code next}. */
    public Uni<Void> retryAt(long id, Instant next, String error) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update crm_inbound_event set next_attempt_at = :next, last_error = :error where id = :id")
                .setParameter("next", next)
                .setParameter("error", error)
                .setParameter("id", id)
                .executeUpdate())
                .replaceWithVoid();
    }
}
