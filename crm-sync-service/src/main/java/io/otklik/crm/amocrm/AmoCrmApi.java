package io.otklik.crm.amocrm;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The amoCRM v4 calls we make on an account ({@code https://<subdomain>.amocrm.ru}); every call carries
 * {@code Authorization: Bearer <token>}, a secret that must never reach a log. Answers are read as text: amoCRM
 * answers {@code application/hal+json}, errors {@code application/problem+json}, and an empty list is 204 without a
 * body.
 */
@Path("/api/v4/leads")
public interface AmoCrmApi {

    @POST
    @Path("/complex")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({"application/hal+json", MediaType.APPLICATION_JSON})
    Uni<Response> addComplex(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             List<Map<String, Object>> body);

    @GET
    @Produces({"application/hal+json", MediaType.APPLICATION_JSON})
    Uni<Response> search(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @QueryParam("query") String query, @QueryParam("limit") int limit);

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({"application/hal+json", MediaType.APPLICATION_JSON})
    Uni<Response> update(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") long id,
                         Map<String, Object> body);
}
