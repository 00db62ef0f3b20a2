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

    @POST
    @Path("/crm.lead.add.json")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> leadAdd(Map<String, Object> body);

    @POST
    @Path("/crm.lead.list.json")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> leadList(Map<String, Object> body);

    /** Any method by name (e.g. {@code crm.lead.add}) with its JSON body: what the batching dispatcher sends alone. */
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

    @POST
    @Path("/crm.lead.update.json")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> leadUpdate(Map<String, Object> body);

    @POST
    @Path("/crm.duplicate.findbycomm.json")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> duplicateFindByComm(Map<String, Object> body);

    @POST
    @Path("/crm.timeline.comment.add.json")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> timelineCommentAdd(Map<String, Object> body);
}
