package io.otklik.routing.admin;

import io.otklik.platform.web.ApiKeys;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.web.ProblemException;
import io.otklik.routing.booking.BookingService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tenant's appointments: the list for the front desk and the demo, and staff's booking commands (book a
 * conversation's client, reschedule, cancel, confirm), each announced with its event.
 */
@Path("/api/v1/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "appointments")
public class AppointmentResource {

    /** The longest range one request may ask for. */
    static final Duration MAX_RANGE = Duration.ofDays(366);

    private final ApiKeys apiKeys;
    private final AdminService admin;
    private final BookingService booking;

    public AppointmentResource(ApiKeys apiKeys, AdminService admin, BookingService booking) {
        this.apiKeys = apiKeys;
        this.admin = admin;
        this.booking = booking;
    }

    /**
     * A booking by staff.
     *
     * @param conversationId the client's conversation (their channel and contact come from it)
     * @param startsAt       ISO-8601 local date-time in the tenant's zone ({@code 2026-12-01T15:00}) or with an offset
     */
    @RegisterForReflection
    public record BookRequest(String conversationId, String service, String staff, String startsAt) {
    }

    /** A move; {@code staff} moves it to another specialist with the skill (absent: the same one). */
    @RegisterForReflection
    public record RescheduleRequest(String startsAt, String staff) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Book a conversation's client with a specialist (emits appointment_booked)")
    @APIResponse(responseCode = "201", description = "booked; the appointment")
    @APIResponse(responseCode = "400", description = "problem+json: a missing or bad field, outside hours, past")
    @APIResponse(responseCode = "409", description = "problem+json: the specialist is not free then")
    public Uni<Response> book(@HeaderParam(ApiKeys.HEADER) String apiKey, BookRequest body) {
        Tenant tenant = apiKeys.tenant(apiKey);
        if (body == null) {
            throw ProblemException.badRequest("a JSON body {conversationId, service, staff, startsAt} is required",
                    "conversationId");
        }
        require(body.conversationId(), "conversationId");
        require(body.service(), "service");
        LocalDateTime start = local(tenant, body.startsAt(), "startsAt");
        return booking.book(tenant, new BookingService.BookCommand(body.conversationId(), body.service(),
                        body.staff(), start))
                .map(row -> Response.created(URI.create("/api/v1/appointments/" + row.id()))
                        .entity(AdminService.view(tenant, row)).build());
    }

    @POST
    @Path("/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move an appointment (emits appointment_rescheduled, via staff)")
    @APIResponse(responseCode = "200", description = "moved; it awaits confirmation again")
    @APIResponse(responseCode = "400", description = "problem+json: bad field, outside hours, past")
    @APIResponse(responseCode = "404", description = "problem+json: no such appointment")
    @APIResponse(responseCode = "409", description = "problem+json: taken, or the appointment is cancelled")
    public Uni<AdminService.AppointmentView> reschedule(@HeaderParam(ApiKeys.HEADER) String apiKey,
                                                        @PathParam("id") String id, RescheduleRequest body) {
        Tenant tenant = apiKeys.tenant(apiKey);
        if (body == null) {
            throw ProblemException.badRequest("a JSON body {startsAt, staff?} is required", "startsAt");
        }
        LocalDateTime start = local(tenant, body.startsAt(), "startsAt");
        return booking.reschedule(tenant, uuid(id), start, body.staff()).map(row -> AdminService.view(tenant, row));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel an appointment (emits appointment_cancelled, reason staff)")
    @APIResponse(responseCode = "200", description = "cancelled")
    @APIResponse(responseCode = "404", description = "problem+json: no such appointment")
    @APIResponse(responseCode = "409", description = "problem+json: already cancelled")
    public Uni<AdminService.AppointmentView> cancel(@HeaderParam(ApiKeys.HEADER) String apiKey,
                                                    @PathParam("id") String id) {
        Tenant tenant = apiKeys.tenant(apiKey);
        return booking.cancel(tenant, uuid(id)).map(row -> AdminService.view(tenant, row));
    }

    @POST
    @Path("/{id}/confirm")
    @Operation(summary = "Confirm an appointment (emits appointment_confirmed, via staff)")
    @APIResponse(responseCode = "200", description = "confirmed")
    @APIResponse(responseCode = "404", description = "problem+json: no such appointment")
    @APIResponse(responseCode = "409", description = "problem+json: cancelled or already confirmed")
    public Uni<AdminService.AppointmentView> confirm(@HeaderParam(ApiKeys.HEADER) String apiKey,
                                                     @PathParam("id") String id) {
        Tenant tenant = apiKeys.tenant(apiKey);
        return booking.confirm(tenant, uuid(id)).map(row -> AdminService.view(tenant, row));
    }

    static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("'" + field + "' is required", field);
        }
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("the tenant has no appointment '" + id + "'");
        }
    }

    /** A local date-time in the tenant's zone, or an offset date-time converted to it. */
    static LocalDateTime local(Tenant tenant, String value, String field) {
        require(value, field);
        String v = value.strip().replace(' ', '+');
        try {
            if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(v).atZoneSameInstant(tenant.zone()).toLocalDateTime();
            }
            return LocalDateTime.parse(v);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("'" + value + "' is not an ISO-8601 date-time (e.g."
                    + " 2026-12-01T15:00)", field);
        }
    }

    /**
     * Appointments (any status) starting in [from, to), by start time.
     *
     * @param from an ISO-8601 instant or offset date-time, or a date (midnight in the tenant's zone)
     * @param to   likewise
     */
    @GET
    @Operation(summary = "Appointments (any status) starting in [from, to), by start")
    @APIResponse(responseCode = "200", description = "the appointments")
    @APIResponse(responseCode = "400", description = "problem+json: from/to missing, malformed, reversed or too far")
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
