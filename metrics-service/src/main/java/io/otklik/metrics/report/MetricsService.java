package io.otklik.metrics.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.otklik.events.EventJson;
import io.otklik.events.Topics;
import io.otklik.events.data.Channel;
import io.otklik.metrics.load.AppointmentEvent;
import io.otklik.platform.db.Rows;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Reads the window's facts of one scope from PostgreSQL — the events by their own time, the first responses by the
 * answer's {@code sentAt}, and what each conversation's events (of any time) say of it — and hands them to
 * {@link ReportCalculator}. Payload fields are read with {@code jsonb} paths, so nothing but the stored events is
 * needed and a rebuilt store gives the same numbers.
 */
@ApplicationScoped
public class MetricsService {

    private static final TypeReference<Map<String, String>> ARMS = new TypeReference<>() {
    };

    /** The arms an event names, when its {@code variants} is a JSON object. */
    private static final String VARIANTS = "case when jsonb_typeof(f.data -> 'variants') = 'object'"
            + " then (f.data -> 'variants')::text end";
    /** Facts stored before intent_feedback's conversation was kept have it in the payload only. */
    private static final String CONVERSATION = "coalesce(f.conversation_id, f.data ->> 'conversationId')";
    private static final String UTM = "coalesce(f.data -> 'utm', f.data -> 'message' -> 'utm')";

    private final TenantRegistry tenants;

    public MetricsService(TenantRegistry tenants) {
        this.tenants = tenants;
    }

    public Uni<MetricsReport> report(Scope scope, ReportQuery query) {
        return facts(scope, query).map(facts -> ReportCalculator.report(scope.label(), query, zone(scope), facts));
    }

    /**
     * Several groupings of one window from one read of the store (the dashboard's tables): the report of
     * {@code query} once per {@code groupBy} given, in that order.
     */
    public Uni<List<MetricsReport>> reports(Scope scope, ReportQuery query, List<GroupBy> groupings) {
        ZoneId zone = zone(scope);
        return facts(scope, query).map(facts -> groupings.stream().map(by -> ReportCalculator.report(scope.label(),
                new ReportQuery(query.from(), query.to(), query.channel(), List.of(by)), zone, facts)).toList());
    }

    /** Where the scope's hours, days and weeks are counted: the tenant's zone, UTC for all tenants. */
    public ZoneId zone(Scope scope) {
        return scope.all() ? ZoneOffset.UTC
                : tenants.byId(scope.tenantId()).map(Tenant::zone).orElse(ZoneOffset.UTC);
    }

    private Uni<WindowFacts> facts(Scope scope, ReportQuery query) {
        Tenant tenant = scope.all() ? null : tenants.byId(scope.tenantId()).orElse(null);
        return Panache.withSession(() -> Panache.getSession().chain(session -> rows(session, scope, query)
                .chain(rows -> firstResponses(session, scope, query)
                        .chain(firsts -> conversations(session, scope, query)
                                .chain(conversations -> appointments(session, tenant, query)
                                        .map(appointments -> new WindowFacts(rows, firsts, conversations, tenant,
                                                appointments)))))));
    }

    /**
     * Every booked, rescheduled and cancelled event of the tenant's appointments that start, at some point of their
     * history, within a day of the window (moves across the window's edge included); none for all tenants.
     */
    private Uni<List<AppointmentEvent>> appointments(Mutiny.Session session, Tenant tenant, ReportQuery query) {
        if (tenant == null) {
            return Uni.createFrom().item(List.of());
        }
        String near = "select g.data ->> 'appointmentId' from event_fact g where g.tenant_id = :tenant"
                + " and g.type in (:types)"
                + " and (g.data ->> 'startsAt')::timestamptz >= cast(:from as timestamptz) - interval '1 day'"
                + " and (g.data ->> 'startsAt')::timestamptz < cast(:to as timestamptz) + interval '1 day'";
        String sql = "select f.type, f.data ->> 'appointmentId', f.data ->> 'staffId', f.data ->> 'startsAt',"
                + " f.data ->> 'endsAt', f.occurred_at from event_fact f where f.tenant_id = :tenant"
                + " and f.type in (:types) and f.data ->> 'appointmentId' in (" + near + ")";
        return session.createNativeQuery(sql, Object[].class)
                .setParameter("tenant", tenant.id())
                .setParameter("types", List.of(Topics.APPOINTMENT_BOOKED, Topics.APPOINTMENT_RESCHEDULED,
                        Topics.APPOINTMENT_CANCELLED))
                .setParameter("from", utc(query.from()))
                .setParameter("to", utc(query.to()))
                .getResultList()
                .map(result -> {
                    List<AppointmentEvent> events = new ArrayList<>(result.size());
                    for (Object[] r : result) {
                        events.add(new AppointmentEvent((String) r[0], (String) r[1], (String) r[2],
                                parseInstant(r[3]), parseInstant(r[4]), Rows.instant(r[5])));
                    }
                    return events;
                });
    }

    private Uni<List<FactRow>> rows(Mutiny.Session session, Scope scope, ReportQuery query) {
        String sql = "select f.tenant_id, f.type, " + CONVERSATION + ", f.channel, f.occurred_at,"
                + " " + UTM + " ->> 'source', " + UTM + " ->> 'campaign', " + VARIANTS + ","
                + " f.data -> 'classification' ->> 'fallback', f.data -> 'classification' ->> 'intent',"
                + " f.data ->> 'qualityScore', f.data ->> 'messageId', f.data ->> 'predictedIntent',"
                + " f.data ->> 'correctIntent'"
                + " from event_fact f" + window(scope, "f", "occurred_at") + " and f.type in (:types)";
        return bind(session.createNativeQuery(sql, Object[].class), scope, query)
                .setParameter("types", Figures.Type.topics())
                .getResultList()
                .map(result -> {
                    List<FactRow> rows = new ArrayList<>(result.size());
                    for (Object[] r : result) {
                        rows.add(new FactRow((String) r[0], (String) r[1], (String) r[2], channel(r[3]),
                                (String) r[5], (String) r[6], arms(r[7]), Rows.instant(r[4]), "true".equals(r[8]),
                                (String) r[9], integer(r[10]), (String) r[11], (String) r[12], (String) r[13]));
                    }
                    return rows;
                });
    }

