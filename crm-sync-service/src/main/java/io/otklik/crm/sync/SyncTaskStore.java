package io.otklik.crm.sync;

import io.otklik.platform.db.Rows;
import io.otklik.events.data.LeadStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The tables {@code crm_sync_task} and {@code crm_lead}. Every method runs in the caller's transaction
 * ({@code Panache.withTransaction}).
 */
@ApplicationScoped
public class SyncTaskStore {

    /**
     * Adds a task due now; false when the lead already has its ADD_LEAD task. The payload goes through text: a String
     * bound straight to a jsonb parameter is stored as one JSON string.
     */
    public Uni<Boolean> insert(String tenantId, UUID leadId, SyncTask.Operation operation, String payload,
                               Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into crm_sync_task (tenant_id, lead_id, operation, payload, status, attempts,
                            next_attempt_at, created_at, updated_at)
                        values (:tenant, :lead, :operation, cast(cast(:payload as text) as jsonb), 'PENDING', 0,
                            :now, :now, :now)
                        on conflict do nothing""")
                .setParameter("tenant", tenantId)
                .setParameter("lead", leadId)
                .setParameter("operation", operation.name())
                .setParameter("payload", payload)
                .setParameter("now", now)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    /**
     * Claims due tasks in id order and hides them until {@code leaseUntil} (other replicas skip locked and leased
     * rows). An ADD_LEAD never waits: a status change can be queued before its lead (the events travel on different
     * topics), and it waits for the ADD_LEAD. A SET_STATUS waits while an earlier task of its lead is pending and
     * until the lead has a CRM id (or its ADD_LEAD failed for good, which the worker then reports).
     */
    public Uni<List<SyncTask>> claim(Instant now, Instant leaseUntil, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select t.id from crm_sync_task t
                        where t.status = 'PENDING' and t.next_attempt_at <= :now
                          and (t.operation = 'ADD_LEAD'
                               or not exists (select 1 from crm_sync_task e
                                              where e.lead_id = t.lead_id and e.status = 'PENDING' and e.id < t.id))
                          and (t.operation = 'ADD_LEAD'
                               or exists (select 1 from crm_lead l where l.lead_id = t.lead_id)
                               or exists (select 1 from crm_sync_task a where a.lead_id = t.lead_id
                                          and a.operation = 'ADD_LEAD' and a.status = 'FAILED'))
                        order by t.id
                        limit :limit
                        for update of t skip locked""", Object.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(List.<SyncTask>of());
                    }
                    List<Long> ids = rows.stream().map(Rows::number).toList();
                    return session.createNativeQuery("""
                                    update crm_sync_task set attempts = attempts + 1, next_attempt_at = :lease,
                                        updated_at = :now
                                    where id in (:ids)""")
                            .setParameter("lease", leaseUntil)
                            .setParameter("now", now)
                            .setParameter("ids", ids)
                            .executeUpdate()
                            .chain(() -> session.createNativeQuery("""
                                            select t.id, t.tenant_id, t.lead_id, t.operation, cast(t.payload as text),
                                                t.attempts, l.crm, l.crm_lead_id, l.status, l.conversation_id
                                            from crm_sync_task t left join crm_lead l on l.lead_id = t.lead_id
                                            where t.id in (:ids)
                                            order by t.id""", Object[].class)
                                    .setParameter("ids", ids)
                                    .getResultList())
                            .map(claimed -> claimed.stream().map(SyncTaskStore::task).toList());
                }));
    }

    public Uni<Void> done(long taskId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update crm_sync_task set status = 'DONE', last_error = null, updated_at = :now where id = :id")
                .setParameter("now", now)
                .setParameter("id", taskId)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Leaves the task PENDING until {@code nextAttemptAt}. */
    public Uni<Void> retryAt(long taskId, Instant nextAttemptAt, String error, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update crm_sync_task set next_attempt_at = :at, last_error = :error, updated_at = :now
                        where id = :id""")
                .setParameter("at", nextAttemptAt)
                .setParameter("error", error)
                .setParameter("now", now)
                .setParameter("id", taskId)
                .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> failed(long taskId, String error, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update crm_sync_task set status = 'FAILED', last_error = :error, updated_at = :now
                        where id = :id""")
                .setParameter("error", error)
                .setParameter("now", now)
                .setParameter("id", taskId)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Stores the lead's CRM id; false when the lead, or that CRM id, is mapped already. */
    public Uni<Boolean> map(UUID leadId, String tenantId, String crm, String crmLeadId, String conversationId,
                            LeadStatus status, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into crm_lead (lead_id, tenant_id, crm, crm_lead_id, conversation_id, status,
                            created_at, updated_at)
                        values (:lead, :tenant, :crm, :crmLead, :conversation, :status, :now, :now)
                        on conflict do nothing""")
                .setParameter("lead", leadId)
                .setParameter("tenant", tenantId)
                .setParameter("crm", crm)
                .setParameter("crmLead", crmLeadId)
                .setParameter("conversation", conversationId)
                .setParameter("status", status.name())
                .setParameter("now", now)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    public Uni<Void> setStatus(UUID leadId, LeadStatus status, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update crm_lead set status = :status, updated_at = :now where lead_id = :lead")
                .setParameter("status", status.name())
                .setParameter("now", now)
                .setParameter("lead", leadId)
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Our lead id of a CRM lead, or null when it is not one of ours; the newest when a repeat client's leads were
     * linked to it.
     */
    public Uni<UUID> leadOf(String tenantId, String crm, String crmLeadId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        """
                        select lead_id from crm_lead where tenant_id = :tenant and crm = :crm and crm_lead_id = :id
                        order by created_at desc limit 1""", Object.class)
                .setParameter("tenant", tenantId)
                .setParameter("crm", crm)
                .setParameter("id", crmLeadId)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : Rows.uuid(rows.get(0))));
    }

    /** The tenant's tasks in a status, oldest first (the admin API). */
    public Uni<List<TaskView>> list(String tenantId, String status, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id, lead_id, operation, status, attempts, last_error, next_attempt_at, created_at,
                            updated_at, payload ->> 'cause', payload ->> 'status'
                        from crm_sync_task where tenant_id = :tenant and status = :status
                        order by id limit :limit""", Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("status", status)
                .setParameter("limit", limit)
                .getResultList()
                .map(rows -> rows.stream().map(SyncTaskStore::view).toList()));
    }

    /** One task of the tenant, or null. */
    public Uni<TaskView> find(String tenantId, long id) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id, lead_id, operation, status, attempts, last_error, next_attempt_at, created_at,
                            updated_at, payload ->> 'cause', payload ->> 'status'
                        from crm_sync_task where tenant_id = :tenant and id = :id""", Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("id", id)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : view(rows.get(0))));
    }

    /**
     * A FAILED task of the tenant is PENDING again with fresh attempts, due now; when it is an ADD_LEAD, so are its
     * lead's tasks that failed only because the lead never reached the CRM. False when the task is not FAILED.
     */
    public Uni<Boolean> retry(String tenantId, long id, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update crm_sync_task set status = 'PENDING', attempts = 0, next_attempt_at = :now,
                            updated_at = :now
                        where tenant_id = :tenant and id = :id and status = 'FAILED'
                        returning lead_id, operation""", Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("id", id)
                .setParameter("now", now)
                .getResultList()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    if (!SyncTask.Operation.ADD_LEAD.name().equals(Rows.text(rows.get(0)[1]))) {
                        return Uni.createFrom().item(true);
                    }
                    return session.createNativeQuery("""
                                    update crm_sync_task set status = 'PENDING', attempts = 0, next_attempt_at = :now,
                                        updated_at = :now
                                    where lead_id = :lead and status = 'FAILED' and operation <> 'ADD_LEAD'
                                      and last_error like 'lead_not_in_crm%'""")
                            .setParameter("lead", Rows.uuid(rows.get(0)[0]))
                            .setParameter("now", now)
                            .executeUpdate()
                            .replaceWith(true);
                }));
    }

    private static TaskView view(Object[] row) {
        return new TaskView(Rows.number(row[0]), Rows.uuid(row[1]), Rows.text(row[2]), Rows.text(row[3]),
                (int) Rows.number(row[4]), Rows.text(row[5]), Rows.instant(row[6]), Rows.instant(row[7]), Rows.instant(row[8]),
                Rows.text(row[9]), Rows.text(row[10]));
    }

    private static SyncTask task(Object[] row) {
        String status = Rows.text(row[8]);
        return new SyncTask(Rows.number(row[0]), Rows.text(row[1]), Rows.uuid(row[2]),
                SyncTask.Operation.valueOf(Rows.text(row[3])), Rows.text(row[4]), (int) Rows.number(row[5]),
                Rows.text(row[6]), Rows.text(row[7]), status == null ? null : LeadStatus.valueOf(status),
                Rows.text(row[9]));
    }
}
