package io.otklik.reminder.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otklik.platform.web.ApiKeys;
import io.otklik.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The admin clock (demos and end-to-end tests only): read it, or move it forward with {@code {"advance":"PT1H"}}
 * or {@code {"to":"2026-03-02T09:00:00Z"}} and get what the tick at the new time did. 404 unless the service runs
 * with {@code OTKLIK_CLOCK_ADJUSTABLE=true}; the admin key in {@code X-Api-Key}.
 */
@Path("/api/v1/admin/clock")
@Produces(MediaType.APPLICATION_JSON)
public class AdminClockResource {

    private final AdminAccess access;
    private final AdminClockService clock;
    private final ObjectMapper json;

    public AdminClockResource(AdminAccess access, AdminClockService clock, ObjectMapper json) {
        this.access = access;
        this.clock = clock;
        this.json = json;
    }

    @GET
    public ClockView get(@HeaderParam(ApiKeys.HEADER) String apiKey) {
        clock.view(); // 404 first when there is no adjustable clock
        access.require(apiKey);
        return clock.view();
    }

    /** The body is read as text, so that every bad body is answered with a problem+json naming the field. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ClockTickView> advance(@HeaderParam(ApiKeys.HEADER) String apiKey, String text) {
        clock.view();
        access.require(apiKey);
        JsonNode body;
        try {
            body = text == null || text.isBlank() ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("the body is not valid JSON: " + e.getOriginalMessage(), "body");
        }
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("the body must be a JSON object with 'advance' (an ISO-8601 duration"
                    + " such as \"PT1H\") or 'to' (an ISO-8601 instant)", "body");
        }
        JsonNode advance = body.get("advance");
        JsonNode to = body.get("to");
        boolean hasAdvance = advance != null && !advance.isNull();
        boolean hasTo = to != null && !to.isNull();
        if (hasAdvance == hasTo) {
            throw ProblemException.badRequest("give exactly one of 'advance' (e.g. \"PT1H\") and 'to' (e.g."
                    + " \"2026-03-02T09:00:00Z\")", hasAdvance ? "to" : "advance");
        }
        if (hasAdvance) {
            return clock.advance(duration(advance));
        }
        return clock.advanceTo(instant(to));
    }

    private static Duration duration(JsonNode node) {
        if (!node.isTextual()) {
            throw ProblemException.badRequest("'advance' must be an ISO-8601 duration such as \"PT1H\", not " + node,
                    "advance");
        }
        Duration d;
        try {
            d = Duration.parse(node.asText().strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("'advance' is not an ISO-8601 duration (e.g. \"PT1H\", \"PT30M\","
                    + " \"P1D\"): '" + node.asText() + "'", "advance");
        }
        if (d.isNegative()) {
            throw ProblemException.badRequest("'advance' is negative (" + d + "): the clock only moves forward",
                    "advance");
        }
        return d;
    }

    private static Instant instant(JsonNode node) {
        if (!node.isTextual()) {
            throw ProblemException.badRequest("'to' must be an ISO-8601 instant such as \"2026-03-02T09:00:00Z\","
                    + " not " + node, "to");
        }
        try {
            return Instant.parse(node.asText().strip());
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("'to' is not an ISO-8601 instant (e.g. \"2026-03-02T09:00:00Z\"): '"
                    + node.asText() + "'", "to");
        }
    }
}
