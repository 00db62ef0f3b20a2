package io.otklik.nlu.classify;

import io.otklik.events.data.Channel;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.web.ApiKeys;
import io.otklik.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Classifies a text on demand (for the dashboard, tests of a tenant's wording, other tools); nothing is stored. */
@Path("/api/v1/classify")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClassifyResource {

    static final int MAX_TEXT = 4000;

    private final ApiKeys apiKeys;
    private final ClassificationService classification;

    public ClassifyResource(ApiKeys apiKeys, ClassificationService classification) {
        this.apiKeys = apiKeys;
        this.classification = classification;
    }

    @POST
    public Uni<ClassifyResponse> classify(@HeaderParam(ApiKeys.HEADER) String apiKey, ClassifyRequest request) {
        Tenant tenant = apiKeys.tenant(apiKey);
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw ProblemException.badRequest("'text' is required and must not be blank", "text");
        }
        if (request.text().length() > MAX_TEXT) {
            throw ProblemException.badRequest("'text' is longer than " + MAX_TEXT + " characters", "text");
        }
        if (request.tenantId() != null && !request.tenantId().equals(tenant.id())) {
            throw ProblemException.forbidden("the API key belongs to another tenant than '" + request.tenantId()
                    + "'");
        }
        if (request.channel() != null && Arrays.stream(Channel.values())
                .noneMatch(c -> c.name().equals(request.channel().strip().toUpperCase(Locale.ROOT)))) {
            throw ProblemException.badRequest("'channel' must be one of " + Arrays.toString(Channel.values())
                    + ", not '" + request.channel() + "'", "channel");
        }
        Instant at = null;
        if (request.receivedAt() != null) {
            try {
                at = Instant.parse(request.receivedAt().strip());
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("'receivedAt' must be an ISO-8601 instant like"
                        + " 2026-11-26T12:00:00Z, not '" + request.receivedAt() + "'", "receivedAt");
            }
        }
        return classification.classifyNow(request.text(), tenant, at).map(ClassifyResponse::of);
    }
}
