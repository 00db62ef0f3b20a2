package io.otklik.reminder.admin;

import io.otklik.platform.web.ApiKeys;
import io.otklik.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The operator's list of every tenant's booked appointments (ids, status, time; no contact data), soonest first:
 * what a demo or an end-to-end test needs to find the visits it moves the clock past. The admin key in
 * {@code X-Api-Key}.
 */
@Path("/api/v1/admin/appointments")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAppointmentResource {

    static final int MAX_LIMIT = 1000;

    private final AdminAccess access;
    private final AdminAppointmentStore appointments;

    public AdminAppointmentResource(AdminAccess access, AdminAppointmentStore appointments) {
        this.access = access;
        this.appointments = appointments;
    }

    @GET
    public Uni<List<AdminAppointmentView>> list(@HeaderParam(ApiKeys.HEADER) String apiKey,
                                                @QueryParam("limit") String limit) {
        access.require(apiKey);
        return appointments.list(limit(limit));
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return MAX_LIMIT;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("'limit' must be a whole number from 1 to " + MAX_LIMIT + ", not '"
                + value + "'", "limit");
    }
}
