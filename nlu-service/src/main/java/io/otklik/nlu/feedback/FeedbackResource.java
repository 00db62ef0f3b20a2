package io.otklik.nlu.feedback;

import io.otklik.events.data.Intent;
import io.otklik.platform.web.ApiKeys;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Takes a person's label for a classified message (204), for training the next model. */
@Path("/api/v1/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    private static final String INTENTS = Arrays.stream(Intent.values()).map(Intent::name)
            .collect(Collectors.joining(", "));

    private final ApiKeys apiKeys;
    private final FeedbackService feedback;

    public FeedbackResource(ApiKeys apiKeys, FeedbackService feedback) {
        this.apiKeys = apiKeys;
        this.feedback = feedback;
    }

    @POST
    public Uni<Response> label(@HeaderParam(ApiKeys.HEADER) String apiKey, FeedbackRequest request) {
        Tenant tenant = apiKeys.tenant(apiKey);
        if (request == null || request.messageId() == null || request.messageId().isBlank()) {
            throw ProblemException.badRequest("'messageId' is required", "messageId");
        }
        UUID messageId;
        try {
            messageId = UUID.fromString(request.messageId().strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("'" + request.messageId() + "' is not a message id (a UUID)",
                    "messageId");
        }
        Intent intent = Arrays.stream(Intent.values()).filter(i -> request.intent() != null
                && i.name().equalsIgnoreCase(request.intent().strip())).findFirst().orElseThrow(() -> ProblemException.badRequest(
                "'intent' must be one of " + INTENTS + (request.intent() == null ? "" : ", not '"
                        + request.intent() + "'"), "intent"));
        return feedback.label(tenant.id(), messageId, intent).map(found -> {
            if (!found) {
                throw ProblemException.notFound("no classified message " + messageId);
            }
            return Response.noContent().build();
        });
    }
}
