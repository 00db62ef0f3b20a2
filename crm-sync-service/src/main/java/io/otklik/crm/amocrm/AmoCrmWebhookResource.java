package io.otklik.crm.amocrm;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * amoCRM webhooks of one tenant: {@code POST /api/v1/crm/amocrm/{tenantId}/events?token=<secret>}, form-encoded
 * ({@code leads[status][0][id]=…&leads[status][0][status_id]=…}).
 */
@Path("/api/v1/crm/amocrm")
public class AmoCrmWebhookResource {

    private final AmoCrmEventService events;

    public AmoCrmWebhookResource(AmoCrmEventService events) {
        this.events = events;
    }

    @POST
    @Path("/{tenantId}/events")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<AmoCrmEventService.Answer> receive(@PathParam("tenantId") String tenantId,
                                                 @QueryParam("token") String token,
                                                 MultivaluedMap<String, String> form) {
        return events.receive(tenantId, token, form);
    }
}
