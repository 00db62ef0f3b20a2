package io.otklik.ingest.api;

import io.otklik.ingest.webform.LeadFields;
import io.otklik.ingest.webform.LeadIntake;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.web.ApiKeys;
import io.otklik.platform.web.Problem.FieldError;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Leads a site's backend posts with the tenant's API key: JSON, or the form-encoded body of a plain HTML form
 * forwarded as is. Same validation and deduplication as the public form endpoint.
 */
@Path("/api/v1/leads")
@Produces(MediaType.APPLICATION_JSON)
public class LeadResource {

    private final ApiKeys apiKeys;
    private final LeadIntake leads;

    public LeadResource(ApiKeys apiKeys, LeadIntake leads) {
        this.apiKeys = apiKeys;
        this.leads = leads;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> submit(@HeaderParam(ApiKeys.HEADER) String apiKey,
                                @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                @HeaderParam("Idempotency-Key") String idempotencyKey,
                                byte[] body) {
        Tenant tenant = apiKeys.tenant(apiKey);
        LeadFields fields = LeadFields.read(contentType, body);
        List<FieldError> errors = new ArrayList<>();
        String formId = fields.get("formId") == null || fields.get("formId").isBlank() ? null
                : fields.get("formId").strip();
        Tenant.WebForm form = tenant.channels().webForm();
        if (formId != null && (form == null || !formId.equals(form.formId()))) {
            errors.add(new FieldError("formId", "this tenant has no form '" + formId + "'"));
        }
        return leads.accept(tenant, formId, fields, idempotencyKey, errors);
    }
}
