package io.otklik.routing.admin;

import io.otklik.platform.web.ApiKeys;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The tenant's appointments in a time range, for the front desk and the demo. */
@Path("/api/v1/appointments")
@Produces(MediaType.APPLICATION_JSON)
public class AppointmentResource {

    /** The longest range one request may ask for. */
    static final Duration MAX_RANGE = Duration.ofDays(366);

    private final ApiKeys apiKeys;
    private final AdminService admin;

    public AppointmentResource(ApiKeys apiKeys, AdminService admin) {
        this.apiKeys = apiKeys;
        this.admin = admin;
    }

    /**
     * Appointments (any status) starting in [from, to), by start time.
     *
     * @param from an ISO-8601 instant or offset date-time, or a date (midnight in the tenant's zone)
     * @param to   likewise
     */
    @GET
    public Uni<List<AdminService.AppointmentView>> list(@HeaderParam(ApiKeys.HEADER) String apiKey,
                                                        @QueryParam("from") String from,
                                                        @QueryParam("to") String to) {
        Tenant tenant = apiKeys.tenant(apiKey);
        Instant start = instant(tenant, from, "from");
        Instant end = instant(tenant, to, "to");
        if (!end.isAfter(start)) {
            throw ProblemException.badRequest("'to' must be after 'from'", "to");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.badRequest("the range may span at most " + MAX_RANGE.toDays() + " days", "to");
        }
        return admin.appointments(tenant, start, end);
    }

    static Instant instant(Tenant tenant, String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("the query parameter '" + field + "' is required (ISO-8601, e.g."
                    + " 2026-11-26T00:00:00Z)", field);
        }
        // a '+' of an offset arrives as a space when the client did not encode it
        String v = value.strip().replace(' ', '+');
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(tenant.zone()).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("'" + value + "' is not an ISO-8601 instant or date", field);
        }
    }
}
