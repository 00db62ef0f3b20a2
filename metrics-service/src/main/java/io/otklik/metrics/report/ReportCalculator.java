package io.otklik.metrics.report;

import io.otklik.events.Topics;
import io.otklik.events.data.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns the store's counts into the owner's report: every metric formula lives here or in the records it uses. */
public final class ReportCalculator {

    /** Seed 000: the first answer should reach the client within 5 seconds. */
    public static final Duration FIRST_RESPONSE_TARGET = Duration.ofSeconds(5);

    /** The bucket of conversations and leads that came without a UTM source. */
    public static final String NO_UTM_SOURCE = "(none)";

    private ReportCalculator() {
    }

    public static MetricsReport report(String tenant, Instant from, Instant to, FactSummary facts) {
        Tally total = Tally.of(facts.counts());
        LatencySummary ttfr = LatencySummary.of(
                facts.firstResponses().stream().map(FirstResponse::responseMs).toList(), FIRST_RESPONSE_TARGET);
        return new MetricsReport(tenant, from, to, total.conversations(), total.messages(), total.leads(),
                total.booked(), total.confirmed(), total.cancelled(), total.rescheduled(), total.noShows(),
                total.repliesSent(), total.repliesFailed(), total.fallbackRate(), total.chatToLead(),
                total.confirmedShare(), total.noShowRate(),
                new MetricsReport.Ttfr(ttfr.count(), ttfr.p50Ms(), ttfr.p90Ms(), ttfr.p99Ms(), ttfr.maxMs(),
                        ttfr.underShare()),
                new TreeMap<>(facts.intents()), byChannel(facts), byUtmSource(facts.utm()),
                byVariant(facts.variants()));
    }

    /**
     * Experiments by id, arms by name (both sorted): booked, confirmed and no-show appointments of each arm, and its
     * confirmed share and no-show rate over its bookings. An experiment appears once an appointment event names it.
     */
    static Map<String, Map<String, MetricsReport.VariantReport>> byVariant(List<VariantCount> counts) {
        Map<String, Map<String, long[]>> sums = new TreeMap<>();
        for (VariantCount c : counts) {
            if (c.experiment() == null || c.variant() == null) {
                continue;
            }
            long[] sum = sums.computeIfAbsent(c.experiment(), e -> new TreeMap<>())
                    .computeIfAbsent(c.variant(), v -> new long[3]);
            switch (c.type()) {
                case Topics.APPOINTMENT_BOOKED -> sum[0] += c.events();
                case Topics.APPOINTMENT_CONFIRMED -> sum[1] += c.events();
                case Topics.NO_SHOW -> sum[2] += c.events();
                default -> {
                    // other types do not enter the arm's numbers
                }
            }
        }
        Map<String, Map<String, MetricsReport.VariantReport>> result = new LinkedHashMap<>();
        sums.forEach((experiment, arms) -> {
            Map<String, MetricsReport.VariantReport> byArm = new LinkedHashMap<>();
            arms.forEach((arm, s) -> byArm.put(arm, new MetricsReport.VariantReport(s[0], s[1], s[2],
                    Rates.ratio(s[1], s[0]), Rates.ratio(s[2], s[0]))));
            result.put(experiment, byArm);
        });
        return result;
    }

    /** Every channel, in the enum's order, zeros included, so the shape of the report does not depend on traffic. */
    static Map<String, MetricsReport.ChannelReport> byChannel(FactSummary facts) {
        Map<String, MetricsReport.ChannelReport> result = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            Tally tally = Tally.of(facts.counts().stream().filter(c -> c.channel() == channel).toList());
            List<Long> firstResponses = facts.firstResponses().stream().filter(r -> r.channel() == channel)
                    .map(FirstResponse::responseMs).toList();
            result.put(channel.name(), new MetricsReport.ChannelReport(tally.conversations(), tally.messages(),
                    tally.leads(), tally.booked(), LatencySummary.median(firstResponses)));
        }
        return result;
    }

    /** Sources sorted by name; conversations and leads without one are grouped under {@value #NO_UTM_SOURCE}. */
    static Map<String, MetricsReport.UtmReport> byUtmSource(List<UtmCount> counts) {
        Map<String, long[]> sums = new TreeMap<>();
        for (UtmCount c : counts) {
            String source = c.source() == null || c.source().isBlank() ? NO_UTM_SOURCE : c.source().strip();
            long[] sum = sums.computeIfAbsent(source, s -> new long[2]);
            sum[0] += c.conversations();
            sum[1] += c.leads();
        }
        Map<String, MetricsReport.UtmReport> result = new LinkedHashMap<>();
        sums.forEach((source, sum) -> result.put(source, new MetricsReport.UtmReport(sum[0], sum[1])));
        return result;
    }
}
