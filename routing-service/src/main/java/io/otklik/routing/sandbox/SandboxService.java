package io.otklik.routing.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventJson;
import io.otklik.events.EventTypes;
import io.otklik.events.InvalidEventException;
import io.otklik.events.data.DraftReviewed;
import io.otklik.events.data.ReplyDrafted;
import io.otklik.events.data.ReplyRequested;
import io.otklik.platform.outbox.Outbox;
import io.otklik.platform.outbox.OutboxRelay;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.otklik.platform.web.ProblemException;
import io.otklik.platform.tenant.OnDuty;
import io.otklik.routing.takeover.TakeoverStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sandbox mode (seed 004: "a sandbox week before going live"): while a tenant's {@code sandbox} is on, the dialog's
 * reply is stored as a draft and announced to a staff member ({@code reply_drafted}) instead of being sent; approval
 * (admin API or the Telegram button, {@code draft_reviewed}) publishes the stored {@code reply_requested}, rejection
 * hands the conversation to the reviewer (a takeover). A draft is decided once: the row's status changes in the
 * transaction that writes the reply to the outbox, so a second decision sends nothing.
 */
@ApplicationScoped
public class SandboxService {

    private static final Logger LOG = Logger.getLogger(SandboxService.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** The most drafts one list returns. */
    public static final int MAX_LIST = 500;
    /** Telegram's limit of one message; an edited text must fit it. */
    public static final int MAX_TEXT = 4096;
    /** The reviewer when the admin API names none (as for a takeover). */
    static final String STAFF = "staff";

    private final DraftStore drafts;
    private final TakeoverStore takeovers;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final TenantRegistry tenants;
    private final Clock clock;
    private final int takeoverMinutes;

    public SandboxService(DraftStore drafts, TakeoverStore takeovers, Outbox outbox, OutboxRelay relay,
                          TenantRegistry tenants, Clock clock,
                          @ConfigProperty(name = "otklik.takeover.default-minutes", defaultValue = "480")
                          int takeoverMinutes) {
        this.drafts = drafts;
        this.takeovers = takeovers;
        this.outbox = outbox;
        this.relay = relay;
        this.tenants = tenants;
        this.clock = clock;
        this.takeoverMinutes = takeoverMinutes;
    }

    /** A decision through the admin API; both optional: the edited text to send instead, who decides. */
    @RegisterForReflection
    public record Review(String text, String staffId) {
    }

    /** A draft in the admin API. */
    @RegisterForReflection
    public record DraftView(UUID id, String conversationId, String channel, String status, String clientText,
                            String draftText, String finalText, String approver, String reviewer, Instant createdAt,
                            Instant decidedAt) {
    }

    /** Whether the tenant's replies are drafts at this instant (the sandbox's dates are the tenant's local dates). */
    public static boolean on(Tenant tenant, Instant now) {
        return tenant.sandboxOn(LocalDate.ofInstant(now, tenant.zone()));
    }

    /** Who reviews drafts now: {@code sandbox.approver}, else whoever the rota names, else the owner. */
    public static Optional<Tenant.Staff> approver(Tenant tenant, Instant now) {
        String named = tenant.sandbox() == null ? null : tenant.sandbox().approver();
        if (named != null && !named.isBlank()) {
            Optional<Tenant.Staff> staff = tenant.staffMember(named.strip());
            if (staff.isPresent()) {
                return staff;
            }
        }
        return OnDuty.at(tenant, now)
                .or(() -> tenant.staff().stream().filter(s -> "owner".equals(s.role())).findFirst());
    }

    /**
     * Inside the dialog's transaction: stores the reply as a draft and writes {@code reply_drafted} instead of the
     * reply itself.
     *
     * @param clientText the client's message the reply answers
     * @param summary    a line about what the client wants, if any
     */
    public Uni<Void> draft(Tenant tenant, ReplyRequested reply, String clientText, String summary, Instant now) {
        UUID id = UUID.randomUUID();
        Tenant.Staff approver = approver(tenant, now).orElse(null);
        String staffId = approver == null ? STAFF : approver.id();
        ReplyDrafted drafted = new ReplyDrafted(id, reply.conversationId(), reply.channel(), staffId,
                approver == null ? null : approver.telegramChatId(), clientText == null ? "" : clientText,
                reply.text(), summary);
        return drafts.insert(id, tenant.id(), reply.conversationId(), json(reply), clientText, staffId, now)
                .chain(() -> outbox.publish(EventTypes.REPLY_DRAFTED, tenant.id(), reply.conversationId(),
                        reply.conversationId(), drafted))
                .invoke(() -> LOG.infof("tenant=%s conversation=%s draft=%s: sandbox, the reply waits for %s",
                        tenant.id(), reply.conversationId(), id, staffId))
                .replaceWithVoid();
    }

    /**
     * Reads a decision body: empty means the draft's own text and the reviewer "staff".
     *
     * @throws ProblemException 400 naming the field
     */
    public static Review review(Tenant tenant, String body) {
        if (body == null || body.isBlank()) {
            return new Review(null, STAFF);
        }
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("the body is not a JSON object like {\"text\": \"…\"}", "body");
        }
        if (node == null || !node.isObject()) {
            throw ProblemException.badRequest("the body is not a JSON object like {\"text\": \"…\"}", "body");
        }
        Review r = new Review(string(node, "text"), string(node, "staffId"));
        if (r.text() != null && r.text().isBlank()) {
            throw ProblemException.badRequest("'text' must not be blank (leave it out to send the draft as is)",
                    "text");
        }
        if (r.text() != null && r.text().strip().length() > MAX_TEXT) {
            throw ProblemException.badRequest("'text' may have at most " + MAX_TEXT + " characters", "text");
        }
        String staffId = r.staffId() == null || r.staffId().isBlank() ? STAFF : r.staffId().strip();
        if (!STAFF.equals(staffId) && tenant.staffMember(staffId).isEmpty()) {
            throw ProblemException.badRequest("the tenant has no staff member '" + staffId + "'", "staffId");
        }
        return new Review(r.text() == null ? null : r.text().strip(), staffId);
    }

