package io.otklik.reminder.appointment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.web.ApiKeys;
import io.otklik.platform.web.ProblemException;
import io.otklik.reminder.attendance.AttendanceService;
import io.otklik.reminder.attendance.AttendanceView;
import io.otklik.reminder.schedule.Reminder;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/** The attendance API: a tenant's appointments (by X-Api-Key), their reminders, and attendance marks. */
@Path("/api/v1/appointments")
@Produces(MediaType.APPLICATION_JSON)
public class AppointmentResource {

    static final int MAX_MARKED_BY = 100;

    private final ApiKeys apiKeys;
    private final AppointmentQueryService queries;
    private final AttendanceService attendance;
    private final ObjectMapper json;

    public AppointmentResource(ApiKeys apiKeys, AppointmentQueryService queries, AttendanceService attendance,
                               ObjectMapper json) {
        this.apiKeys = apiKeys;
        this.queries = queries;
        this.attendance = attendance;
        this.json = json;
    }

    @GET
    @Path("/{id}")
    public Uni<AppointmentView> get(@HeaderParam("X-Api-Key") String apiKey, @PathParam("id") String id) {
        Tenant tenant = tenant(apiKey);
        return queries.view(tenant, appointmentId(id));
    }

    @GET
    @Path("/{id}/reminders")
    public Uni<List<Reminder>> reminders(@HeaderParam("X-Api-Key") String apiKey, @PathParam("id") String id) {
        Tenant tenant = tenant(apiKey);
        return queries.reminders(tenant, appointmentId(id));
    }

    /**
     * Body {@code {"attended": true|false, "markedBy": "anna"}}. Read as text and parsed here, so that every bad
     * body, unparsable ones included, is answered with a problem+json naming the field.
     */
    @POST
    @Path("/{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AttendanceView> markAttendance(@HeaderParam("X-Api-Key") String apiKey, @PathParam("id") String id,
                                              String text) {
        Tenant tenant = tenant(apiKey);
        UUID appointmentId = appointmentId(id);
        JsonNode body;
        try {
            body = text == null || text.isBlank() ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("the body is not valid JSON: " + e.getOriginalMessage(), "body");
        }
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("the body must be a JSON object with 'attended' and 'markedBy'",
                    "body");
        }
        JsonNode attended = body.get("attended");
        if (attended == null || attended.isNull()) {
            throw ProblemException.badRequest("'attended' is required: true if the client came, false if not",
                    "attended");
        }
        if (!attended.isBoolean()) {
            throw ProblemException.badRequest("'attended' must be true or false, not " + attended, "attended");
        }
        JsonNode markedByNode = body.get("markedBy");
        if (markedByNode == null || !markedByNode.isTextual() || markedByNode.asText().isBlank()) {
            throw ProblemException.badRequest("'markedBy' is required: who marks the attendance (a staff id)",
                    "markedBy");
        }
        String markedBy = markedByNode.asText().strip();
        if (markedBy.length() > MAX_MARKED_BY) {
            throw ProblemException.badRequest("'markedBy' is longer than " + MAX_MARKED_BY + " characters",
                    "markedBy");
        }
        return attendance.mark(tenant, appointmentId, attended.booleanValue(), markedBy);
    }

    private Tenant tenant(String apiKey) {
        return apiKeys.tenant(apiKey);
    }

    private static UUID appointmentId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("'" + id + "' is not an appointment id (a UUID)", "id");
        }
    }
}
