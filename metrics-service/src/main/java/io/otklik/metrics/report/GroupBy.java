package io.otklik.metrics.report;

import io.otklik.events.data.Channel;
import io.otklik.platform.web.ProblemException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How {@code ?groupBy=} slices a report: by a fact's channel, UTM source or campaign, experiment arm, or the hour, day
 * or ISO week of its time in the tenant's zone. What a fact does not name itself it takes from its conversation
 * ({@link ConversationInfo}).
 */
public enum GroupBy {
    CHANNEL("channel"), UTM_SOURCE("utm_source"), UTM_CAMPAIGN("utm_campaign"), VARIANT("variant"),
    HOUR("hour"), DAY("day"), WEEK("week");

    /** The group of facts without a UTM source (or campaign). */
    public static final String NONE = "(none)";

    private static final DateTimeFormatter HOUR_KEY = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:00", Locale.ROOT);

    /** The query parameter's value. */
    public final String param;

    GroupBy(String param) {
        this.param = param;
    }

    /** @throws ProblemException 400 naming {@code groupBy} when the value is none of the dimensions */
    public static GroupBy parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(g -> g.param.equals(v)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("'" + value + "' is not a dimension; use one of "
                        + Arrays.stream(values()).map(g -> g.param).collect(Collectors.joining(", ")), "groupBy"));
    }

    /**
     * {@code day,channel}: up to three distinct dimensions, at most one of them a period.
     *
     * @throws ProblemException 400 naming {@code groupBy}
     */
    public static List<GroupBy> parseAll(String value) {
        List<GroupBy> dims = new java.util.ArrayList<>();
        for (String part : value.split(",")) {
            GroupBy by = parse(part);
            if (dims.contains(by)) {
                throw ProblemException.badRequest("'" + by.param + "' is named twice in groupBy", "groupBy");
            }
            if (by.period() && dims.stream().anyMatch(GroupBy::period)) {
                throw ProblemException.badRequest("groupBy takes one period (hour, day or week) at a time",
                        "groupBy");
            }
            dims.add(by);
        }
        if (dims.size() > 3) {
            throw ProblemException.badRequest("groupBy takes at most three dimensions", "groupBy");
        }
        return List.copyOf(dims);
    }

    /** The dimensions as the query names them: {@code day,channel}. */
    public static String param(List<GroupBy> dims) {
        return dims.stream().map(d -> d.param).collect(Collectors.joining(","));
    }

    public boolean period() {
        return this == HOUR || this == DAY || this == WEEK;
    }

    /**
     * The groups one fact belongs to: one, except for {@link #VARIANT}, where a fact belongs to the arm of each
     * experiment it (or its conversation) names, as {@code experiment:arm}, and to none without experiments.
     */
    List<String> keys(Channel channel, String utmSource, String utmCampaign, Map<String, String> variants,
                      Instant at, ZoneId zone) {
        return switch (this) {
            case CHANNEL -> List.of(channel == null ? NONE : channel.name());
            case UTM_SOURCE -> List.of(orNone(utmSource));
            case UTM_CAMPAIGN -> List.of(orNone(utmCampaign));
            case VARIANT -> variants.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).sorted().toList();
            case HOUR -> List.of(HOUR_KEY.format(at.atZone(zone)));
            case DAY -> List.of(at.atZone(zone).toLocalDate().toString());
            case WEEK -> {
                ZonedDateTime local = at.atZone(zone);
                yield List.of(String.format(Locale.ROOT, "%d-W%02d", local.get(IsoFields.WEEK_BASED_YEAR),
                        local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
            }
        };
    }

    /** The first instant of the period containing {@code at} (periods only). */
    Instant periodStart(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return switch (this) {
            case HOUR -> local.truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAY -> local.truncatedTo(ChronoUnit.DAYS).toInstant();
            case WEEK -> local.truncatedTo(ChronoUnit.DAYS)
                    .minusDays(local.getDayOfWeek().getValue() - 1L).toInstant();
            default -> throw new IllegalStateException(this + " is not a period");
        };
    }

    /** The first instant after the period starting at {@code start}. */
    Instant periodEnd(Instant start, ZoneId zone) {
        ZonedDateTime local = start.atZone(zone);
        return switch (this) {
            case HOUR -> local.plusHours(1).toInstant();
            case DAY -> local.plusDays(1).toInstant();
            case WEEK -> local.plusWeeks(1).toInstant();
            default -> throw new IllegalStateException(this + " is not a period");
        };
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? NONE : value.strip();
    }
}
