package io.otklik.ingest.whatsapp;

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

/** The part of Meta's Graph API that sends WhatsApp messages ({@code otklik.whatsapp.graph-url} + version). */
@Path("")
public interface GraphApi {

    @POST
    @Path("/{phoneNumberId}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> sendMessage(@PathParam("phoneNumberId") String phoneNumberId,
                              @HeaderParam("Authorization") String authorization, Map<String, Object> body);
}
