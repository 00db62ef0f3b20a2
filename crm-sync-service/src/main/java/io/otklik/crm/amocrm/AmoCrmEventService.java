package io.otklik.crm.amocrm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.otklik.events.EventTypes;
import io.otklik.events.data.LeadStatus;
import io.otklik.events.data.LeadStatusChanged;
import io.otklik.platform.db.Rows;
import io.otklik.platform.outbox.Outbox;
import io.otklik.platform.outbox.OutboxRelay;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.otklik.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * amoCRM's status-change webhooks ({@code leads[status][N][id]}, {@code [status_id]}, {@code [pipeline_id]}). Classic
 * amoCRM webhooks carry no signature, so the URL carries the proof: a {@code token} query parameter compared in
 * constant time with the tenant's {@code crm.applicationTokenEnv} secret. A stage change of one of our leads that maps
 * to one of our statuses becomes lead_status_changed ({@code crm} = amocrm) in the transaction that stores it; the
 * echo of our own PATCH (the status we wrote, or one we are about to write) is ignored.
 */
@ApplicationScoped
public class AmoCrmEventService {

    public static final String PARAM_TOKEN = "token";
    static final String EVENT = "leads.status";
    private static final Pattern STATUS_KEY = Pattern.compile("leads\\[status]\\[(\\d{1,4})]\\[(\\w+)]");
    private static final Logger LOG = Logger.getLogger(AmoCrmEventService.class);

    private final TenantRegistry tenants;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    public AmoCrmEventService(TenantRegistry tenants, Outbox outbox, OutboxRelay relay, Clock clock) {
        this.tenants = tenants;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    /** What happened to each status change of one webhook. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(List<Change> changes) {
    }

    /**
     * @param applied whether it became a lead_status_changed
     * @param status  our status of the amoCRM stage, when it maps to one
     * @param reason  why it was not applied
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(String crmLeadId, UUID leadId, LeadStatus status, boolean applied, String reason) {
    }

    /** One {@code leads[status][N]} entry. */
    record StatusEntry(int index, long crmLeadId, long statusId) {
    }

    /** Checks the tenant (404) and token (401), then the fields (400), then applies each change. */
    public Uni<Answer> receive(String tenantId, String token, MultivaluedMap<String, String> form) {
        Tenant tenant = tenants.byId(tenantId).orElseThrow(() -> ProblemException.notFound(
                "no tenant '" + tenantId + "'"));
        if (tenant.crm() == null || !AmoCrmClient.TYPE.equals(tenant.crm().type())) {
            throw ProblemException.notFound("tenant '" + tenantId + "' has no amoCRM connection");
        }
        String expected = tenants.secret(tenant.crm().applicationTokenEnv()).orElse(null);
        if (!tokenMatches(expected, token)) {
            LOG.warnf("tenant=%s amoCRM webhook refused: wrong or missing token", tenantId);
            throw ProblemException.unauthorized("the token query parameter does not match the tenant's amoCRM"
                    + " webhook token");
        }
        List<StatusEntry> entries = statusEntries(form);
        if (entries.isEmpty()) {
            return Uni.createFrom().item(new Answer(List.of()));
        }
        return Panache.withTransaction(() -> Multi.createFrom().iterable(entries)
                        .onItem().transformToUniAndConcatenate(entry -> apply(tenant, entry))
                        .collect().asList())
                .map(Answer::new)
                .invoke(answer -> {
                    if (answer.changes().stream().anyMatch(Change::applied)) {
                        relay.wakeUp();
                    }
                });
    }

    /** The {@code leads[status][N]} entries in index order; 400 naming the field when an id is not a number. */
    static List<StatusEntry> statusEntries(MultivaluedMap<String, String> form) {
        TreeMap<Integer, String[]> byIndex = new TreeMap<>();
        for (String key : form.keySet()) {
            Matcher m = STATUS_KEY.matcher(key);
            if (m.matches()) {
                String[] fields = byIndex.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new String[2]);
                if ("id".equals(m.group(2))) {
                    fields[0] = form.getFirst(key);
                } else if ("status_id".equals(m.group(2))) {
                    fields[1] = form.getFirst(key);
                }
            }
        }
        List<StatusEntry> entries = new ArrayList<>();
        byIndex.forEach((index, fields) -> entries.add(new StatusEntry(index,
                id(fields[0], "leads[status][" + index + "][id]"),
                id(fields[1], "leads[status][" + index + "][status_id]"))));
        return entries;
    }

