package io.otklik.metrics.facts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.otklik.metrics.report.Figures;
import io.otklik.platform.tenant.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Prometheus view of the facts (at {@code /q/metrics}): {@code otklik_events_total{type,tenant}} counts each event
 * once, and {@code otklik_first_response_seconds{tenant,channel}} observes each conversation's first answer once, with
 * a histogram bucket at the 5 s target. Only called for events stored the first time, so redeliveries add nothing.
 */
@ApplicationScoped
public class FactMeters {

    /** Micrometer name of the event counter; Prometheus: {@value #EVENTS_PROMETHEUS}. */
    public static final String EVENTS = "otklik.events";
    public static final String EVENTS_PROMETHEUS = "otklik_events_total";
    /** Micrometer name of the first-response timer; Prometheus: {@value #FIRST_RESPONSE_PROMETHEUS}{@code _bucket} etc. */
    public static final String FIRST_RESPONSE = "otklik.first.response";
    public static final String FIRST_RESPONSE_PROMETHEUS = "otklik_first_response_seconds";
    /**
     * The only tags: each has a bounded set of values (tenants of tenants.yaml, the four channels, the event types),
     * so the number of series stays small. deploy/grafana/otklik-metrics.json selects by them (GrafanaDashboardTest).
     */
    public static final String TAG_TYPE = "type";
    public static final String TAG_TENANT = "tenant";
    public static final String TAG_CHANNEL = "channel";

    /** The tenant label of events naming a tenant that tenants.yaml does not know (keeps the label set bounded). */
    public static final String OTHER_TENANT = "other";

    private final MeterRegistry registry;
    private final Predicate<String> knownTenant;

    @Inject
    public FactMeters(MeterRegistry registry, TenantRegistry tenants) {
        this(registry, id -> tenants.byId(id).isPresent());
    }

    /** With every tenant id taken as known (tests). */
    public FactMeters(MeterRegistry registry) {
        this(registry, id -> true);
    }

    public FactMeters(MeterRegistry registry, Predicate<String> knownTenant) {
        this.registry = registry;
        this.knownTenant = knownTenant;
    }

    /** The tenant id as a label value: a tenant of tenants.yaml, else {@value #OTHER_TENANT}. */
    String tenantLabel(String tenantId) {
        return tenantId != null && knownTenant.test(tenantId) ? tenantId : OTHER_TENANT;
    }

    void counted(Fact fact) {
        Counter.builder(EVENTS)
                .description("Events stored by metrics-service, once per event id")
                .tag(TAG_TYPE, fact.type())
                .tag(TAG_TENANT, tenantLabel(fact.tenantId()))
                .register(registry)
                .increment();
    }

    void firstResponse(Fact fact) {
        Timer.builder(FIRST_RESPONSE)
                .description("Time from a conversation's first inbound message to its first answer")
                .tag(TAG_TENANT, tenantLabel(fact.tenantId()))
                .tag(TAG_CHANNEL, fact.channel().name())
                .publishPercentileHistogram()
                .serviceLevelObjectives(Figures.FIRST_RESPONSE_TARGET)
                .minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry)
                .record(Duration.ofMillis(fact.answer().responseMs()));
    }
}
