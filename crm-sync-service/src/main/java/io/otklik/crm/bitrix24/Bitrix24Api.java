package io.otklik.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * The Bitrix24 REST methods we call through a tenant's inbound webhook; the base URI is the webhook URL
 * ({@code https://<portal>/rest/<user>/<code>}), a secret that must never reach a log.
 */
@Path("")
public interface Bitrix24Api {

    /**
     * Any method by name ({@code crm.lead.add}, {@code crm.lead.get}, {@code event.offline.get} …) with its JSON body:
     * what the batching dispatcher sends alone, and the inbound reads.
     */
    @POST
    @Path("/{method}.json")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> call(@PathParam("method") String method, Map<String, Object> body);

    /** Up to 50 commands in one request ({@link Bitrix24Batch}). */
    @POST
    @Path("/batch.json")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> batch(Map<String, Object> body);
}
