package io.otklik.routing.admin;

import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.web.ApiKeys;
import io.otklik.platform.web.ProblemException;
import io.otklik.routing.schedule.ScheduleService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Free slots for a service: the nearest ones, of one specialist or of whoever is free first. */
@Path("/api/v1/slots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "slots")
public class SlotResource {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;

    private final ApiKeys apiKeys;
    private final ScheduleService schedules;

    public SlotResource(ApiKeys apiKeys, ScheduleService schedules) {
        this.apiKeys = apiKeys;
        this.schedules = schedules;
    }

    /**
     * @param from  an ISO-8601 instant or offset date-time, or a date (midnight in the tenant's zone); default now
     * @param staff only this specialist; absent: the first free specialist per start time
     * @param after only start times of a day at or after this local time (HH:mm)
     */
    @GET
    @Operation(summary = "The nearest free slots for a service over the next two weeks, sorted by start")
    @APIResponse(responseCode = "200", description = "up to limit slots")
    @APIResponse(responseCode = "400", description = "problem+json: unknown service or staff, malformed from/after/limit")
    public Uni<List<ScheduleService.SlotView>> list(@HeaderParam(ApiKeys.HEADER) String apiKey,
                                                    @QueryParam("service") String service,
                                                    @QueryParam("from") String from,
                                                    @QueryParam("staff") String staff,
                                                    @QueryParam("after") String after,
                                                    @QueryParam("limit") String limit) {
        Tenant tenant = apiKeys.tenant(apiKey);
        if (service == null || service.isBlank()) {
            throw ProblemException.badRequest("'service' is required (a service code of GET /api/v1/services)",
                    "service");
        }
        if (tenant.service(service).isEmpty()) {
            throw ProblemException.badRequest("the catalogue has no service '" + service + "'", "service");
        }
        if (staff != null && tenant.staffMember(staff).filter(s -> s.skills().contains(service)).isEmpty()) {
            throw ProblemException.badRequest("no specialist '" + staff + "' does '" + service + "'", "staff");
        }
        int n;
        try {
            n = limit == null || limit.isBlank() ? DEFAULT_LIMIT : Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > MAX_LIMIT) {
            throw ProblemException.badRequest("'limit' must be 1.." + MAX_LIMIT, "limit");
        }
        Instant since = from == null || from.isBlank() ? Instant.EPOCH : AppointmentResource.instant(tenant, from,
                "from");
        LocalTime notBefore = null;
        if (after != null && !after.isBlank()) {
            try {
                notBefore = LocalTime.parse(after.strip());
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("'" + after + "' is not a time of day (HH:mm)", "after");
            }
        }
        return schedules.slots(tenant, service, since, staff, notBefore, n);
    }
}
