package io.otklik.routing.sandbox;

import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.web.ApiKeys;
import io.otklik.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Sandbox drafts of the tenant: the list, approve (send, possibly edited) and reject (staff answer themselves). */
@Path("/api/v1/drafts")
@Produces(MediaType.APPLICATION_JSON)
public class DraftResource {

    private final ApiKeys apiKeys;
    private final SandboxService sandbox;

    public DraftResource(ApiKeys apiKeys, SandboxService sandbox) {
        this.apiKeys = apiKeys;
        this.sandbox = sandbox;
    }

    @GET
    @Operation(summary = "The tenant's sandbox drafts, newest first (at most 500)")
    @APIResponse(responseCode = "200", description = "the drafts")
    @APIResponse(responseCode = "400", description = "an unknown status (problem+json naming the field)")
    public Uni<List<SandboxService.DraftView>> list(
            @HeaderParam(ApiKeys.HEADER) String apiKey,
            @Parameter(description = "PENDING, APPROVED or REJECTED (any case); default all")
            @QueryParam("status") String status) {
        return sandbox.list(apiKeys.tenant(apiKey), status);
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Sends the draft to the client (the edited text instead, when given) as the reply to the"
            + " client's message; first-response time counts from that message")
    @APIResponse(responseCode = "200", description = "the draft, APPROVED")
    @APIResponse(responseCode = "400", description = "a bad body: blank or too long text, unknown staffId")
    @APIResponse(responseCode = "404", description = "the tenant has no such draft")
    @APIResponse(responseCode = "409", description = "the draft was decided before; nothing is sent")
    public Uni<SandboxService.DraftView> approve(@HeaderParam(ApiKeys.HEADER) String apiKey,
                                                 @PathParam("id") String id,
                                                 @RequestBody(description = "optional: {\"text\": \"the edited"
                                                         + " reply\", \"staffId\": \"marina\"}") String body) {
        Tenant tenant = apiKeys.tenant(apiKey);
        UUID draft = id(id);
        return sandbox.approve(tenant, draft, SandboxService.review(tenant, body));
    }

    @POST
    @Path("/{id}/reject")
    @Operation(summary = "Drops the draft; the conversation is taken over for the reviewer (the bot stays silent"
            + " for otklik.takeover.default-minutes), so staff answer the client themselves")
    @APIResponse(responseCode = "200", description = "the draft, REJECTED")
    @APIResponse(responseCode = "400", description = "a bad body: unknown staffId")
    @APIResponse(responseCode = "404", description = "the tenant has no such draft")
    @APIResponse(responseCode = "409", description = "the draft was decided before")
    public Uni<SandboxService.DraftView> reject(@HeaderParam(ApiKeys.HEADER) String apiKey,
                                                @PathParam("id") String id,
                                                @RequestBody(description = "optional: {\"staffId\": \"marina\"}")
                                                String body) {
        Tenant tenant = apiKeys.tenant(apiKey);
        UUID draft = id(id);
        return sandbox.reject(tenant, draft, SandboxService.review(tenant, body));
    }

    /** A draft id that is not a UUID names no draft. */
    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("the tenant has no draft '" + id + "'");
        }
    }
}
