package io.otklik.crm.bitrix24;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.otklik.crm.sync.SyncTaskStore;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.otklik.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Bitrix24's outbound webhooks (form fields {@code event}, {@code data[FIELDS][ID]}, {@code auth[application_token]}).
 * The token is the only proof of origin (there is no signature), compared in constant time. An ONCRMLEADUPDATE of one
 * of our leads is recorded and answered at once: Bitrix24 deprioritises slow handlers and does not retry. The
 * {@link Bitrix24InboundProcessor} reads the lead back after the commit.
 */
@ApplicationScoped
public class Bitrix24EventService {

    public static final String LEAD_UPDATE = "ONCRMLEADUPDATE";
    public static final String FIELD_EVENT = "event";
    public static final String FIELD_ID = "data[FIELDS][ID]";
    public static final String FIELD_TOKEN = "auth[application_token]";
    private static final Logger LOG = Logger.getLogger(Bitrix24EventService.class);

    /** {@code crm_inbound_event.source} of events posted to the webhook. */
    public static final String SOURCE = "webhook";

    private final TenantRegistry tenants;
    private final SyncTaskStore leads;
    private final InboundEventStore inbound;
    private final Bitrix24InboundProcessor processor;
    private final Clock clock;

    public Bitrix24EventService(TenantRegistry tenants, SyncTaskStore leads, InboundEventStore inbound,
                                Bitrix24InboundProcessor processor, Clock clock) {
        this.tenants = tenants;
        this.leads = leads;
        this.inbound = inbound;
        this.processor = processor;
        this.clock = clock;
    }

    /**
     * What we did with one outbound event.
     *
     * @param recorded whether it was stored for processing
     * @param leadId   our lead id of the CRM lead, when it is one of ours
     * @param reason   why it was not recorded
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(boolean recorded, String event, String crmLeadId, UUID leadId, String reason) {
    }

    /** Checks the tenant and token (404, 401), then the fields (400), then records a known lead's update. */
    public Uni<Answer> receive(String tenantId, String event, String crmLeadId, String applicationToken) {
        Tenant tenant = tenants.byId(tenantId).orElseThrow(() -> ProblemException.notFound(
                "no tenant '" + tenantId + "'"));
        if (tenant.crm() == null || !Bitrix24Client.TYPE.equals(tenant.crm().type())) {
            throw ProblemException.notFound("tenant '" + tenantId + "' has no Bitrix24 connection");
        }
        String expected = tenants.secret(tenant.crm().applicationTokenEnv()).orElse(null);
        if (!tokenMatches(expected, applicationToken)) {
            LOG.warnf("tenant=%s Bitrix24 outbound webhook refused: wrong or missing application token", tenantId);
            throw ProblemException.unauthorized(FIELD_TOKEN + " does not match the tenant's Bitrix24 application"
                    + " token");
        }
        if (event == null || event.isBlank()) {
            throw ProblemException.badRequest(FIELD_EVENT + " is missing", FIELD_EVENT);
        }
        if (crmLeadId == null || crmLeadId.isBlank()) {
            throw ProblemException.badRequest(FIELD_ID + " is missing", FIELD_ID);
        }
        String id = crmLeadId.strip();
        if (!id.matches("[1-9][0-9]{0,18}")) {
            throw ProblemException.badRequest(FIELD_ID + " must be a positive integer", FIELD_ID);
        }
        String name = event.strip().toUpperCase(Locale.ROOT);
        if (!LEAD_UPDATE.equals(name)) {
            // ONCRMLEADADD: leads created in the CRM are not ours (ours are added by us, with ORIGIN_ID);
            // ONCRMLEADDELETE: a deleted lead has no status to follow. Both are acknowledged and dropped.
            return Uni.createFrom().item(new Answer(false, name, id, null, "only " + LEAD_UPDATE + " is handled"));
        }
        return Panache.withTransaction(() -> leads.leadOf(tenantId, Bitrix24Client.TYPE, id)
                .chain(leadId -> leadId == null
                        ? Uni.createFrom().item(new Answer(false, name, id, null, "not a lead of ours"))
                        : inbound.record(tenantId, Bitrix24Client.TYPE, name, id, leadId, SOURCE, null,
                                        clock.instant())
                                .invoke(() -> LOG.infof("tenant=%s lead=%s Bitrix24 lead %s updated in the CRM,"
                                        + " recorded", tenantId, leadId, id))
                                .replaceWith(new Answer(true, name, id, leadId, null))))
                // read back from the CRM after the commit, never inside the webhook's answer
                .invoke(answer -> {
                    if (answer.recorded()) {
                        processor.wakeUp();
                    }
                });
    }

    /** Constant-time comparison; digests first so not even the length leaks. */
    static boolean tokenMatches(String expected, String given) {
        if (expected == null || expected.isBlank() || given == null || given.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sha256(expected), sha256(given));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
