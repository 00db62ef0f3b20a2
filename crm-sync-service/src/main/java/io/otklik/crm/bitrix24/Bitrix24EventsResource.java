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
 * Bitrix24 outbound webhooks of one tenant: {@code POST /api/v1/crm/bitrix24/{tenantId}/events}, form-encoded (the
 * address to give the portal's outgoing webhook; {@code /webhooks/bitrix24/{tenantId}} is the same endpoint).
 */
@Path("/api/v1/crm/bitrix24")
public class Bitrix24EventsResource {

    private final Bitrix24EventService events;

    public Bitrix24EventsResource(Bitrix24EventService events) {
        this.events = events;
    }

    @POST
    @Path("/{tenantId}/events")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Bitrix24EventService.Answer> receive(@PathParam("tenantId") String tenantId,
                                                    MultivaluedMap<String, String> form) {
        return events.receive(tenantId, form.getFirst(Bitrix24EventService.FIELD_EVENT),
                form.getFirst(Bitrix24EventService.FIELD_ID), form.getFirst(Bitrix24EventService.FIELD_TOKEN));
    }
}
