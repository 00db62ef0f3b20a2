package io.otklik.ingest.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The Instagram Send API ({@code otklik.instagram.graph-url}, Instagram Login variant with a bearer token). */
@Path("")
public interface InstagramApi {

    @POST
    @Path("/{accountId}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> sendMessage(@PathParam("accountId") String accountId,
                              @HeaderParam("Authorization") String authorization, Map<String, Object> body);
}
