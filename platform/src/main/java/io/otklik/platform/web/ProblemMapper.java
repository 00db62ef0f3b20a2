package io.otklik.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns {@link ProblemException}s and request bodies Jackson cannot read into problem+json responses. Quarkus REST
 * wraps a JSON syntax error in a bare 400 {@link WebApplicationException} and maps a wrong JSON type with its own
 * mapper, so both are caught here to name the problem (and the field, when Jackson knows it).
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response wrapped(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        return e.getResponse();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return unreadable(e);
    }

    /** More specific than Quarkus REST's own mapper for this type, so the field is named. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    private static Response unreadable(JsonProcessingException e) {
        String field = e instanceof MismatchedInputException m && !m.getPath().isEmpty()
                ? m.getPath().get(m.getPath().size() - 1).getFieldName() : null;
        return respond(new Problem("https://otklik.io/problems/invalid-request", "Invalid request", 400,
                "the body is not the JSON expected: " + e.getOriginalMessage(), field));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
