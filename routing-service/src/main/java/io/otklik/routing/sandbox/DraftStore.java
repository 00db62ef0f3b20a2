package io.otklik.routing.sandbox;

import io.otklik.platform.db.Rows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The reply_draft table (V5): sandbox drafts and their decisions. Every method runs in the caller's session. */
@ApplicationScoped
public class DraftStore {

    /** A stored draft; {@code request} is the reply_requested data as JSON. */
    public record Row(UUID id, String tenantId, String conversationId, String request, String clientText,
                      String approver, String status, String reviewer, Instant createdAt, Instant decidedAt,
                      String finalText) {
    }

    public Uni<Void> insert(UUID id, String tenantId, String conversationId, String request, String clientText,
                            String approver, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into reply_draft (id, tenant_id, conversation_id, request, client_text, approver,
                            status, created_at)
                        values (:id, :tenant, :conversation, cast(cast(:request as text) as jsonb), :clientText,
                            :approver, 'PENDING', :at)""")
                .setParameter("id", id)
                .setParameter("tenant", tenantId)
                .setParameter("conversation", conversationId)
                .setParameter("request", request)
                .setParameter("clientText", clientText)
                .setParameter("approver", approver)
                .setParameter("at", at)
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Decides a PENDING draft; the row lock makes a concurrent second decision wait and then find it decided.
     *
     * @return the decided row, or null when the tenant has no such draft or it was decided before
     */
    public Uni<Row> decide(String tenantId, UUID id, String status, String reviewer, Instant at, String finalText) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update reply_draft set status = :status, reviewer = :reviewer, decided_at = :at,
                            final_text = :finalText
                        where id = :id and tenant_id = :tenant and status = 'PENDING'""")
                .setParameter("status", status)
                .setParameter("reviewer", reviewer)
                .setParameter("at", at)
                .setParameter("finalText", finalText)
                .setParameter("id", id)
                .setParameter("tenant", tenantId)
                .executeUpdate()
                .chain(n -> n == 0 ? Uni.createFrom().<Row>nullItem() : find(tenantId, id)));
    }

    /** The tenant's draft, or null. */
    public Uni<Row> find(String tenantId, UUID id) {
        return list(tenantId, "and id = :id", id, null, 1).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** The tenant's drafts, newest first; {@code status} null for all. */
    public Uni<List<Row>> list(String tenantId, String status, int limit) {
        return list(tenantId, status == null ? "" : "and status = :status", null, status, limit);
    }

    private Uni<List<Row>> list(String tenantId, String where, UUID id, String status, int limit) {
        return Panache.getSession().chain(session -> {
            var q = session.createNativeQuery("""
                            select id, tenant_id, conversation_id, request::text, client_text, approver, status,
                                reviewer, created_at, decided_at, final_text
                            from reply_draft where tenant_id = :tenant %s
                            order by created_at desc, id limit %d""".formatted(where, limit), Object[].class)
                    .setParameter("tenant", tenantId);
            if (id != null) {
                q.setParameter("id", id);
            }
            if (status != null) {
                q.setParameter("status", status);
            }
            return q.getResultList().map(rows -> rows.stream().map(r -> new Row(Rows.uuid(r[0]), (String) r[1],
                    (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7],
                    Rows.instant(r[8]), Rows.instant(r[9]), (String) r[10])).toList());
        });
    }
}
