package io.otklik.ingest.webform;

import io.otklik.ingest.outbound.OutboundService;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.otklik.platform.web.Problem.FieldError;
import io.otklik.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A site's lead form, called by the page's JavaScript without a key: submissions become client messages; the page
 * polls the bot's replies. Cross-origin calls are allowed only from the tenant's {@code webForm.allowedOrigins}
 * (see {@link WebFormCors}).
 */
@Path("/api/v1/forms/{formId}")
@Produces(MediaType.APPLICATION_JSON)
public class WebFormResource {

    private final TenantRegistry tenants;
    private final LeadIntake leads;
    private final OutboundService outbound;

    public WebFormResource(TenantRegistry tenants, LeadIntake leads, OutboundService outbound) {
        this.tenants = tenants;
        this.leads = leads;
        this.outbound = outbound;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> submit(@PathParam("formId") String formId,
                                @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                @HeaderParam("Origin") String origin,
                                @HeaderParam("Idempotency-Key") String idempotencyKey,
                                byte[] body) {
        Tenant tenant = tenant(formId);
        refuseForeign(tenant, origin);
        LeadFields fields = LeadFields.read(contentType, body);
        List<FieldError> errors = new ArrayList<>();
        String named = fields.get("formId");
        if (named != null && !named.isBlank() && !named.strip().equals(formId)) {
            errors.add(new FieldError("formId", "does not match the form of this URL"));
        }
        return leads.accept(tenant, formId, fields, idempotencyKey, errors);
    }

    @GET
    @Path("/messages/{messageId}/replies")
    public Uni<List<OutboundService.WebReply>> replies(@PathParam("formId") String formId,
                                                      @PathParam("messageId") String messageId) {
        Tenant tenant = tenant(formId);
        if (!io.otklik.ingest.api.Ids.uuid(messageId)) {
            throw ProblemException.badRequest("'" + messageId + "' is not a message id", "messageId");
        }
        return outbound.webReplies(tenant.id(), UUID.fromString(messageId));
    }

    /** CORS preflight of a submission. */
    @OPTIONS
    public Response preflight(@PathParam("formId") String formId, @HeaderParam("Origin") String origin) {
        return preflightFor(formId, origin);
    }

    /** CORS preflight of the replies poll (only needed when the page adds its own headers). */
    @OPTIONS
    @Path("/messages/{messageId}/replies")
    public Response repliesPreflight(@PathParam("formId") String formId, @HeaderParam("Origin") String origin) {
        return preflightFor(formId, origin);
    }

    private Response preflightFor(String formId, String origin) {
        Tenant tenant = tenant(formId);
        if (origin == null || !WebFormCors.allowed(tenant, origin)) {
            throw ProblemException.forbidden("the origin is not allowed to use the form '" + formId + "'");
        }
        return Response.noContent()
                .header("Access-Control-Allow-Methods", "POST, GET, OPTIONS")
                .header("Access-Control-Allow-Headers", "Content-Type, Idempotency-Key")
                .header("Access-Control-Max-Age", "600")
                .build();
    }

    /**
     * A browser on another site must not post leads into this form: a browser always sends Origin on a cross-site
     * POST, servers usually send none.
     */
    private static void refuseForeign(Tenant tenant, String origin) {
        if (origin != null && !origin.isBlank() && !WebFormCors.allowed(tenant, origin)) {
            throw ProblemException.forbidden("the origin is not allowed to use the form '"
                    + tenant.channels().webForm().formId() + "'");
        }
    }

    private Tenant tenant(String formId) {
        return tenants.byWebForm(formId)
                .orElseThrow(() -> ProblemException.notFound("no tenant has the web form '" + formId + "'"));
    }
}