    /**
     * The conversation's first answer, and whether a person approved it first: the conversation had a sandbox draft
     * approved no later than the answer went out.
     */
    private Uni<List<FirstResponse>> firstResponses(Mutiny.Session session, Scope scope, ReportQuery query) {
        String sql = "select r.tenant_id, r.conversation_id, r.channel, r.response_ms, r.sent_at,"
                + " exists (select 1 from event_fact d where d.tenant_id = r.tenant_id"
                + " and d.conversation_id = r.conversation_id and d.type = '" + Topics.DRAFT_REVIEWED + "'"
                + " and d.data ->> 'decision' = 'APPROVED' and d.occurred_at <= r.sent_at)"
                + " from first_response r" + window(scope, "r", "sent_at");
        return bind(session.createNativeQuery(sql, Object[].class), scope, query)
                .getResultList()
                .map(result -> {
                    List<FirstResponse> firsts = new ArrayList<>(result.size());
                    for (Object[] r : result) {
                        firsts.add(new FirstResponse((String) r[0], (String) r[1], channel(r[2]), Rows.number(r[3]),
                                Rows.instant(r[4]), Boolean.TRUE.equals(r[5])));
                    }
                    return firsts;
                });
    }

    /**
     * For each conversation with a fact or first response in the window, its events that name a channel, a UTM or
     * experiment arms, in the order of their own time (ties by event id), folded into a {@link ConversationInfo}.
     */
    private Uni<Map<FactRow.ConversationKey, ConversationInfo>> conversations(Mutiny.Session session, Scope scope,
                                                                             ReportQuery query) {
        String inWindow = "select f.tenant_id, " + CONVERSATION + " conversation_id from event_fact f"
                + window(scope, "f", "occurred_at") + " and " + CONVERSATION + " is not null union select f.tenant_id, f.conversation_id"
                + " from first_response f" + window(scope, "f", "sent_at");
        String sql = "select f.tenant_id, f.conversation_id, f.channel, " + UTM + " ->> 'source', "
                + UTM + " ->> 'campaign', " + VARIANTS
                + " from event_fact f join (" + inWindow + ") w"
                + " on w.tenant_id = f.tenant_id and w.conversation_id = f.conversation_id"
                + " where f.channel is not null or " + UTM + " is not null"
                + " or jsonb_typeof(f.data -> 'variants') = 'object'"
                + " order by f.occurred_at, f.event_id";
        return bind(session.createNativeQuery(sql, Object[].class), scope, query)
                .getResultList()
                .map(result -> {
                    Map<FactRow.ConversationKey, Info> infos = new HashMap<>();
                    for (Object[] r : result) {
                        infos.computeIfAbsent(new FactRow.ConversationKey((String) r[0], (String) r[1]),
                                k -> new Info()).add(channel(r[2]), (String) r[3], (String) r[4], arms(r[5]));
                    }
                    Map<FactRow.ConversationKey, ConversationInfo> conversations = new HashMap<>();
                    infos.forEach((key, info) -> conversations.put(key, new ConversationInfo(info.channel,
                            info.utmSource, info.utmCampaign, info.variants)));
                    return conversations;
                });
    }

    /** A conversation's attributes as its events tell them, the first value of each winning. */
    private static final class Info {
        Channel channel;
        String utmSource;
        String utmCampaign;
        final Map<String, String> variants = new LinkedHashMap<>();

        void add(Channel channel, String source, String campaign, Map<String, String> arms) {
            if (this.channel == null) {
                this.channel = channel;
            }
            if (utmSource == null && source != null && !source.isBlank()) {
                utmSource = source.strip();
            }
            if (utmCampaign == null && campaign != null && !campaign.isBlank()) {
                utmCampaign = campaign.strip();
            }
            arms.forEach(variants::putIfAbsent);
        }
    }

    /** The time window on {@code alias.time} and, for one tenant, its id. */
    private static String window(Scope scope, String alias, String time) {
        String column = alias + "." + time;
        return " where " + column + " >= :from and " + column + " < :to"
                + (scope.all() ? "" : " and " + alias + ".tenant_id = :tenant");
    }

    private static <T> Mutiny.SelectionQuery<T> bind(Mutiny.SelectionQuery<T> q, Scope scope, ReportQuery query) {
        q.setParameter("from", utc(query.from())).setParameter("to", utc(query.to()));
        if (!scope.all()) {
            q.setParameter("tenant", scope.tenantId());
        }
        return q;
    }

    private static Map<String, String> arms(Object json) {
        if (json == null) {
            return Map.of();
        }
        try {
            Map<String, String> arms = EventJson.mapper().readValue((String) json, ARMS);
            arms.values().removeIf(v -> v == null || v.isBlank());
            return arms;
        } catch (JsonProcessingException e) {
            return Map.of(); // arms that are not strings: not an experiment this report can name
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant parseInstant(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse((String) value).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null; // not a time: the calculator skips what it cannot place
        }
    }

    private static Integer integer(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(((String) value).strip());
        } catch (NumberFormatException e) {
            return null; // a score that is not a whole number is no score
        }
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
