package io.otklik.routing.admin;

import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.web.ApiKeys;
import io.otklik.platform.web.ProblemException;
import io.otklik.routing.schedule.ScheduleService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's staff: roles, skills and schedules, a person's days, and dated days off. */
@Path("/api/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "staff")
public class StaffResource {

    /** The longest schedule one request may ask for, in days. */
    static final int MAX_DAYS = 62;

    private final ApiKeys apiKeys;
    private final ScheduleService schedules;

    public StaffResource(ApiKeys apiKeys, ScheduleService schedules) {
        this.apiKeys = apiKeys;
        this.schedules = schedules;
    }

    /** A dated day off: {@code date} is an ISO date in the tenant's zone. */
    @RegisterForReflection
    public record DayOffRequest(String date, String reason) {
    }

    @GET
    @Operation(summary = "Staff with roles, skills, usual weekly hours, breaks, days off and on-duty shifts")
    @APIResponse(responseCode = "200", description = "the staff, in tenants.yaml order")
    public Uni<List<ScheduleService.StaffView>> list(@HeaderParam(ApiKeys.HEADER) String apiKey) {
        return schedules.staff(apiKeys.tenant(apiKey));
    }

    @GET
    @Path("/{id}/schedule")
    @Operation(summary = "A person's days: working intervals minus breaks, days off and holidays, and what is free"
            + " between their appointments")
    @APIResponse(responseCode = "200", description = "one entry per day of [from, to]")
    @APIResponse(responseCode = "400", description = "problem+json: from/to missing, malformed, reversed or over 62"
            + " days")
    @APIResponse(responseCode = "404", description = "problem+json: no such staff member")
    public Uni<ScheduleService.ScheduleView> schedule(@HeaderParam(ApiKeys.HEADER) String apiKey,
                                                      @PathParam("id") String id,
                                                      @QueryParam("from") String from, @QueryParam("to") String to) {
        Tenant tenant = apiKeys.tenant(apiKey);
        LocalDate start = date(from, "from");
        LocalDate end = date(to, "to");
        if (end.isBefore(start)) {
            throw ProblemException.badRequest("'to' must not be before 'from'", "to");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ProblemException.badRequest("a schedule may span at most " + MAX_DAYS + " days", "to");
        }
        return schedules.schedule(tenant, id, start, end);
    }

    @POST
    @Path("/{id}/days-off")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a dated day off; the slot search and the dialog skip the day")
    @APIResponse(responseCode = "201", description = "stored")
    @APIResponse(responseCode = "400", description = "problem+json: date missing, malformed or past")
    @APIResponse(responseCode = "404", description = "problem+json: no such staff member")
    @APIResponse(responseCode = "409", description = "problem+json: already stored, or appointments on that day")
    public Uni<Response> addDayOff(@HeaderParam(ApiKeys.HEADER) String apiKey, @PathParam("id") String id,
                                   DayOffRequest body) {
        Tenant tenant = apiKeys.tenant(apiKey);
        LocalDate date = date(body == null ? null : body.date(), "date");
        return schedules.addDayOff(tenant, id, date, body.reason())
                .map(view -> Response.created(URI.create("/api/v1/staff/" + id + "/days-off/" + date))
                        .entity(view).build());
    }

    @DELETE
    @Path("/{id}/days-off/{date}")
    @Operation(summary = "Remove a stored day off")
    @APIResponse(responseCode = "204", description = "removed")
    @APIResponse(responseCode = "404", description = "problem+json: no such staff member or stored day off")
    public Uni<Response> removeDayOff(@HeaderParam(ApiKeys.HEADER) String apiKey, @PathParam("id") String id,
                                      @PathParam("date") String date) {
        Tenant tenant = apiKeys.tenant(apiKey);
        return schedules.removeDayOff(tenant, id, date(date, "date")).replaceWith(Response.noContent().build());
    }

    static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("'" + field + "' is required (an ISO date, e.g. 2026-12-01)", field);
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("'" + value + "' is not an ISO date (e.g. 2026-12-01)", field);
        }
    }
}
