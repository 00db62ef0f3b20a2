package io.otklik.crm.bitrix24;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Bitrix24 outbound webhooks of one tenant, form-encoded: {@code POST /api/v1/crm/bitrix24/{tenantId}/events}
 * ({@link Bitrix24EventsResource}) and the first address {@code POST /webhooks/bitrix24/{tenantId}}, kept for portals
 * configured with it.
 */
@Path("/webhooks/bitrix24")
public class Bitrix24WebhookResource {

    private final Bitrix24EventService events;

    public Bitrix24WebhookResource(Bitrix24EventService events) {
        this.events = events;
    }

    @POST
    @Path("/{tenantId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Bitrix24EventService.Answer> receive(@PathParam("tenantId") String tenantId,
                                                    MultivaluedMap<String, String> form) {
        return events.receive(tenantId, form.getFirst(Bitrix24EventService.FIELD_EVENT),
                form.getFirst(Bitrix24EventService.FIELD_ID), form.getFirst(Bitrix24EventService.FIELD_TOKEN));
    }
}
