package io.otklik.metrics.report;

import io.otklik.events.data.Channel;
import io.otklik.platform.web.ProblemException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The window and channel a report covers, read from the query string.
 *
 * @param from    first instant included
 * @param to      first instant excluded
 * @param channel only this channel's facts, or null for all
 * @param groupBy  the dimensions to slice the report into groups by (combined), empty for totals only
 */
public record ReportQuery(Instant from, Instant to, Channel channel, List<GroupBy> groupBy) {

    public ReportQuery {
        groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
    }

    /** Without groups. */
    public static ReportQuery parse(String from, String to, String channel, Instant now, Duration defaultWindow) {
        return parse(from, to, channel, null, now, defaultWindow);
    }

    /**
     * @param now           the default {@code to}
     * @param defaultWindow how far back {@code from} lies when not given
     * @throws ProblemException 400 naming the parameter at fault
     */
    public static ReportQuery parse(String from, String to, String channel, String groupBy, Instant now,
                                    Duration defaultWindow) {
        Instant end = blank(to) ? now : instant(to, "to");
        Instant start = blank(from) ? end.minus(defaultWindow) : instant(from, "from");
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("'from' (" + start + ") must be before 'to' (" + end + ")", "from");
        }
        return new ReportQuery(start, end, blank(channel) ? null : channel(channel),
                blank(groupBy) ? List.of() : GroupBy.parseAll(groupBy));
    }

    private static Instant instant(String value, String field) {
        String v = value.strip();
        try {
            return Instant.parse(v);
        } catch (DateTimeException notUtc) {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeException e) {
                throw ProblemException.badRequest("'" + value + "' is not an ISO-8601 instant such as"
                        + " 2025-03-01T00:00:00Z or 2025-03-01T00:00:00+03:00", field);
            }
        }
    }

    private static Channel channel(String value) {
        try {
            return Channel.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("'" + value + "' is not a channel; use one of "
                    + Arrays.stream(Channel.values()).map(Enum::name).collect(Collectors.joining(", ")), "channel");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
