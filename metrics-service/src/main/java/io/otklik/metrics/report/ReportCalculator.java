package io.otklik.metrics.report;

import io.otklik.events.Topics;
import io.otklik.events.data.Channel;
import io.otklik.metrics.load.LoadCalculator;
import io.otklik.platform.web.ProblemException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the window's facts into the owner's report: decides which facts form each slice (channel, source, campaign,
 * arm, period) and leaves every formula to {@link Figures}. A fact without a channel, source or arm of its own takes
 * its conversation's; a lead keeps its own UTM source when it has one.
 */
public final class ReportCalculator {

    /** The bucket of conversations and leads that came without a UTM source. */
    public static final String NO_UTM_SOURCE = GroupBy.NONE;

    /** At most this many periods in one grouped report (a year of days, a month of hours). */
    public static final int MAX_PERIODS = 800;

    private ReportCalculator() {
    }

    /** A report without groups, in UTC. */
    public static MetricsReport report(String tenant, Instant from, Instant to, WindowFacts facts) {
        return report(tenant, new ReportQuery(from, to, null, null), ZoneId.of("UTC"), facts);
    }

    /**
     * @param zone the tenant's time zone: periods are its local hours, days and weeks
     * @throws ProblemException 400 when a period grouping would produce more than {@value #MAX_PERIODS} groups
     */
    public static MetricsReport report(String tenant, ReportQuery query, ZoneId zone, WindowFacts facts) {
        List<Attributed> rows = new ArrayList<>();
        for (FactRow row : facts.rows()) {
            Attributed a = Attributed.of(row, facts.conversation(row.conversation()));
            if (query.channel() == null || query.channel() == a.channel) {
                rows.add(a);
            }
        }
        List<Attributed> firsts = new ArrayList<>();
        for (FirstResponse first : facts.firstResponses()) {
            Attributed a = Attributed.of(first, facts.conversation(first.conversation()));
            if (query.channel() == null || query.channel() == a.channel) {
                firsts.add(a);
            }
        }
        Figures total = withLoad(figures(rows, firsts), query, facts, query.from(), query.to());
        Map<String, Long> intents = new TreeMap<>();
        rows.stream().filter(a -> Topics.MESSAGE_CLASSIFIED.equals(a.row.type()))
                .forEach(a -> intents.merge(a.row.intent() == null ? "unknown" : a.row.intent(), 1L, Long::sum));

        Map<String, MetricsReport.ChannelReport> byChannel = new LinkedHashMap<>();
        Map<String, Figures> channels = split(GroupBy.CHANNEL, rows, firsts, zone);
        for (Channel channel : Channel.values()) {
            Figures f = channels.getOrDefault(channel.name(), Figures.EMPTY);
            byChannel.put(channel.name(), new MetricsReport.ChannelReport(f.conversations(), f.messages(), f.leads(),
                    f.booked(), f.ttfr().p50Ms()));
        }
        Map<String, MetricsReport.UtmReport> byUtmSource = new LinkedHashMap<>();
        split(GroupBy.UTM_SOURCE, rows, firsts, zone).forEach((source, f) -> {
            if (f.conversations() > 0 || f.leads() > 0) {
                byUtmSource.put(source, new MetricsReport.UtmReport(f.conversations(), f.leads()));
            }
        });
        Map<String, Map<String, MetricsReport.VariantReport>> byVariant = new LinkedHashMap<>();
        split(GroupBy.VARIANT, rows, firsts, zone).forEach((key, f) -> {
            if (f.booked() + f.confirmed() + f.noShow() == 0) {
                return; // an arm is judged on its appointments
            }
            int colon = key.indexOf(':');
            byVariant.computeIfAbsent(key.substring(0, colon), e -> new LinkedHashMap<>())
                    .put(key.substring(colon + 1), new MetricsReport.VariantReport(f.booked(), f.confirmed(),
                            f.noShow(), f.confirmedShare(), f.noShowRate()));
        });

        List<MetricsReport.Group> groups = query.groupBy().isEmpty() ? null
                : groups(query, zone, facts, rows, firsts);
        return new MetricsReport(tenant, query.from(), query.to(), total, intents, byChannel, byUtmSource, byVariant,
                query.groupBy().isEmpty() ? null : GroupBy.param(query.groupBy()), groups);
    }

