package io.otklik.routing.admin;

import io.otklik.platform.web.ApiKeys;
import io.otklik.routing.schedule.ScheduleService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's services catalogue: price, duration and who does each. */
@Path("/api/v1/services")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "services")
public class ServiceResource {

    private final ApiKeys apiKeys;
    private final ScheduleService schedules;

    public ServiceResource(ApiKeys apiKeys, ScheduleService schedules) {
        this.apiKeys = apiKeys;
        this.schedules = schedules;
    }

    @GET
    @Operation(summary = "The catalogue: code, name, price (₽), duration (minutes) and the specialists doing it")
    @APIResponse(responseCode = "200", description = "the services, in tenants.yaml order")
    public List<ScheduleService.ServiceView> list(@HeaderParam(ApiKeys.HEADER) String apiKey) {
        return schedules.services(apiKeys.tenant(apiKey));
    }
}
