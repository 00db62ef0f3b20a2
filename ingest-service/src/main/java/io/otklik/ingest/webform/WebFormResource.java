package io.otklik.ingest.webform;

import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.ingest.inbound.Inbound;
import io.otklik.ingest.inbound.InboundService;
import io.otklik.ingest.inbound.Phones;
import io.otklik.ingest.outbound.OutboundService;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.otklik.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A site's lead form: submissions become client messages; the page polls the bot's replies. */
@Path("/api/v1/forms/{formId}")
@Produces(MediaType.APPLICATION_JSON)
public class WebFormResource {

    static final int MAX_MESSAGE = 4000;
    static final int MAX_NAME = 200;

    private final TenantRegistry tenants;
    private final InboundService inbound;
    private final OutboundService outbound;

    public WebFormResource(TenantRegistry tenants, InboundService inbound, OutboundService outbound) {
        this.tenants = tenants;
        this.inbound = inbound;
        this.outbound = outbound;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> submit(@PathParam("formId") String formId,
                                @HeaderParam("Idempotency-Key") String idempotencyKey,
                                WebFormSubmission submission) {
        Tenant tenant = tenant(formId);
        if (submission == null) {
            throw ProblemException.badRequest("the body must be a JSON object with 'message' and/or 'phone'", "body");
        }
        String message = submission.message() == null ? "" : submission.message().strip();
        String phone = null;
        if (submission.phone() != null && !submission.phone().isBlank()) {
            phone = Phones.e164(submission.phone()).orElseThrow(() -> ProblemException.badRequest(
                    "'" + submission.phone() + "' is not a valid phone number", "phone"));
        }
        if (message.isEmpty() && phone == null) {
            throw ProblemException.badRequest("write a message or leave a phone number", "message");
        }
        if (message.length() > MAX_MESSAGE) {
            throw ProblemException.badRequest("the message is longer than " + MAX_MESSAGE + " characters", "message");
        }
        String name = submission.name() == null ? null : submission.name().strip();
        if (name != null && name.length() > MAX_NAME) {
            throw ProblemException.badRequest("the name is longer than " + MAX_NAME + " characters", "name");
        }
        String externalId = firstNonBlank(submission.submissionId(), idempotencyKey, UUID.randomUUID().toString());
        String userId = phone != null ? phone : "form:" + externalId;
        String text = message.isEmpty() ? "Оставил номер телефона для связи" : message;
        Inbound in = new Inbound(tenant.id(), Channel.WEB_FORM, formId, externalId,
                new Contact(userId, name == null || name.isEmpty() ? null : name, phone), text, null,
                submission.utm());
        return inbound.accept(List.of(in)).map(accepted -> Response.accepted(Map.of(
                "messageId", accepted.get(0).messageId(),
                "conversationId", accepted.get(0).conversationId(),
                "duplicate", accepted.get(0).duplicate())).build());
    }

    @GET
    @Path("/messages/{messageId}/replies")
    public Uni<List<OutboundService.WebReply>> replies(@PathParam("formId") String formId,
                                                      @PathParam("messageId") String messageId) {
        Tenant tenant = tenant(formId);
        UUID id;
        try {
            id = UUID.fromString(messageId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("'" + messageId + "' is not a message id", "messageId");
        }
        return outbound.webReplies(tenant.id(), id);
    }

    private Tenant tenant(String formId) {
        return tenants.byWebForm(formId)
                .orElseThrow(() -> ProblemException.notFound("no tenant has the web form '" + formId + "'"));
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        throw new IllegalStateException("no value");
    }
}
