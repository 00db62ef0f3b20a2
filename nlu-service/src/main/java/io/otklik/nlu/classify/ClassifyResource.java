package io.otklik.nlu.classify;

import io.otklik.platform.web.ApiKeys;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.web.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

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
    public ClassifyResponse classify(@HeaderParam(ApiKeys.HEADER) String apiKey, ClassifyRequest request) {
        Tenant tenant = apiKeys.tenant(apiKey);
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw ProblemException.badRequest("'text' is required and must not be blank", "text");
        }
        if (request.text().length() > MAX_TEXT) {
            throw ProblemException.badRequest("'text' is longer than " + MAX_TEXT + " characters", "text");
        }
        return ClassifyResponse.of(classification.classifyNow(request.text(), tenant));
    }
}
