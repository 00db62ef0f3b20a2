package io.otklik.metrics.report;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The owner's numbers over a window: who asks decides whose numbers ({@link ApiAccess}). */
@Path("/api/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {

    private final ApiAccess access;
    private final MetricsService metrics;
    private final Clock clock;
    private final Duration defaultWindow;

    public MetricsResource(ApiAccess access, MetricsService metrics, Clock clock,
                           @ConfigProperty(name = "otklik.metrics.default-window") Duration defaultWindow) {
        this.access = access;
        this.metrics = metrics;
        this.clock = clock;
        this.defaultWindow = defaultWindow;
    }

    @GET
    public Uni<MetricsReport> report(@HeaderParam("X-Api-Key") String apiKey,
                                     @QueryParam("tenant") String tenant,
                                     @QueryParam("from") String from,
                                     @QueryParam("to") String to,
                                     @QueryParam("channel") String channel,
                                     @QueryParam("groupBy") String groupBy) {
        Scope scope = access.scope(apiKey, tenant);
        ReportQuery query = ReportQuery.parse(from, to, channel, groupBy, clock.instant(), defaultWindow);
        return metrics.report(scope, query);
    }
}
