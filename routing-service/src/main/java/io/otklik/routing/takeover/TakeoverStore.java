package io.otklik.routing.takeover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otklik.platform.db.Rows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The conversation columns of takeover and waiting (V3): who took it over and until when, the client's first message
 * the bot has not answered, the client's last texts. Every method runs in the caller's session.
 */
@ApplicationScoped
public class TakeoverStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /**
     * Where a conversation stands after an inbound message was recorded.
     *
     * @param takenOverUntil the takeover's end (possibly past), or null
     * @param waitingSince   the client's first message the bot has not answered
     * @param recentMessages the client's last texts, oldest first
     */
    public record Inbound(String takenOverBy, Instant takenOverUntil, Instant waitingSince,
                          List<String> recentMessages) {

        public boolean takenOver(Instant now) {
            return takenOverUntil != null && takenOverUntil.isAfter(now);
        }
    }

    /** A conversation in the list. */
    public record Row(String id, String channel, String state, String clientId, UUID leadId, Instant firstMessageAt,
                      Instant lastMessageAt, String takenOverBy, Instant takenOverAt, Instant takenOverUntil) {
    }

    /** Records an inbound message: starts the wait unless one runs, and keeps its text among the last ones. */
    public Uni<Inbound> inbound(String tenantId, String id, Instant receivedAt, String text) {
        boolean quote = text != null && !text.isBlank();
        String sql = quote ? """
                update conversation c set first_unanswered_at = coalesce(c.first_unanswered_at, :at),
                    recent_messages = (select coalesce(jsonb_agg(x order by n), '[]'::jsonb) from (
                        select x, n from jsonb_array_elements_text(c.recent_messages
                            || jsonb_build_array(cast(:text as text))) with ordinality as e(x, n)
                        order by n desc limit %d) last)
                where id = :id and tenant_id = :tenant""".formatted(io.otklik.routing.lead.HandoffSummary.MAX_QUOTES)
                : """
                update conversation c set first_unanswered_at = coalesce(c.first_unanswered_at, :at)
                where id = :id and tenant_id = :tenant""";
        return Panache.getSession().chain(session -> {
            var update = session.createNativeQuery(sql)
                    .setParameter("at", receivedAt)
                    .setParameter("id", id)
                    .setParameter("tenant", tenantId);
            if (quote) {
                update.setParameter("text", text.length() > 500 ? text.substring(0, 500) : text);
            }
            return update.executeUpdate().chain(() -> session.createNativeQuery("""
                            select taken_over_by, taken_over_until, first_unanswered_at, recent_messages::text
                            from conversation where id = :id and tenant_id = :tenant""", Object[].class)
                    .setParameter("id", id)
                    .setParameter("tenant", tenantId)
                    .getSingleResult()
                    .map(r -> new Inbound((String) r[0], Rows.instant(r[1]), Rows.instant(r[2]),
                            strings((String) r[3]))));
        });
    }

    /** The bot answered: nothing is waiting any more. */
    public Uni<Void> answered(String tenantId, String id) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update conversation set first_unanswered_at = null where id = :id and tenant_id = :tenant""")
                .setParameter("id", id)
                .setParameter("tenant", tenantId)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** @return false when the tenant has no such conversation */
    public Uni<Boolean> takeOver(String tenantId, String id, String staffId, Instant at, Instant until) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update conversation set taken_over_by = :staff, taken_over_at = :at, taken_over_until = :until
                        where id = :id and tenant_id = :tenant""")
                .setParameter("staff", staffId)
                .setParameter("at", at)
                .setParameter("until", until)
                .setParameter("id", id)
                .setParameter("tenant", tenantId)
                .executeUpdate()
                .map(n -> n > 0));
    }

    /** Ends a takeover now; the client's next message gets the bot's answer. False when there is no such one. */
    public Uni<Boolean> release(String tenantId, String id) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update conversation set taken_over_until = null, first_unanswered_at = null
                        where id = :id and tenant_id = :tenant""")
                .setParameter("id", id)
                .setParameter("tenant", tenantId)
                .executeUpdate()
                .map(n -> n > 0));
    }

    /** The tenant's conversation's takeover columns, or null when there is no such conversation. */
    public Uni<Row> find(String tenantId, String id) {
        return list(tenantId, "and id = :id", id, null, null, null, 1)
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /**
     * Conversations whose last message lies in [from, to), newest first.
     *
     * @param state a {@code ConversationState} name, {@code TAKEN_OVER} (a takeover runs at {@code now}), or null
     */
    public Uni<List<Row>> list(String tenantId, String state, Instant from, Instant to, Instant now, int limit) {
        String filter = state == null ? "" : "TAKEN_OVER".equals(state) ? "and taken_over_until > :now"
                : "and state = :state";
        return list(tenantId, "and last_message_at >= :from and last_message_at < :to " + filter, null,
                state, new Instant[] {from, to}, now, limit);
    }

    private Uni<List<Row>> list(String tenantId, String where, String id, String state, Instant[] range,
                                Instant now, int limit) {
        return Panache.getSession().chain(session -> {
            var q = session.createNativeQuery("""
                            select id, channel, state, client_id, lead_id, first_message_at, last_message_at,
                                taken_over_by, taken_over_at, taken_over_until
                            from conversation where tenant_id = :tenant %s
                            order by last_message_at desc, id limit %d""".formatted(where, limit), Object[].class)
                    .setParameter("tenant", tenantId);
            if (id != null) {
                q.setParameter("id", id);
            }
            if (range != null) {
                q.setParameter("from", range[0]).setParameter("to", range[1]);
                if ("TAKEN_OVER".equals(state)) {
                    q.setParameter("now", now);
                } else if (state != null) {
                    q.setParameter("state", state);
                }
            }
            return q.getResultList().map(rows -> rows.stream().map(r -> new Row((String) r[0], (String) r[1],
                    (String) r[2], (String) r[3], Rows.uuid(r[4]), Rows.instant(r[5]), Rows.instant(r[6]),
                    (String) r[7], Rows.instant(r[8]), Rows.instant(r[9]))).toList());
        });
    }

    private static List<String> strings(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
