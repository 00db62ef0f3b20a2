package io.otklik.routing.admin;

import io.otklik.platform.web.ApiKeys;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One conversation of the tenant: its dialog state, client, lead and appointments. */
@Path("/api/v1/conversations")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {

    private final ApiKeys apiKeys;
    private final AdminService admin;

    public ConversationResource(ApiKeys apiKeys, AdminService admin) {
        this.apiKeys = apiKeys;
        this.admin = admin;
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
