package io.otklik.metrics.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventJson;
import io.otklik.events.EventType;
import io.otklik.events.EventTypes;
import io.otklik.events.InvalidEventException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Stores each event once as a fact, with the typed rows reports need, in one transaction. The fact's primary key (the
 * event id) is the deduplication: a redelivered event inserts nothing and so changes no number and no meter.
 */
@ApplicationScoped
public class FactService {

    private static final Logger LOG = Logger.getLogger(FactService.class);

    private final FactMeters meters;
    private final Clock clock;

    public FactService(FactMeters meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    /** What storing an event did. */
    public record Recorded(Fact fact, boolean stored, boolean firstResponse) {
    }

    /**
     * Reads the event published on {@code topic} and stores it unless it was seen before.
     *
     * @throws InvalidEventException (as the Uni's failure) when the JSON is not an event of the topic's type
     */
    public Uni<Recorded> record(String topic, String json) {
        EventType<?> type = EventTypes.byTopic(topic)
                .orElseThrow(() -> new InvalidEventException("'" + topic + "' is not an event topic"));
        EventEnvelope<?> event = EventJson.read(json, type);
        Fact fact = Fact.of(event);
        String data = rawData(json);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> insertFact(session, fact, data)
                        .chain(stored -> stored ? derive(session, fact) : Uni.createFrom().item(
                                new Recorded(fact, false, false)))))
                .invoke(this::measure);
    }

    private Uni<Recorded> derive(Mutiny.Session session, Fact fact) {
        return fact.answer() == null
                ? Uni.createFrom().item(new Recorded(fact, true, false))
                : upsertFirstResponse(session, fact).map(first -> new Recorded(fact, true, first));
    }

    private void measure(Recorded recorded) {
        Fact fact = recorded.fact();
        if (!recorded.stored()) {
            LOG.debugf("event %s (%s, tenant %s) already stored, skipped", fact.eventId(), fact.type(),
                    fact.tenantId());
            return;
        }
        meters.counted(fact);
        if (recorded.firstResponse()) {
            meters.firstResponse(fact);
        }
    }

    private Uni<Boolean> insertFact(Mutiny.Session session, Fact fact, String data) {
        return session.createNativeQuery("insert into event_fact (event_id, tenant_id, type, subject, conversation_id,"
                        + " channel, occurred_at, data, received_at) values (:id, :tenant, :type, :subject,"
                        + " :conversation, :channel, :occurred, cast(cast(:data as text) as jsonb), :received)"
                        + " on conflict (event_id) do nothing")
                .setParameter("id", fact.eventId())
                .setParameter("tenant", fact.tenantId())
                .setParameter("type", fact.type())
                .setParameter("subject", fact.subject())
                .setParameter("conversation", fact.conversationId())
                .setParameter("channel", fact.channel() == null ? null : fact.channel().name())
                .setParameter("occurred", utc(fact.occurredAt()))
                // bound as text, then parsed: a string bound straight to jsonb would be stored as one JSON string
                .setParameter("data", data)
                .setParameter("received", utc(clock.instant()))
                .executeUpdate()
                .map(inserted -> inserted == 1);
    }

    /**
     * Keeps the earliest sent answer of the conversation. True only when this is the first answer stored for it;
     * an earlier answer arriving late corrects the row but is not observed by the meter a second time.
     */
    private Uni<Boolean> upsertFirstResponse(Mutiny.Session session, Fact fact) {
        Fact.Answer answer = fact.answer();
        return session.createNativeQuery("insert into first_response (tenant_id, conversation_id, reply_id, channel,"
                        + " inbound_received_at, sent_at, response_ms) values (:tenant, :conversation, :reply,"
                        + " :channel, :inbound, :sent, :ms)"
                        + " on conflict (tenant_id, conversation_id) do update set reply_id = excluded.reply_id,"
                        + " channel = excluded.channel, inbound_received_at = excluded.inbound_received_at,"
                        + " sent_at = excluded.sent_at, response_ms = excluded.response_ms"
                        + " where excluded.sent_at < first_response.sent_at"
                        + " returning (xmax = 0), response_ms", Object[].class)
                .setParameter("tenant", fact.tenantId())
                .setParameter("conversation", fact.conversationId())
                .setParameter("reply", answer.replyId())
                .setParameter("channel", fact.channel().name())
                .setParameter("inbound", utc(answer.inboundReceivedAt()))
                .setParameter("sent", utc(answer.sentAt()))
                .setParameter("ms", answer.responseMs())
                .getResultList()
                .map(rows -> firstInsert(rows));
    }

    private static boolean firstInsert(List<Object[]> rows) {
        return !rows.isEmpty() && Boolean.TRUE.equals(rows.get(0)[0]);
    }

    /** The payload exactly as it arrived, so fields newer than this build are kept for later reports. */
    private static String rawData(String json) {
        try {
            JsonNode data = EventJson.mapper().readTree(json).get("data");
            return EventJson.mapper().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not JSON: " + e.getOriginalMessage());
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
