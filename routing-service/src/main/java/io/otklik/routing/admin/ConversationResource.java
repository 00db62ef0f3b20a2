package io.otklik.routing.admin;

import io.otklik.platform.web.ApiKeys;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import io.otklik.routing.takeover.TakeoverService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The tenant's conversations: one with its dialog state, client, lead and appointments; the list; takeover and
 * release (the bot stays silent while staff answer).
 */
@Path("/api/v1/conversations")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {

    private final ApiKeys apiKeys;
    private final AdminService admin;
    private final TakeoverService takeover;

    public ConversationResource(ApiKeys apiKeys, AdminService admin, TakeoverService takeover) {
        this.apiKeys = apiKeys;
        this.admin = admin;
        this.takeover = takeover;
    }

    @GET
    @Operation(summary = "The tenant's conversations whose last message lies in [from, to), newest first (at most"
            + " 500)")
    @APIResponse(responseCode = "200", description = "the conversations")
    @APIResponse(responseCode = "400", description = "a bad state, from or to (problem+json naming the field)")
    public Uni<List<TakeoverService.ConversationItem>> list(
            @HeaderParam(ApiKeys.HEADER) String apiKey,
            @Parameter(description = "a conversation state (IDLE, COLLECTING, …, HANDOFF) or TAKEN_OVER")
            @QueryParam("state") String state,
            @Parameter(description = "ISO-8601 instant or date; default 7 days before to") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 instant or date; default now") @QueryParam("to") String to) {
        Tenant tenant = apiKeys.tenant(apiKey);
        Instant start = from == null || from.isBlank() ? null : AppointmentResource.instant(tenant, from, "from");
        Instant end = to == null || to.isBlank() ? null : AppointmentResource.instant(tenant, to, "to");
        return takeover.list(tenant, state, start, end);
    }

    @POST
    @Path("/{id}/takeover")
    @Operation(summary = "A person takes the conversation over: the bot stays silent in it until released or until"
            + " the minutes pass (default otklik.takeover.default-minutes)")
    @APIResponse(responseCode = "200", description = "the takeover")
    @APIResponse(responseCode = "400", description = "minutes outside 1..10080 or an unknown staffId")
    @APIResponse(responseCode = "404", description = "the tenant has no such conversation")
    public Uni<TakeoverService.TakeoverView> takeOver(@HeaderParam(ApiKeys.HEADER) String apiKey,
                                                      @PathParam("id") String id,
                                                      @RequestBody(description = "optional: {\"minutes\": 30,"
                                                              + " \"staffId\": \"marina\"}") String body) {
        Tenant tenant = apiKeys.tenant(apiKey);
        return takeover.takeOver(tenant, id, TakeoverService.request(body));
    }

    @POST
    @Path("/{id}/release")
    @Operation(summary = "Ends a takeover: the client's next message gets the bot's answer")
    @APIResponse(responseCode = "200", description = "the conversation, no longer taken over")
    @APIResponse(responseCode = "404", description = "the tenant has no such conversation")
    public Uni<TakeoverService.TakeoverView> release(@HeaderParam(ApiKeys.HEADER) String apiKey,
                                                     @PathParam("id") String id) {
        return takeover.release(apiKeys.tenant(apiKey), id);
    }

    @GET
    @Path("/{id}")
    public Uni<AdminService.ConversationView> get(@HeaderParam(ApiKeys.HEADER) String apiKey,
                                                  @PathParam("id") String id) {
        Tenant tenant = apiKeys.tenant(apiKey);
        return admin.conversation(tenant, id).onItem().ifNull().failWith(() ->
                ProblemException.notFound("the tenant has no conversation '" + id + "'"));
    }
}
