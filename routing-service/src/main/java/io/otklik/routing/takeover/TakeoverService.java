package io.otklik.routing.takeover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.web.ProblemException;
import io.otklik.routing.dialog.ConversationState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Staff take a conversation over (the bot stays silent in it until released or until the time is up) and release
 * it; lists a tenant's conversations for the admin API.
 */
@ApplicationScoped
public class TakeoverService {

    private static final Logger LOG = Logger.getLogger(TakeoverService.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** The longest takeover one call may ask for: a week. */
    public static final int MAX_MINUTES = 7 * 24 * 60;
    /** The most conversations one list returns. */
    public static final int MAX_LIST = 500;

    private final TakeoverStore store;
    private final Clock clock;
    private final int defaultMinutes;

    public TakeoverService(TakeoverStore store, Clock clock,
                           @ConfigProperty(name = "otklik.takeover.default-minutes", defaultValue = "480")
                           int defaultMinutes) {
        this.store = store;
        this.clock = clock;
        this.defaultMinutes = defaultMinutes;
    }

    /**
     * A takeover request; both optional.
     *
     * @param minutes how long the bot stays silent (default {@code otklik.takeover.default-minutes})
     * @param staffId who takes over (a staff id of the tenant), or null for "staff"
     */
    @RegisterForReflection
    public record TakeoverRequest(Integer minutes, String staffId) {
    }

    /** A conversation's takeover: {@code takenOver} is whether the bot is silent now. */
    @RegisterForReflection
    public record TakeoverView(String conversationId, boolean takenOver, String takenOverBy, Instant takenOverAt,
                               Instant takenOverUntil) {
    }

    /** A conversation in the list. */
    @RegisterForReflection
    public record ConversationItem(String id, String channel, String state, String clientId, UUID leadId,
                                   Instant firstMessageAt, Instant lastMessageAt, boolean takenOver,
                                   String takenOverBy, Instant takenOverUntil) {
    }

    /**
     * Reads a takeover body: empty means all defaults.
     *
     * @throws ProblemException 400 naming the field when it is not JSON or a value has the wrong type
     */
    public static TakeoverRequest request(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(body, TakeoverRequest.class);
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "body" : e.getPath().get(0).getFieldName();
            throw ProblemException.badRequest("'" + field + "' has the wrong type", field);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("the body is not a JSON object like {\"minutes\": 30}", "body");
        }
    }

    public Uni<TakeoverView> takeOver(Tenant tenant, String id, TakeoverRequest request) {
        Integer minutes = request == null || request.minutes() == null ? Integer.valueOf(defaultMinutes)
                : request.minutes();
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw ProblemException.badRequest("'minutes' must be between 1 and " + MAX_MINUTES + ", not " + minutes,
                    "minutes");
        }
        String staffId = request == null || request.staffId() == null || request.staffId().isBlank() ? "staff"
                : request.staffId().strip();
        if (!"staff".equals(staffId) && tenant.staffMember(staffId).isEmpty()) {
            throw ProblemException.badRequest("the tenant has no staff member '" + staffId + "'", "staffId");
        }
        Instant now = clock.instant();
        Instant until = now.plus(Duration.ofMinutes(minutes));
        return Panache.withTransaction(() -> store.takeOver(tenant.id(), id, staffId, now, until)
                        .chain(found -> found ? store.find(tenant.id(), id) : Uni.createFrom().<TakeoverStore.Row>nullItem()))
                .map(row -> row == null ? null : view(row, now))
                .invoke(v -> {
                    if (v != null) {
                        LOG.infof("tenant=%s conversation=%s taken over by %s until %s", tenant.id(), id, staffId,
                                until);
                    }
                })
                .onItem().ifNull().failWith(() -> notFound(id));
    }

    public Uni<TakeoverView> release(Tenant tenant, String id) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> store.release(tenant.id(), id)
                        .chain(found -> found ? store.find(tenant.id(), id) : Uni.createFrom().<TakeoverStore.Row>nullItem()))
                .map(row -> row == null ? null : view(row, now))
                .invoke(v -> {
                    if (v != null) {
                        LOG.infof("tenant=%s conversation=%s released to the bot", tenant.id(), id);
                    }
                })
                .onItem().ifNull().failWith(() -> notFound(id));
    }

    /**
     * @param state a conversation state, {@code TAKEN_OVER}, or null for all (case-insensitive)
     * @param from  null for 7 days before {@code to}
     * @param to    null for now
     */
    public Uni<List<ConversationItem>> list(Tenant tenant, String state, Instant from, Instant to) {
        Instant now = clock.instant();
        Instant end = to != null ? to : now.plusMillis(1);
        Instant start = from != null ? from : end.minus(Duration.ofDays(7));
        if (!end.isAfter(start)) {
            throw ProblemException.badRequest("'to' must be after 'from'", "to");
        }
        if (Duration.between(start, end).compareTo(Duration.ofDays(366)) > 0) {
            throw ProblemException.badRequest("the range may span at most 366 days", "to");
        }
        String s = state == null || state.isBlank() ? null : state.strip().toUpperCase(Locale.ROOT);
        if (s != null && !"TAKEN_OVER".equals(s)
                && Arrays.stream(ConversationState.values()).noneMatch(v -> v.name().equals(s))) {
            throw ProblemException.badRequest("unknown state '" + state + "' (one of "
                    + String.join(", ", Arrays.stream(ConversationState.values()).map(Enum::name).toList())
                    + ", TAKEN_OVER)", "state");
        }
        return Panache.withSession(() -> store.list(tenant.id(), s, start, end, now, MAX_LIST))
                .map(rows -> rows.stream().map(r -> new ConversationItem(r.id(), r.channel(), r.state(),
                        r.clientId(), r.leadId(), r.firstMessageAt(), r.lastMessageAt(),
                        r.takenOverUntil() != null && r.takenOverUntil().isAfter(now), r.takenOverBy(),
                        r.takenOverUntil())).toList());
    }

    private static TakeoverView view(TakeoverStore.Row row, Instant now) {
        boolean active = row.takenOverUntil() != null && row.takenOverUntil().isAfter(now);
        return new TakeoverView(row.id(), active, active ? row.takenOverBy() : null,
                active ? row.takenOverAt() : null, active ? row.takenOverUntil() : null);
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("the tenant has no conversation '" + id + "'");
    }
}
