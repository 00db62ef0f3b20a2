package io.otklik.ingest.sms;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

/** An HTTP SMS gateway of the SMS.ru API shape ({@code otklik.sms.url}): a form post answered with JSON. */
@Path("")
public interface SmsGateway {

    /** Form fields: api_id, to (digits), msg, json=1, from (optional sender name). */
    @POST
    @Path("/sms/send")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> send(MultivaluedMap<String, String> form);
}