    /**
     * The groups of {@code ?groupBy=}: one per combination of the dimensions' keys that has facts, in key order;
     * with a period, every period of the window for each such combination of the other dimensions (a trend has no
     * holes); with the channel as the only other dimension (or alone), all four channels.
     */
    private static List<MetricsReport.Group> groups(ReportQuery query, ZoneId zone, WindowFacts facts,
                                                    List<Attributed> rows, List<Attributed> firsts) {
        List<GroupBy> dims = query.groupBy();
        Map<List<String>, Figures> split = split(dims, rows, firsts, zone);
        int periodAt = -1;
        for (int i = 0; i < dims.size(); i++) {
            if (dims.get(i).period()) {
                periodAt = i;
            }
        }
        List<GroupBy> others = dims.stream().filter(d -> !d.period()).toList();
        boolean channelsOnly = others.equals(List.of(GroupBy.CHANNEL));
        // channels in the enum's order; other keys sorted
        java.util.Set<List<String>> combos = channelsOnly ? new java.util.LinkedHashSet<>()
                : new java.util.TreeSet<>(KEY_ORDER);
        if (channelsOnly) {
            for (Channel channel : Channel.values()) {
                combos.add(List.of(channel.name()));
            }
        } else {
            for (List<String> key : split.keySet()) {
                List<String> other = new ArrayList<>(key);
                if (periodAt >= 0) {
                    other.remove(periodAt);
                }
                combos.add(other);
            }
            if (others.isEmpty()) {
                combos.add(List.of());
            }
        }
        List<MetricsReport.Group> groups = new ArrayList<>();
        if (periodAt < 0) {
            for (List<String> combo : combos) {
                groups.add(group(dims, combo, null, null, split.getOrDefault(combo, Figures.EMPTY)));
            }
            return groups;
        }
        GroupBy by = dims.get(periodAt);
        Instant start = by.periodStart(query.from(), zone);
        int periods = 0;
        while (start.isBefore(query.to())) {
            if (++periods > MAX_PERIODS) {
                throw ProblemException.badRequest("the window has more than " + MAX_PERIODS + " periods of one "
                        + by.param + "; choose a shorter window or a longer period", "groupBy");
            }
            Instant end = by.periodEnd(start, zone);
            String period = by.keys(null, null, null, Map.of(), start, zone).get(0);
            Instant groupFrom = max(start, query.from());
            Instant groupTo = min(end, query.to());
            for (List<String> combo : combos) {
                List<String> key = new ArrayList<>(combo);
                key.add(periodAt, period);
                Figures f = split.getOrDefault(key, Figures.EMPTY);
                // the specialist load belongs to time alone: a period group, not a channel's or an arm's
                groups.add(group(dims, key, groupFrom, groupTo,
                        dims.size() == 1 ? withLoad(f, query, facts, groupFrom, groupTo) : f));
            }
            start = end;
        }
        return groups;
    }

