package io.otklik.ingest.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The Telegram Bot API's sendMessage and answerCallbackQuery ({@code otklik.telegram.api-url}). */
@Path("")
public interface TelegramApi {

    @POST
    @Path("/bot{token}/sendMessage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> sendMessage(@PathParam("token") String token, Map<String, Object> body);

    @POST
    @Path("/bot{token}/answerCallbackQuery")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> answerCallbackQuery(@PathParam("token") String token, Map<String, Object> body);
}
