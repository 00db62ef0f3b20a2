package io.otklik.routing.rules;

import io.otklik.events.data.Channel;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A rule's condition: a tree of facts about the lead, evaluated on a {@link RuleContext}. Pure. */
public sealed interface Condition {

    boolean test(RuleContext ctx);

    /** The condition in Russian words, for the reason managers read. */
    String ru();

    /** Comparison of a duration fact with a constant. */
    enum Cmp {
        LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Cmp(String symbol) {
            this.symbol = symbol;
        }

        boolean test(Duration fact, Duration limit) {
            int c = fact.compareTo(limit);
            return switch (this) {
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
            };
        }
    }

    record And(Condition left, Condition right) implements Condition {
        public boolean test(RuleContext ctx) {
            return left.test(ctx) && right.test(ctx);
        }

        public String ru() {
            return left.ru() + " и " + right.ru();
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        public boolean test(RuleContext ctx) {
            return left.test(ctx) || right.test(ctx);
        }

        public String ru() {
            return "(" + left.ru() + " или " + right.ru() + ")";
        }
    }

    record Not(Condition inner) implements Condition {
        public boolean test(RuleContext ctx) {
            return !inner.test(ctx);
        }

        public String ru() {
            return "не " + inner.ru();
        }
    }

    /** {@code response_time < 5min}: time since the client's first unanswered message. */
    record ResponseTime(Cmp cmp, Duration limit) implements Condition {
        public boolean test(RuleContext ctx) {
            return ctx.responseTime() != null && cmp.test(ctx.responseTime(), limit);
        }

        public String ru() {
            return "время ожидания " + cmp.symbol + " " + Durations.ru(limit);
        }
    }

    /** {@code specialist_free_within < 30min}: false when no specialist is known to be free. */
    record SpecialistFree(Cmp cmp, Duration limit) implements Condition {
        public boolean test(RuleContext ctx) {
            return ctx.specialistFreeIn() != null && cmp.test(ctx.specialistFreeIn(), limit);
        }

        public String ru() {
            return "специалист свободен через " + cmp.symbol + " " + Durations.ru(limit);
        }
    }

    /** {@code channel == Instagram}, {@code channel in (WhatsApp, Telegram)}. */
    record ChannelIs(Set<Channel> channels, boolean negated) implements Condition {
        public boolean test(RuleContext ctx) {
            return channels.contains(ctx.channel()) != negated;
        }

        public String ru() {
            return "канал " + (negated ? "не " : "") + names(channels.stream().map(Condition::channelName)
                    .collect(Collectors.toCollection(java.util.TreeSet::new)));
        }
    }

    /**
     * {@code source == WhatsApp}: the UTM source, or the channel when the client came without one; {@code ad} means
     * any UTM source, {@code organic} none.
     */
    record SourceIs(Set<String> sources, boolean negated) implements Condition {
        public boolean test(RuleContext ctx) {
            String utm = ctx.utmSource() == null || ctx.utmSource().isBlank() ? null
                    : ctx.utmSource().strip().toLowerCase(Locale.ROOT);
            boolean hit = false;
            for (String s : sources) {
                hit |= switch (s) {
                    case "ad" -> utm != null;
                    case "organic" -> utm == null;
                    default -> s.equals(utm) || s.equals(channelName(ctx.channel()).toLowerCase(Locale.ROOT))
                            || s.equals(ctx.channel().name().toLowerCase(Locale.ROOT));
                };
            }
            return hit != negated;
        }

        public String ru() {
            return "источник " + (negated ? "не " : "") + names(new java.util.TreeSet<>(sources));
        }
    }

    /** {@code intent == BOOK}; the values are nlu's intents. */
    record IntentIs(Set<String> intents, boolean negated) implements Condition {
        public boolean test(RuleContext ctx) {
            return (ctx.intent() != null && intents.contains(ctx.intent().toUpperCase(Locale.ROOT))) != negated;
        }

        public String ru() {
            return "намерение " + (negated ? "не " : "") + names(new java.util.TreeSet<>(intents.stream()
                    .map(io.otklik.events.data.Intent::labelOf).collect(Collectors.toSet())));
        }
    }

    /** {@code segment == clinic}. */
    record SegmentIs(Set<String> segments, boolean negated) implements Condition {
        public boolean test(RuleContext ctx) {
            return (ctx.segment() != null && segments.contains(ctx.segment().toLowerCase(Locale.ROOT))) != negated;
        }

        public String ru() {
            return "сегмент " + (negated ? "не " : "") + names(new java.util.TreeSet<>(segments));
        }
    }

    /** A yes/no fact: client_repeat, urgent, fallback, holiday, workday, business_hours. */
    record Flag(String name) implements Condition {
        public boolean test(RuleContext ctx) {
            return switch (name) {
                case "client_repeat" -> ctx.clientRepeat();
                case "urgent" -> ctx.urgent();
                case "fallback" -> ctx.fallback();
                case "holiday" -> ctx.holiday();
                case "workday" -> ctx.workday();
                case "business_hours" -> ctx.businessHours();
                default -> throw new IllegalStateException("unknown flag " + name);
            };
        }

        public String ru() {
            return switch (name) {
                case "client_repeat" -> "клиент повторный";
                case "urgent" -> "срочно";
                case "fallback" -> "бот не понял запрос";
                case "holiday" -> "праздничный день";
                case "workday" -> "рабочий день";
                case "business_hours" -> "рабочее время";
                default -> name;
            };
        }
    }

    /** {@code 09:00–18:00} in the tenant's zone, start inclusive, end exclusive; wraps midnight when start > end. */
    record TimeWindow(LocalTime from, LocalTime to) implements Condition {
        public boolean test(RuleContext ctx) {
            LocalTime t = ctx.local().toLocalTime();
            return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
        }

        public String ru() {
            return "время " + from + "–" + to;
        }
    }

    /** {@code weekday in Mon..Fri}, {@code weekday in (Sat, Sun)}, {@code weekday == Sat}, local. */
    record WeekdayIn(Set<DayOfWeek> days, boolean negated) implements Condition {
        public boolean test(RuleContext ctx) {
            return days.contains(ctx.local().getDayOfWeek()) != negated;
        }

        public String ru() {
            return "день недели " + (negated ? "не " : "") + days.stream().sorted()
                    .map(d -> d.getDisplayName(java.time.format.TextStyle.SHORT, Locale.forLanguageTag("ru")))
                    .collect(Collectors.joining(", "));
        }
    }

    static String channelName(Channel c) {
        return switch (c) {
            case WHATSAPP -> "WhatsApp";
            case TELEGRAM -> "Telegram";
            case INSTAGRAM -> "Instagram";
            case WEB_FORM -> "WebForm";
        };
    }

    private static String names(Set<String> values) {
        return String.join(" или ", values);
    }
}
