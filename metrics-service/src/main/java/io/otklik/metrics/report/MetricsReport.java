package io.otklik.metrics.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The numbers that matter to an owner for one tenant (or all: {@code "*"}) over {@code [from, to)}: the body of
 * {@code GET /api/v1/metrics}, in snake_case.
 */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MetricsReport(String tenant, Instant from, Instant to, @JsonUnwrapped Figures totals,
                            Map<String, Long> intents, Map<String, ChannelReport> byChannel,
                            Map<String, UtmReport> byUtmSource, Map<String, Map<String, VariantReport>> byVariant,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String groupBy,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<Group> groups) {

    /**
     * One group of {@code ?groupBy=}: its key (channel, source, campaign, {@code experiment:arm}, or the local hour
     * {@code 2025-03-01T10:00}, day {@code 2025-03-01} or ISO week {@code 2025-W09}; with several dimensions the
     * keys joined by {@code " | "}, and each one in {@code keys} by dimension) and the same figures as the totals.
     * A period's {@code from} and {@code to} are its bounds within the window.
     */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Group(String key, Map<String, String> keys, @JsonInclude(JsonInclude.Include.NON_NULL) Instant from,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Instant to, @JsonUnwrapped Figures figures) {
    }

    /** One channel's share of the traffic. */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ChannelReport(long conversations, long messages, long leads, long booked, Long ttfrP50Ms) {
    }

    /**
     * One arm of an A/B experiment: the appointments whose events, or their conversations, name it (routing puts
     * every experiment's arm of the conversation on appointment_booked and appointment_confirmed, reminder-service
     * its reminder-timing arm on no_show).
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