    /** A string field, null when absent; Jackson would turn a number into text, a reviewer's typo must not send. */
    private static String string(com.fasterxml.jackson.databind.JsonNode node, String field) {
        com.fasterxml.jackson.databind.JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ProblemException.badRequest("'" + field + "' must be a string", field);
        }
        return value.asText();
    }

    /** Approves through the admin API: 404 for no such draft of the tenant, 409 when it was decided before. */
    public Uni<DraftView> approve(Tenant tenant, UUID id, Review review) {
        return decided(tenant, id, Panache.withTransaction(() -> approve(tenant, id, review.staffId(),
                review.text(), clock.instant())));
    }

    /** Rejects through the admin API: the conversation is taken over for the reviewer. */
    public Uni<DraftView> reject(Tenant tenant, UUID id, Review review) {
        return decided(tenant, id, Panache.withTransaction(() -> reject(tenant, id, review.staffId(),
                clock.instant())));
    }

    /** Inside the inbox transaction of {@code draft_reviewed}: applies the Telegram decision, at most once. */
    public Uni<Void> review(EventEnvelope<DraftReviewed> event) {
        DraftReviewed r = event.data();
        if (r == null || r.draftId() == null || r.decision() == null || r.staffId() == null) {
            throw new InvalidEventException("draft_reviewed without draftId, decision or staffId");
        }
        Tenant tenant = tenants.byId(event.tenantId()).orElse(null);
        if (tenant == null) {
            LOG.warnf("tenant=%s draft=%s: unknown tenant, review skipped", event.tenantId(), r.draftId());
            return Uni.createFrom().voidItem();
        }
        Instant at = r.decidedAt() != null ? r.decidedAt() : clock.instant();
        Uni<DraftStore.Row> decided = r.decision() == DraftReviewed.Decision.APPROVED
                ? approve(tenant, r.draftId(), r.staffId(), null, at)
                : reject(tenant, r.draftId(), r.staffId(), at);
        return decided.invoke(row -> {
            if (row == null) {
                LOG.infof("tenant=%s draft=%s: %s by %s ignored, no such draft or decided before", tenant.id(),
                        r.draftId(), r.decision(), r.staffId());
            }
        }).replaceWithVoid();
    }

    public Uni<List<DraftView>> list(Tenant tenant, String status) {
        String s = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (s != null && !List.of("PENDING", "APPROVED", "REJECTED").contains(s)) {
            throw ProblemException.badRequest("unknown status '" + status + "' (one of PENDING, APPROVED, REJECTED)",
                    "status");
        }
        return Panache.withSession(() -> drafts.list(tenant.id(), s, MAX_LIST))
                .map(rows -> rows.stream().map(SandboxService::view).toList());
    }

    /** The row once decided now; null when there is no such pending draft. */
    private Uni<DraftStore.Row> approve(Tenant tenant, UUID id, String reviewer, String text, Instant at) {
        return drafts.find(tenant.id(), id).chain(found -> {
            if (found == null || !"PENDING".equals(found.status())) {
                return Uni.createFrom().<DraftStore.Row>nullItem();
            }
            ReplyRequested stored = request(found.request());
            String finalText = text != null ? text : stored.text();
            return drafts.decide(tenant.id(), id, "APPROVED", reviewer, at, finalText)
                    .chain(row -> row == null ? Uni.createFrom().<DraftStore.Row>nullItem()
                            : outbox.publish(EventTypes.REPLY_REQUESTED, tenant.id(), row.conversationId(),
                                            row.conversationId(), withText(stored, finalText))
                                    .call(() -> takeovers.answered(tenant.id(), row.conversationId()))
                                    .invoke(() -> LOG.infof("tenant=%s conversation=%s draft=%s approved by %s%s,"
                                                    + " sent", tenant.id(), row.conversationId(), id, reviewer,
                                            text != null ? " with an edited text" : ""))
                                    .replaceWith(row));
        });
    }

    private Uni<DraftStore.Row> reject(Tenant tenant, UUID id, String reviewer, Instant at) {
        return drafts.decide(tenant.id(), id, "REJECTED", reviewer, at, null)
                .call(row -> row == null ? Uni.createFrom().voidItem()
                        : takeovers.takeOver(tenant.id(), row.conversationId(), reviewer, at,
                                        at.plus(Duration.ofMinutes(takeoverMinutes)))
                                .invoke(() -> LOG.infof("tenant=%s conversation=%s draft=%s rejected by %s: the"
                                                + " conversation is theirs for %d minutes", tenant.id(),
                                        row.conversationId(), id, reviewer, takeoverMinutes)));
    }

    /** Outside the transaction: the decided draft, or 404 / 409. */
    private Uni<DraftView> decided(Tenant tenant, UUID id, Uni<DraftStore.Row> decision) {
        return decision.invoke(row -> {
                    if (row != null) {
                        relay.wakeUp();
                    }
                })
                .chain(row -> row != null ? Uni.createFrom().item(view(row))
                        : Panache.withSession(() -> drafts.find(tenant.id(), id)).map(found -> {
                            if (found == null) {
                                throw ProblemException.notFound("the tenant has no draft '" + id + "'");
                            }
                            throw new ProblemException(409, "Conflict", "the draft was " + found.status().toLowerCase(Locale.ROOT)
                                    + " already (by " + found.reviewer() + " at " + found.decidedAt() + ")", null);
                        }));
    }

    private static DraftView view(DraftStore.Row r) {
        ReplyRequested request = request(r.request());
        return new DraftView(r.id(), r.conversationId(), request.channel() == null ? null : request.channel().name(),
                r.status(), r.clientText(), request.text(), r.finalText(), r.approver(), r.reviewer(), r.createdAt(),
                r.decidedAt());
    }

    private static ReplyRequested withText(ReplyRequested r, String text) {
        return new ReplyRequested(r.replyId(), r.conversationId(), r.channel(), r.channelAccountId(), r.recipient(),
                text, r.kind(), r.inReplyTo(), r.inboundReceivedAt(), r.template(), r.buttons(), r.variants());
    }

    static String json(ReplyRequested r) {
        try {
            return EventJson.mapper().writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a ReplyRequested is always serialisable", e);
        }
    }

    static ReplyRequested request(String json) {
        try {
            return EventJson.mapper().readValue(json, ReplyRequested.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored draft is not a reply_requested", e);
        }
    }
}
