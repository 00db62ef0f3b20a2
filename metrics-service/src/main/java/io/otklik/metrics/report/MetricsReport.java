package io.otklik.metrics.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;

/**
 * The numbers that matter to an owner for one tenant (or all: {@code "*"}) over {@code [from, to)}: the body of
 * {@code GET /api/v1/metrics}, in snake_case.
 */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MetricsReport(String tenant, Instant from, Instant to, long conversations, long messages, long leads,
                            long booked, long confirmed, long cancelled, long rescheduled, long noShow,
                            long repliesSent, long repliesFailed, double fallbackRate, double chatToLead,
                            double confirmedShare, double noShowRate, Ttfr ttfr, Map<String, Long> intents,
                            Map<String, ChannelReport> byChannel, Map<String, UtmReport> byUtmSource,
                            Map<String, Map<String, VariantReport>> byVariant) {

    /**
     * Time to first response of the conversations first answered in the window, in milliseconds.
     *
     * @param under5sShare share of them answered in under 5 s (the seed's target)
     */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Ttfr(long count, Long p50Ms, Long p90Ms, Long p99Ms, Long maxMs,
                       @JsonProperty("under_5s_share") double under5sShare) {
    }

    /** One channel's share of the traffic. */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ChannelReport(long conversations, long messages, long leads, long booked, Long ttfrP50Ms) {
    }

    /**
     * One arm of an A/B experiment: the appointments whose events name it (routing puts every experiment's arm of
     * the conversation on appointment_booked and appointment_confirmed, reminder-service on no_show).
     *
     * @param confirmedShare confirmed / booked
     * @param noShowRate     no-shows / booked
     */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record VariantReport(long booked, long confirmed, long noShow, double confirmedShare, double noShowRate) {
    }

    /** What one campaign source brought. */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UtmReport(long conversations, long leads) {
    }
}
