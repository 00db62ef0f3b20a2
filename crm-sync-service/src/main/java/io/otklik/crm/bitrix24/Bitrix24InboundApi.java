package io.otklik.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * The Bitrix24 REST methods the inbound side calls through a tenant's inbound webhook (reading a lead back after its
 * outbound event, the offline event queue); the base URI is the webhook URL, a secret that must never reach a log.
 */
@Path("")
public interface Bitrix24InboundApi {

    /** {@code {"id":3465}} → {@code {"result":{"ID":"3465","STATUS_ID":"IN_PROCESS",…},"time":{…}}}. */
    @POST
    @Path("/crm.lead.get.json")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> leadGet(Map<String, Object> body);

    /**
     * {@code {"filter":{"=EVENT_NAME":"ONCRMLEADUPDATE"},"order":{"ID":"ASC"},"limit":50,"clear":0}} →
     * {@code {"result":{"process_id":"…","events":[{"ID","EVENT_NAME","EVENT_DATA":{"FIELDS":{"ID":3465}},
     * "MESSAGE_ID",…}]}}}.
     */
    @POST
    @Path("/event.offline.get.json")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> offlineGet(Map<String, Object> body);

    /** {@code {"process_id":"…","message_id":["…"]}} → {@code {"result":true}}. */
    @POST
    @Path("/event.offline.clear.json")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> offlineClear(Map<String, Object> body);
}
