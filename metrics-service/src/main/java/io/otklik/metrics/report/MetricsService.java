package io.otklik.metrics.report;

import io.otklik.events.Topics;
import io.otklik.events.data.Channel;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Counts the stored facts of one scope, window and channel in PostgreSQL, then hands the counts to
 * {@link ReportCalculator}. Events count by their own time (the envelope's {@code time}); first responses by the
 * answer's {@code sentAt}. A fact without a channel of its own (appointment events) takes its conversation's.
 */
@ApplicationScoped
public class MetricsService {

    /** The types the report counts (the rest are stored for later reports). */
    static final List<String> COUNTED = List.of(Topics.MESSAGE_RECEIVED, Topics.MESSAGE_CLASSIFIED,
            Topics.LEAD_CREATED, Topics.APPOINTMENT_BOOKED, Topics.APPOINTMENT_CONFIRMED,
            Topics.APPOINTMENT_CANCELLED, Topics.APPOINTMENT_RESCHEDULED, Topics.NO_SHOW, Topics.REPLY_SENT,
            Topics.REPLY_FAILED);

    private static final String FACTS = " from event_fact f left join conversation_fact c"
            + " on c.tenant_id = f.tenant_id and c.conversation_id = f.conversation_id";

    public Uni<MetricsReport> report(Scope scope, ReportQuery query) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> counts(session, scope, query)
                .chain(counts -> intents(session, scope, query)
                        .chain(intents -> utm(session, scope, query)
                                .chain(utm -> firstResponses(session, scope, query)
                                        .chain(first -> variants(session, scope, query)
                                                .map(arms -> new FactSummary(counts, intents, utm, first,
                                                        arms))))))))
                .map(facts -> ReportCalculator.report(scope.label(), query.from(), query.to(), facts));
    }

    private Uni<List<TypeCount>> counts(Mutiny.Session session, Scope scope, ReportQuery query) {
        String sql = "select f.type, coalesce(f.channel, c.channel), count(*), count(distinct f.conversation_id),"
                + " count(*) filter (where f.type = '" + Topics.MESSAGE_CLASSIFIED + "'"
                + " and f.data -> 'classification' ->> 'fallback' = 'true')"
                + FACTS + factFilter(scope, query) + " and f.type in (:types) group by 1, 2";
        return bind(session.createNativeQuery(sql, Object[].class), scope, query)
                .setParameter("types", COUNTED)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new TypeCount((String) r[0], channel(r[1]), number(r[2]),
                        number(r[3]), number(r[4]))).toList());
    }

    private Uni<Map<String, Long>> intents(Mutiny.Session session, Scope scope, ReportQuery query) {
        String sql = "select f.data -> 'classification' ->> 'intent', count(*)" + FACTS + factFilter(scope, query)
                + " and f.type = '" + Topics.MESSAGE_CLASSIFIED + "' group by 1";
        return bind(session.createNativeQuery(sql, Object[].class), scope, query)
                .getResultList()
                .map(rows -> {
                    Map<String, Long> intents = new HashMap<>();
                    rows.forEach(r -> intents.merge(r[0] == null ? "unknown" : (String) r[0], number(r[1]),
                            Long::sum));
                    return intents;
                });
    }

    private Uni<List<UtmCount>> utm(Mutiny.Session session, Scope scope, ReportQuery query) {
        // a conversation counts under the source it first came with; a lead under its own, else its conversation's
        String sql = "select c.utm_source, count(distinct f.conversation_id), 0" + FACTS + factFilter(scope, query)
                + " and f.type = '" + Topics.MESSAGE_RECEIVED + "' group by 1"
                + " union all select coalesce(nullif(f.data -> 'utm' ->> 'source', ''), c.utm_source), 0, count(*)"
                + FACTS + factFilter(scope, query) + " and f.type = '" + Topics.LEAD_CREATED + "' group by 1";
        return bind(session.createNativeQuery(sql, Object[].class), scope, query)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new UtmCount((String) r[0], number(r[1]), number(r[2])))
                        .toList());
    }

    /** The appointment events per experiment arm named in their {@code variants} (a JSON object, when present). */
    private Uni<List<VariantCount>> variants(Mutiny.Session session, Scope scope, ReportQuery query) {
        String sql = "select v.key, v.value, f.type, count(*)" + FACTS
                + " cross join lateral jsonb_each_text(case when jsonb_typeof(f.data -> 'variants') = 'object'"
                + " then f.data -> 'variants' else '{}'::jsonb end) v"
                + factFilter(scope, query) + " and f.type in (:types) group by 1, 2, 3";
        return bind(session.createNativeQuery(sql, Object[].class), scope, query)
                .setParameter("types", List.of(Topics.APPOINTMENT_BOOKED, Topics.APPOINTMENT_CONFIRMED,
                        Topics.NO_SHOW))
                .getResultList()
                .map(rows -> rows.stream().map(r -> new VariantCount((String) r[0], (String) r[1], (String) r[2],
                        number(r[3]))).toList());
    }

    private Uni<List<FirstResponse>> firstResponses(Mutiny.Session session, Scope scope, ReportQuery query) {
        StringBuilder sql = new StringBuilder("select r.channel, r.response_ms from first_response r"
                + " where r.sent_at >= :from and r.sent_at < :to");
        if (!scope.all()) {
            sql.append(" and r.tenant_id = :tenant");
        }
        if (query.channel() != null) {
            sql.append(" and r.channel = :channel");
        }
        return bind(session.createNativeQuery(sql.toString(), Object[].class), scope, query)
                .getResultList()
                .map(rows -> {
                    List<FirstResponse> result = new ArrayList<>(rows.size());
                    rows.forEach(r -> result.add(new FirstResponse(channel(r[0]), number(r[1]))));
                    return result;
                });
    }

    private static String factFilter(Scope scope, ReportQuery query) {
        StringBuilder where = new StringBuilder(" where f.occurred_at >= :from and f.occurred_at < :to");
        if (!scope.all()) {
            where.append(" and f.tenant_id = :tenant");
        }
        if (query.channel() != null) {
            where.append(" and coalesce(f.channel, c.channel) = :channel");
        }
        return where.toString();
    }

    private static <T> Mutiny.SelectionQuery<T> bind(Mutiny.SelectionQuery<T> q, Scope scope, ReportQuery query) {
        q.setParameter("from", utc(query.from())).setParameter("to", utc(query.to()));
        if (!scope.all()) {
            q.setParameter("tenant", scope.tenantId());
        }
        if (query.channel() != null) {
            q.setParameter("channel", query.channel().name());
        }
        return q;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Channel channel(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Channel.valueOf((String) value);
        } catch (IllegalArgumentException e) {
            return null; // a channel added to the events after this build: counted in the totals only
        }
    }
}
