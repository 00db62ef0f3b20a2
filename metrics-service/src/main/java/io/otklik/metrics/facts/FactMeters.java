package io.otklik.metrics.facts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.otklik.metrics.report.ReportCalculator;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Prometheus view of the facts (at {@code /q/metrics}): {@code otklik_events_total{type,tenant}} counts each event
 * once, and {@code otklik_first_response_seconds{tenant,channel}} observes each conversation's first answer once, with
 * a histogram bucket at the 5 s target. Only called for events stored the first time, so redeliveries add nothing.
 */
@ApplicationScoped
public class FactMeters {

    private final MeterRegistry registry;

    public FactMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void counted(Fact fact) {
        Counter.builder("otklik.events")
                .description("Events stored by metrics-service, once per event id")
                .tag("type", fact.type())
                .tag("tenant", fact.tenantId())
                .register(registry)
                .increment();
    }

    void firstResponse(Fact fact) {
        Timer.builder("otklik.first.response")
                .description("Time from a conversation's first inbound message to its first answer")
                .tag("tenant", fact.tenantId())
                .tag("channel", fact.channel().name())
                .publishPercentileHistogram()
                .serviceLevelObjectives(ReportCalculator.FIRST_RESPONSE_TARGET)
                .minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry)
                .record(Duration.ofMillis(fact.answer().responseMs()));
    }
}