    private Uni<Change> apply(Tenant tenant, StatusEntry entry) {
        String crmLeadId = Long.toString(entry.crmLeadId());
        Optional<LeadStatus> mapped = AmoCrmBodies.statusOf(tenant.crm(), entry.statusId());
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select l.lead_id, l.status, l.conversation_id,
                            exists (select 1 from crm_sync_task t where t.lead_id = l.lead_id
                                    and t.operation = 'SET_STATUS' and t.status = 'PENDING'
                                    and t.payload ->> 'status' = :status) as writing
                        from crm_lead l
                        where l.tenant_id = :tenant and l.crm = :crm and l.crm_lead_id = :id
                        for update of l""", Object[].class)
                .setParameter("status", mapped.map(Enum::name).orElse(""))
                .setParameter("tenant", tenant.id())
                .setParameter("crm", AmoCrmClient.TYPE)
                .setParameter("id", crmLeadId)
                .getResultList()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(new Change(crmLeadId, null, null, false, "not a lead of ours"));
                    }
                    Object[] row = rows.get(0);
                    UUID leadId = Rows.uuid(row[0]);
                    String stored = Rows.text(row[1]);
                    LeadStatus previous = stored == null ? null : LeadStatus.valueOf(stored);
                    String conversationId = Rows.text(row[2]);
                    if (mapped.isEmpty()) {
                        LOG.infof("tenant=%s lead=%s amoCRM lead %s moved to stage %d, which crm.statuses does not"
                                + " map", tenant.id(), leadId, crmLeadId, entry.statusId());
                        return Uni.createFrom().item(new Change(crmLeadId, leadId, null, false,
                                "stage " + entry.statusId() + " is not mapped in crm.statuses"));
                    }
                    LeadStatus status = mapped.get();
                    if (status == previous || Rows.bool(row[3])) {
                        return Uni.createFrom().item(new Change(crmLeadId, leadId, status, false,
                                "the status this service wrote"));
                    }
                    Instant now = clock.instant();
                    String key = conversationId != null ? conversationId : leadId.toString();
                    LOG.infof("tenant=%s lead=%s amoCRM lead %s set to %s in the CRM (was %s)", tenant.id(), leadId,
                            crmLeadId, status, previous);
                    return session.createNativeQuery(
                                    "update crm_lead set status = :status, updated_at = :now where lead_id = :lead")
                            .setParameter("status", status.name())
                            .setParameter("now", now)
                            .setParameter("lead", leadId)
                            .executeUpdate()
                            .chain(() -> session.createNativeQuery("""
                                            insert into crm_inbound_event (tenant_id, crm, event, crm_lead_id, lead_id,
                                                received_at, processed_at)
                                            values (:tenant, :crm, :event, :crmLead, :lead, :now, :now)""")
                                    .setParameter("tenant", tenant.id())
                                    .setParameter("crm", AmoCrmClient.TYPE)
                                    .setParameter("event", EVENT)
                                    .setParameter("crmLead", crmLeadId)
                                    .setParameter("lead", leadId)
                                    .setParameter("now", now)
                                    .executeUpdate())
                            .chain(() -> outbox.publish(EventTypes.LEAD_STATUS_CHANGED, tenant.id(), key, key,
                                    new LeadStatusChanged(leadId, conversationId, AmoCrmClient.TYPE, crmLeadId, status,
                                            previous, now)))
                            .replaceWith(new Change(crmLeadId, leadId, status, true, null));
                }));
    }

    private static long id(String value, String field) {
        if (value == null || !value.strip().matches("[1-9][0-9]{0,17}")) {
            throw ProblemException.badRequest(field + " must be a positive integer", field);
        }
        return Long.parseLong(value.strip());
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
