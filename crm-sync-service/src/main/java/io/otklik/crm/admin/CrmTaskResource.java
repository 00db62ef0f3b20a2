package io.otklik.crm.admin;

import io.otklik.crm.sync.CrmSyncWorker;
import io.otklik.crm.sync.SyncTaskStore;
import io.otklik.crm.sync.TaskView;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.web.ApiKeys;
import io.otklik.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/**
 * The tenant's CRM sync tasks (by X-Api-Key): parked (FAILED) items with their reason, and putting one back in the
 * queue once the cause (a webhook URL, a missing field, rights) is fixed.
 */
@Path("/api/v1/crm/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class CrmTaskResource {

    private static final Logger LOG = Logger.getLogger(CrmTaskResource.class);
    static final Set<String> STATUSES = Set.of("PENDING", "DONE", "FAILED");
    static final int MAX_LIMIT = 500;

    private final ApiKeys apiKeys;
    private final SyncTaskStore store;
    private final CrmSyncWorker worker;
    private final Clock clock;

    public CrmTaskResource(ApiKeys apiKeys, SyncTaskStore store, CrmSyncWorker worker, Clock clock) {
        this.apiKeys = apiKeys;
        this.store = store;
        this.worker = worker;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The tenant's CRM sync tasks in a status, oldest first; FAILED ones are parked with the"
            + " reason in lastError")
    @APIResponse(responseCode = "200", description = "the tasks (without the client's data)")
    @APIResponse(responseCode = "400", description = "an unknown status or a bad limit (problem+json naming the field)")
    @APIResponse(responseCode = "401", description = "no or an unknown X-Api-Key")
    public Uni<List<TaskView>> list(@HeaderParam(ApiKeys.HEADER) String apiKey,
                                    @Parameter(description = "PENDING, DONE or FAILED (any case); default FAILED")
                                    @QueryParam("status") String status,
                                    @Parameter(description = "at most this many, 1–500; default 100")
                                    @QueryParam("limit") Integer limit) {
        Tenant tenant = apiKeys.tenant(apiKey);
        String wanted = status == null || status.isBlank() ? "FAILED" : status.strip().toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(wanted)) {
            throw ProblemException.badRequest("status must be PENDING, DONE or FAILED", "status");
        }
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT, "limit");
        }
        return Panache.withSession(() -> store.list(tenant.id(), wanted, max));
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Puts a FAILED task back in the queue (PENDING, attempts 0, due now); for an ADD_LEAD also"
            + " the lead's status updates that failed because the lead never reached the CRM")
    @APIResponse(responseCode = "200", description = "the task, PENDING")
    @APIResponse(responseCode = "400", description = "the id is not a number")
    @APIResponse(responseCode = "401", description = "no or an unknown X-Api-Key")
    @APIResponse(responseCode = "404", description = "the tenant has no such task")
    @APIResponse(responseCode = "409", description = "the task is not FAILED (pending or done); nothing changed")
    public Uni<TaskView> retry(@HeaderParam(ApiKeys.HEADER) String apiKey, @PathParam("id") String id) {
        Tenant tenant = apiKeys.tenant(apiKey);
        long taskId;
        try {
            taskId = Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("the task id must be a number", "id");
        }
        return Panache.withTransaction(() -> store.retry(tenant.id(), taskId, clock.instant())
                        .chain(retried -> store.find(tenant.id(), taskId).map(task -> {
                            if (task == null) {
                                throw ProblemException.notFound("the tenant has no CRM sync task " + taskId);
                            }
                            if (!retried) {
                                throw new ProblemException(409, "Conflict", "task " + taskId + " is "
                                        + task.status() + ", only a FAILED task can be retried", null);
                            }
                            return task;
                        })))
                .invoke(task -> {
                    LOG.infof("tenant=%s lead=%s task=%d %s retried through the admin API", tenant.id(),
                            task.leadId(), task.id(), task.operation());
                    worker.wakeUp();
                });
    }
}