    private static MetricsReport.Group group(List<GroupBy> dims, List<String> key, Instant from, Instant to,
                                             Figures figures) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 0; i < dims.size(); i++) {
            keys.put(dims.get(i).param, key.get(i));
        }
        return new MetricsReport.Group(String.join(" | ", key), keys, from, to, figures);
    }

    /** Key tuples in the order of their elements. */
    private static final java.util.Comparator<List<String>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    /** The figures of each group of one dimension the facts fall into, groups sorted by key. */
    static Map<String, Figures> split(GroupBy by, List<Attributed> rows, List<Attributed> firsts, ZoneId zone) {
        Map<String, Figures> result = new TreeMap<>();
        split(List.of(by), rows, firsts, zone).forEach((key, f) -> result.put(key.get(0), f));
        return result;
    }

    /**
     * The figures of each combination of the dimensions' keys the facts fall into (a fact with several arms falls
     * into each), sorted by key.
     */
    static Map<List<String>, Figures> split(List<GroupBy> dims, List<Attributed> rows, List<Attributed> firsts,
                                            ZoneId zone) {
        Map<List<String>, List<FactRow>> rowGroups = new HashMap<>();
        Map<List<String>, List<FirstResponse>> firstGroups = new HashMap<>();
        for (Attributed a : rows) {
            for (List<String> key : keys(dims, a, a.row.occurredAt(), zone)) {
                rowGroups.computeIfAbsent(key, k -> new ArrayList<>()).add(a.row);
            }
        }
        for (Attributed a : firsts) {
            for (List<String> key : keys(dims, a, a.first.sentAt(), zone)) {
                firstGroups.computeIfAbsent(key, k -> new ArrayList<>()).add(a.first);
            }
        }
        Map<List<String>, Figures> result = new TreeMap<>(KEY_ORDER);
        rowGroups.keySet().forEach(k -> result.put(k, null));
        firstGroups.keySet().forEach(k -> result.put(k, null));
        result.replaceAll((k, none) -> Figures.of(rowGroups.getOrDefault(k, List.of()),
                firstGroups.getOrDefault(k, List.of())));
        return result;
    }

    /** Every combination of the fact's key in each dimension (none when a dimension gives it no key). */
    private static List<List<String>> keys(List<GroupBy> dims, Attributed a, Instant at, ZoneId zone) {
        List<List<String>> tuples = List.of(List.of());
        for (GroupBy by : dims) {
            List<List<String>> next = new ArrayList<>();
            for (String key : by.keys(a.channel, a.utmSource, a.utmCampaign, a.variants, at, zone)) {
                for (List<String> tuple : tuples) {
                    List<String> longer = new ArrayList<>(tuple);
                    longer.add(key);
                    next.add(List.copyOf(longer));
                }
            }
            tuples = next;
        }
        return tuples;
    }

    /** The specialist load of one tenant's [from, to), when the report is of one tenant and all channels. */
    private static Figures withLoad(Figures figures, ReportQuery query, WindowFacts facts, Instant from, Instant to) {
        if (facts.tenant() == null || query.channel() != null) {
            return figures;
        }
        return figures.withSpecialistLoad(LoadCalculator.of(facts.tenant(), from, to, facts.appointments()));
    }

    private static Figures figures(List<Attributed> rows, List<Attributed> firsts) {
        return Figures.of(rows.stream().map(a -> a.row).toList(), firsts.stream().map(a -> a.first).toList());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** A fact or first response with the channel, source, campaign and arms it counts under. */
    record Attributed(FactRow row, FirstResponse first, Channel channel, String utmSource, String utmCampaign,
                      Map<String, String> variants) {

        static Attributed of(FactRow row, ConversationInfo conversation) {
            boolean lead = Topics.LEAD_CREATED.equals(row.type());
            // a lead counts under its own campaign when it names one; everything else under its conversation's
            String source = lead && !blank(row.utmSource()) ? row.utmSource()
                    : firstNonBlank(conversation.utmSource(), row.utmSource());
            String campaign = lead && !blank(row.utmCampaign()) ? row.utmCampaign()
                    : firstNonBlank(conversation.utmCampaign(), row.utmCampaign());
            Map<String, String> variants = new TreeMap<>(conversation.variants());
            variants.putAll(row.variants());
            return new Attributed(row, null, row.channel() != null ? row.channel() : conversation.channel(), source,
                    campaign, variants);
        }

        static Attributed of(FirstResponse first, ConversationInfo conversation) {
            return new Attributed(null, first, first.channel() != null ? first.channel() : conversation.channel(),
                    conversation.utmSource(), conversation.utmCampaign(), conversation.variants());
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

        private static String firstNonBlank(String a, String b) {
            return blank(a) ? b : a;
        }
    }
}
