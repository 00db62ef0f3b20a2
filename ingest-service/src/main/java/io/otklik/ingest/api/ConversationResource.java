package io.otklik.ingest.api;

import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.otklik.platform.web.ApiKeys;
import io.otklik.platform.web.Problem.FieldError;
import io.otklik.platform.web.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Conversations read back: the JSONL export of session logs for NLU training (masked unless an admin asks for raw
 * data) and one conversation for staff following a handoff link.
 */
@Path("/api/v1/conversations")
public class ConversationResource {

    static final String NDJSON = "application/x-ndjson";
    static final int VIEW_LIMIT = 1000;

    private static final Logger LOG = Logger.getLogger(ConversationResource.class);

    private final Callers callers;
    private final TenantRegistry tenants;
    private final ConversationStore store;
    private final ConversationLinks links;
    private final Duration maxRange;

    public ConversationResource(Callers callers, TenantRegistry tenants, ConversationStore store,
                                ConversationLinks links,
                                @ConfigProperty(name = "otklik.export.max-range", defaultValue = "P92D")
                                Duration maxRange) {
        this.callers = callers;
        this.tenants = tenants;
        this.store = store;
        this.links = links;
        this.maxRange = maxRange;
    }

    /**
     * Every message in and out received in [from, to), one JSON object per line, ordered by conversation then
     * time. A tenant key exports that tenant; the admin key every tenant, or one with {@code tenant=}.
     */
    @GET
    @Path("/export")
    @Produces(NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<ConversationLine> export(@HeaderParam(ApiKeys.HEADER) String apiKey,
                                          @QueryParam("from") String fromParam, @QueryParam("to") String toParam,
                                          @QueryParam("tenant") String tenantParam,
                                          @QueryParam("raw") String rawParam) {
        Callers.Caller caller = callers.of(apiKey);
        List<FieldError> errors = new ArrayList<>();
        Instant from = instant("from", fromParam, errors);
        Instant to = instant("to", toParam, errors);
        Boolean raw = flag("raw", rawParam, errors);
        if (from != null && to != null) {
            if (!from.isBefore(to)) {
                errors.add(new FieldError("to", "must be after 'from'"));
            } else if (Duration.between(from, to).compareTo(maxRange) > 0) {
                errors.add(new FieldError("to", "the range is longer than " + maxRange.toDays()
                        + " days; export it in parts"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String tenantId = scope(caller, tenantParam);
        if (raw != null && raw && !caller.admin()) {
            throw ProblemException.forbidden("raw (unmasked) data needs the admin key");
        }
        boolean masked = raw == null || !raw;
        LOG.infof("export tenant=%s from=%s to=%s masked=%s by %s", tenantId == null ? "*" : tenantId, from, to,
                masked, caller.admin() ? "admin" : "tenant key");
        Multi<ConversationLine> lines = store.export(tenantId, from, to);
        return masked ? lines.map(ConversationLine::masked) : lines;
    }

    /**
     * One conversation for the business's staff: opened with the signed link of a handoff message
     * ({@code ?token=}) or the tenant's API key. Not masked: staff take the conversation over and need to reach
     * the client.
     */
    @GET
    @Path("/{conversationId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ConversationView> view(@PathParam("conversationId") String conversationId,
                                      @QueryParam("token") String token,
                                      @HeaderParam(ApiKeys.HEADER) String apiKey) {
        if (!Ids.uuid(conversationId)) {
            throw ProblemException.badRequest("'" + conversationId + "' is not a conversation id", "conversationId");
        }
        boolean byKey = apiKey != null && !apiKey.isBlank();
        if (!byKey && (token == null || token.isBlank())) {
            throw ProblemException.unauthorized("open the link from the handoff message (?token=) or send "
                    + ApiKeys.HEADER);
        }
        Callers.Caller caller = byKey ? callers.of(apiKey) : null;
        return store.tenantOf(conversationId).chain(found -> {
            Tenant tenant = found.flatMap(tenants::byId)
                    .filter(t -> caller == null || caller.admin() || caller.tenant().id().equals(t.id()))
                    .orElseThrow(() -> ProblemException.notFound("no conversation " + conversationId));
            if (caller == null && !links.valid(tenant, conversationId, token.strip())) {
                throw ProblemException.unauthorized("the link's token is not valid for this conversation");
            }
            return store.conversation(tenant.id(), conversationId, VIEW_LIMIT)
                    .map(lines -> ConversationView.of(tenant.id(), conversationId, lines));
        });
    }

    /** The tenant the export covers (null: all); 403 when a tenant key asks for another tenant. */
    private String scope(Callers.Caller caller, String tenantParam) {
        String wanted = tenantParam == null || tenantParam.isBlank() ? null : tenantParam.strip();
        if (caller.admin()) {
            if (wanted != null && tenants.byId(wanted).isEmpty()) {
                throw ProblemException.notFound("no tenant '" + wanted + "'");
            }
            return wanted;
        }
        if (wanted != null && !wanted.equals(caller.tenant().id())) {
            throw ProblemException.forbidden("a tenant key exports only its own tenant");
        }
        return caller.tenant().id();
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required: an ISO-8601 instant such as 2025-03-01T00:00:00Z"));
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeException e) {
            try {
                return OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeException e2) {
                errors.add(new FieldError(field, "'" + value + "' is not an ISO-8601 instant such as "
                        + "2025-03-01T00:00:00Z"));
                return null;
            }
        }
    }

    private static Boolean flag(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.add(new FieldError(field, "must be true or false"));
                yield null;
            }
        };
    }

    /**
     * One conversation: its client (from the latest inbound message) and its messages, oldest first.
     *
     * @param client name, phone and channel address of the client, null when only replies are stored
     */
    @RegisterForReflection(ignoreNested = false)
    public record ConversationView(String conversationId, String tenantId, String channel, String channelAccountId,
                                  Client client, List<Message> messages) {

        static ConversationView of(String tenantId, String conversationId, List<ConversationLine> lines) {
            ConversationLine last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            Client client = null;
            for (ConversationLine l : lines) {
                if (l.name() != null || l.phone() != null || l.channelUserId() != null) {
                    client = new Client(l.name(), l.phone(), l.channelUserId());
                }
            }
            return new ConversationView(conversationId, tenantId, last == null ? null : last.channel(),
                    last == null ? null : last.channelAccountId(), client,
                    lines.stream().map(l -> new Message(l.direction(), l.id(), l.time(), l.text(), l.messageType(),
                            l.kind(), l.status())).toList());
        }

        @RegisterForReflection
        public record Client(String name, String phone, String channelUserId) {
        }

        @RegisterForReflection
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        public record Message(String direction, String id, Instant time, String text, String messageType, String kind,
                              String status) {
        }
    }
}
