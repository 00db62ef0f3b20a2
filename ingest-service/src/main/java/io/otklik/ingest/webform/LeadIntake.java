package io.otklik.ingest.webform;

import io.otklik.events.data.Attachment;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.ingest.inbound.Inbound;
import io.otklik.ingest.inbound.InboundService;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.web.Problem.FieldError;
import io.otklik.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a site's lead (the public form endpoint or the site-backend API) into a stored client message with its
 * {@code message_received}: validated field by field, deduplicated on the submission id.
 */
@ApplicationScoped
public class LeadIntake {

    /** channelAccountId of leads a site's backend posts without naming one of its forms. */
    public static final String API_ACCOUNT = "api";

    private final InboundService inbound;

    public LeadIntake(InboundService inbound) {
        this.inbound = inbound;
    }

    /**
     * Validates and accepts a lead; 400 listing every bad field (with those the caller found already in
     * {@code errors}), else 202 {@code {"messageId","conversationId","duplicate"}}.
     *
     * @param formId the tenant's form it came through, or null for {@link #API_ACCOUNT}
     */
    public Uni<Response> accept(Tenant tenant, String formId, LeadFields fields, String idempotencyKey,
                                List<FieldError> errors) {
        Lead lead = Lead.check(fields, idempotencyKey, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String account = formId == null ? API_ACCOUNT : formId;
        String submission = lead.submissionId() == null ? UUID.randomUUID().toString() : lead.submissionId();
        // the "api" account is shared by every tenant, so its dedup key is scoped by the tenant
        String externalId = formId == null ? tenant.id() + ":" + submission : submission;
        String userId = lead.phone() != null ? lead.phone() : "form:" + externalId;
        List<Attachment> attachments = lead.pageUrl() == null ? List.of()
                : List.of(new Attachment("page", null, null, null, null, lead.pageUrl(), null, null, null, null));
        Inbound in = new Inbound(tenant.id(), Channel.WEB_FORM, account, externalId,
                new Contact(userId, lead.name(), lead.phone()), lead.text(), null, lead.utm(), "form", attachments,
                formId == null ? "api" : "site_form", null);
        return inbound.accept(List.of(in)).map(accepted -> Response.accepted(Map.of(
                "messageId", accepted.get(0).messageId(),
                "conversationId", accepted.get(0).conversationId(),
                "duplicate", accepted.get(0).duplicate())).build());
    }
}
