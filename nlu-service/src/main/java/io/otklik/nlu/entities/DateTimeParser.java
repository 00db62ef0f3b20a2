package io.otklik.nlu.entities;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Russian day and time expressions from the tokens of a message and resolves them against the message time in
 * the tenant's calendar. Pure and thread-safe: the words are in {@link DateWords}, and every call keeps its state
 * on the stack.
 *
 * <p>An expression is built from pieces: a day («завтра», «в пятницу», «25 декабря», «через 2 дня»), a span of days
 * («на выходных», «на следующей неделе»), a clock time («в 15», «в 10:30», «в половине третьего»), a range of times
 * («с 10 до 12», «после 18», «до 12»), a part of the day ({@link DayPeriod}) or an offset («через час»). Pieces that
 * follow each other in one sentence, one of each kind, make one expression («в пятницу после обеда», «25.12 в 10:30»).
 *
 * <p>Conventions (also in nlu-service/README.md):
 * <ul>
 *   <li>a bare hour before the tenant opens is the afternoon one («в 7» at a salon opening at 9 is 19:00); an hour
 *       with a part of the day follows it («вечером в 7», «в 3 дня»); «07:30», written with a leading zero, is kept;</li>
 *   <li>a time today that has passed means tomorrow, but only when no day was named («сегодня в 9» stays today);</li>
 *   <li>a weekday alone is the next one, today excluded; «в эту пятницу» is this week's (today included), «в
 *       следующую пятницу» next calendar week's; a date without a year that has passed is next year's;</li>
 *   <li>an interval that has already begun starts now (to the minute); its end is exclusive;</li>
 *   <li>a span of days with a time of day gives that time on the span's first day that is still ahead;</li>
 *   <li>when several expressions are named, the summary takes the first one that is not refused («не могу в
 *       четверг») and not past, preferring one introduced by «на» («перенесите с пятницы на субботу»).</li>
 * </ul>
 */
final class DateTimeParser {

    /** A time of day as written, before the tenant's hours and the part of the day are applied. */
    private record Clock(int hour, int minute, boolean fixed, int last) {
    }

    private static final int DAY = 1;
    private static final int DAYS = 2;
    private static final int TIME = 3;
    private static final int RANGE = 4;
    private static final int PERIOD = 5;
    private static final int OFFSET = 6;

    /** One piece of an expression, over tokens first..last. */
    private static final class Piece {
        final int kind;
        final int first;
        final int last;
        LocalDate day;
        LocalDate spanTo;
        Clock from;
        Clock to;
        DayPeriod period;
        Duration offset;

        Piece(int kind, int first, int last) {
            this.kind = kind;
            this.first = first;
            this.last = last;
        }

        boolean daySlot() {
            return kind == DAY || kind == DAYS;
        }

        boolean timeSlot() {
            return kind == TIME || kind == RANGE;
        }
    }

    /** Pieces read as one expression: at most one day, one time and one part of the day, or one offset. */
    private static final class Group {
        Piece day;
        Piece time;
        Piece period;
        Piece offset;
        int first = Integer.MAX_VALUE;
        int last = -1;

        boolean takes(Piece p) {
            if (offset != null || p.kind == OFFSET) {
                return first == Integer.MAX_VALUE;
            }
            if (p.kind == DAY && day != null && day.kind == DAY && day.day.equals(p.day)) {
                return true; // the same day said twice: «в четверг 26.11»
            }
            return p.daySlot() ? day == null : p.timeSlot() ? time == null : period == null;
        }

        void add(Piece p) {
            if (p.kind == OFFSET) {
                offset = p;
            } else if (p.daySlot()) {
                day = day == null ? p : day;
            } else if (p.timeSlot()) {
                time = p;
            } else {
                period = p;
            }
            first = Math.min(first, p.first);
            last = Math.max(last, p.last);
        }

        boolean hasDay() {
            return day != null || offset != null;
        }

        boolean hasTime() {
            return time != null || period != null || offset != null;
        }
    }

    /**
     * A resolved expression.
     *
     * @param start   offset of its first character in the message
     * @param end     offset after its last character
     * @param from    the instant, or the start of the interval, in the tenant's local time
     * @param to      the exclusive end of the interval; null for an instant
     * @param date    the day, when the client named one day
     * @param time    the time of day, when the client named one
     * @param refused whether the client said it does not suit them («не могу в четверг»)
     * @param afterNa whether «на» introduces it
     */
    record Resolved(int start, int end, LocalDateTime from, LocalDateTime to, LocalDate date, LocalTime time,
                    boolean refused, boolean afterNa) {

        boolean pastAt(LocalDateTime now) {
            return (to != null ? !to.isAfter(now) : from.isBefore(now));
        }
    }

    /** Everything found, and the one expression that fills the event's summary (null when nothing was found). */
    record Found(List<Resolved> all, Resolved summary) {
    }

    private DateTimeParser() {
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** The context of one message: its time and the tenant's hours. */
    private record Now(LocalDateTime at, LocalDate today, LocalTime open, LocalTime close) {
    }

    /** Reads every expression of the message and picks the one for the summary. */
    static Found parse(Tokens t, LocalDateTime now, LocalTime open, LocalTime close) {
        Now ctx = new Now(now, now.toLocalDate(), open, close);
        List<Piece> pieces = null;
        int i = 0;
        while (i < t.size) {
            Piece p = t.kind[i] == Tokens.WORD || t.kind[i] == Tokens.NUM ? piece(t, i, ctx, pieces) : null;
            if (p == null) {
                i++;
                continue;
            }
            if (pieces == null) {
                pieces = new ArrayList<>(4);
            }
            pieces.add(p);
            i = p.last + 1;
        }
        if (pieces == null) {
            return new Found(List.of(), null);
        }
        List<Group> groups = group(t, pieces);
        List<Resolved> all = new ArrayList<>(groups.size());
        for (Group g : groups) {
            all.add(resolve(t, g, ctx));
        }
        return new Found(all, summary(t, groups, all, ctx));
    }

    private static Piece piece(Tokens t, int i, Now ctx, List<Piece> before) {
        Piece p = offset(t, i, ctx);
        if (p == null) {
            p = date(t, i, ctx);
        }
        if (p == null) {
            p = dayWord(t, i, ctx);
        }
        if (p == null) {
            p = period(t, i);
        }
        if (p == null) {
            p = time(t, i, before);
        }
        return p;
    }

    /** «через час», «через полчаса», «через 2 часа», «через 15 минут», «через 2 дня», «через неделю». */
    private static Piece offset(Tokens t, int i, Now ctx) {
        if (!t.is(i, "через")) {
            return null;
        }
        String w = t.word(i + 1);
        if (w != null) {
            switch (w) {
                case "час", "часик" -> {
                    return offsetPiece(i, i + 1, Duration.ofHours(1));
                }
                case "полчаса", "полчасика" -> {
                    return offsetPiece(i, i + 1, Duration.ofMinutes(30));
                }
                case "минуту", "минутку" -> {
                    return offsetPiece(i, i + 1, Duration.ofMinutes(1));
                }
                case "день", "сутки" -> {
                    return dayPiece(i, i + 1, ctx.today.plusDays(1));
                }
                case "неделю" -> {
                    return dayPiece(i, i + 1, ctx.today.plusWeeks(1));
                }
                case "месяц" -> {
                    return dayPiece(i, i + 1, ctx.today.plusMonths(1));
                }
                case "полтора", "полторы" -> {
                    String unit = t.word(i + 2);
                    return unit != null && unit.startsWith("час") ? offsetPiece(i, i + 2, Duration.ofMinutes(90))
                            : null;
                }
                default -> {
                }
            }
        }
        int n;
        if (t.isNum(i + 1)) {
            n = t.num(i + 1);
        } else if (w != null && (w.equals("пару") || w.equals("пара"))) {
            n = 2;
        } else if (w != null && DateWords.NUMBER_WORDS.containsKey(w)) {
            n = DateWords.NUMBER_WORDS.get(w);
        } else {
            return null;
        }
        String unit = t.word(i + 2);
        if (n <= 0 || n > 1000 || unit == null) {
            return null;
        }
        if (unit.startsWith("мин")) {
            return offsetPiece(i, i + 2, Duration.ofMinutes(n));
        }
        if (unit.equals("ч") || unit.startsWith("час")) {
            return offsetPiece(i, i + 2, Duration.ofHours(n));
        }
        if (unit.equals("день") || unit.equals("дня") || unit.equals("дней") || unit.equals("суток")) {
            return dayPiece(i, i + 2, ctx.today.plusDays(n));
        }
        if (unit.startsWith("недел")) {
            return dayPiece(i, i + 2, ctx.today.plusWeeks(n));
        }
        if (unit.startsWith("месяц")) {
            return dayPiece(i, i + 2, ctx.today.plusMonths(n));
        }
        return null;
    }

    private static Piece offsetPiece(int first, int last, Duration d) {
        Piece p = new Piece(OFFSET, first, last);
        p.offset = d;
        return p;
    }

    private static Piece dayPiece(int first, int last, LocalDate day) {
        Piece p = new Piece(DAY, first, last);
        p.day = day;
        return p;
    }

    private static Piece daysPiece(int first, int last, LocalDate from, LocalDate to) {
        Piece p = new Piece(DAYS, first, last);
        p.day = from;
        p.spanTo = to;
        return p;
    }

    /** «25 декабря», «1-го января 2027», «25.12», «25.12.2026», «25/12», «10 числа». */
    private static Piece date(Tokens t, int i, Now ctx) {
        int j = i;
        String prep = t.word(i);
        if (prep != null) {
            if (!DateWords.DAY_PREPOSITIONS.contains(prep) && !DateWords.TIME_PREPOSITIONS.contains(prep) && !prep.equals("от")) {
                return null;
            }
            j++;
        }
        int d = t.num(j);
        if (d < 1 || d > 31 || t.text[j].length() > 2) {
            return null;
        }
        int k = j + 1;
        if (t.punct(k, "-") && !t.spaceBefore[k] && isOrdinalEnding(t.word(k + 1))) {
            k += 2;
        } else if (isOrdinalEnding(t.word(k)) && !t.spaceBefore[k]) {
            k++;
        }
        String w = t.word(k);
        if (w != null && DateWords.MONTHS.containsKey(w)) {
            int month = DateWords.MONTHS.get(w);
            int last = t.punct(k + 1, ".") && w.length() <= 4 ? k + 1 : k;
            int year = -1;
            int y = t.num(last + 1);
            if (y >= 2000 && y <= 2100) {
                year = y;
                last++;
                if (t.is(last + 1, "г") || t.is(last + 1, "года") || t.is(last + 1, "год")) {
                    last++;
                    if (t.punct(last + 1, ".")) {
                        last++;
                    }
                }
            }
            LocalDate day = dayOf(ctx.today, d, month, year);
            return day == null ? null : dayPiece(i, last, day);
        }
        if (w != null && (w.equals("числа") || w.equals("число"))) {
            return dayOfMonth(i, k, d, ctx);
        }
        if (k != j + 1) {
            // «28-го»: that day of this month, or of the next when it has passed
            return notAnHour(t, k) ? null : dayOfMonth(i, k - 1, d, ctx);
        }
        // 25.12, 25/12, 25.12.2026
        boolean dot = t.punct(j + 1, ".");
        if (!(dot || t.punct(j + 1, "/")) || t.spaceBefore[j + 1] || !t.isNum(j + 2) || t.spaceBefore[j + 2]) {
            return null;
        }
        int month = t.num(j + 2);
        String sep = t.text[j + 1];
        int last = j + 2;
        int year = -1;
        if (t.punct(j + 3, sep) && !t.spaceBefore[j + 3] && t.isNum(j + 4) && !t.spaceBefore[j + 4]) {
            int y = t.num(j + 4);
            int len = t.text[j + 4].length();
            if (len == 2) {
                year = 2000 + y;
            } else if (len == 4 && y >= 2000 && y <= 2100) {
                year = y;
            } else {
                return null;
            }
            last = j + 4;
        } else if (t.punct(j + 3, ".") && t.isNum(j + 4) && !t.spaceBefore[j + 4]) {
            return null;
        }
        if (year < 0) {
            boolean timeContext = prep != null && !prep.equals("на") && DateWords.TIME_PREPOSITIONS.contains(prep);
            if (timeContext && dot && d <= 23 && t.text[j + 2].length() == 2 && month <= 59) {
                return null;
            }
            if (t.text[j].length() == 1 && t.text[j + 2].length() == 1) {
                return null;
            }
        }
        if (month < 1 || month > 12 || t.text[j + 2].length() > 2 || notAnHour(t, last + 1)
                || t.punct(last + 1, ":") || modelBefore(t, i)) {
            return null;
        }
        LocalDate day = dayOf(ctx.today, d, month, year);
        return day == null ? null : dayPiece(i, last, day);
    }

    /** Day d of this month, or of the next month that has it when it has passed. */
    private static Piece dayOfMonth(int first, int last, int d, Now ctx) {
        for (int ahead = 0; ahead < 3; ahead++) {
            LocalDate month = ctx.today.withDayOfMonth(1).plusMonths(ahead);
            if (d <= month.lengthOfMonth()) {
                LocalDate day = month.withDayOfMonth(d);
                if (!day.isBefore(ctx.today)) {
                    return dayPiece(first, last, day);
                }
            }
        }
        return null;
    }

    private static boolean isOrdinalEnding(String w) {
        return w != null && (w.equals("го") || w.equals("е") || w.equals("ое") || w.equals("ого"));
    }

    private static boolean modelBefore(Tokens t, int i) {
        int b = i - 1;
        return b >= 0 && t.isWord(b) && (DateWords.MODEL_WORDS.contains(t.text[b]) || t.latin(b))
                || t.punct(b, "№") || t.punct(b, "#");
    }

    /** That day; without a year this year's, or next year's when it has passed. Null when there is no such day. */
    private static LocalDate dayOf(LocalDate today, int day, int month, int year) {
        try {
            if (year > 0) {
                return LocalDate.of(year, month, day);
            }
            LocalDate d = LocalDate.of(today.getYear(), month, day);
            return d.isBefore(today) ? LocalDate.of(today.getYear() + 1, month, day) : d;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * «сегодня», «завтра», «послезавтра», «после завтра», «в пятницу», «в эту субботу», «в следующий вторник»,
     * «в пн», «на выходных», «на следующей неделе», «в конце недели», «в начале недели», «в декабре».
     */
    private static Piece dayWord(Tokens t, int i, Now ctx) {
        int j = i;
        boolean prep = false;
        String w = t.word(j);
        if (w == null) {
            return null;
        }
        if (DateWords.DAY_PREPOSITIONS.contains(w)) {
            prep = true;
            w = t.word(++j);
            if (w == null) {
                return null;
            }
        }
        int mod = 0;
        if (DateWords.THIS.contains(w)) {
            mod = 1;
        } else if (DateWords.NEXT.contains(w)) {
            mod = 2;
        }
        if (mod != 0) {
            w = t.word(++j);
            if (w == null) {
                return null;
            }
        }
        LocalDate today = ctx.today;
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate nextMonday = monday.plusWeeks(1);
        Integer rel = DateWords.RELATIVE_DAYS.get(w);
        if (rel != null && mod == 0) {
            return dayPiece(i, j, today.plusDays(rel));
        }
        if (w.equals("после") && t.is(j + 1, "завтра") && mod == 0) {
            return dayPiece(i, j + 1, today.plusDays(2));
        }
        DayOfWeek dow = DateWords.WEEKDAYS.get(w);
        if (dow == null && (prep || mod != 0)) {
            dow = DateWords.WEEKDAY_ABBREVIATIONS.get(w);
            if (dow != null && t.punct(j + 1, ".") && !t.spaceBefore[j + 1]) {
                j++;
            }
        }
        if (dow != null) {
            LocalDate day;
            if (mod == 2) {
                day = nextMonday.plusDays(dow.getValue() - 1L);
            } else {
                int ahead = (dow.getValue() - today.getDayOfWeek().getValue() + 7) % 7;
                day = today.plusDays(ahead == 0 && mod == 0 ? 7 : ahead);
            }
            return dayPiece(i, j, day);
        }
        if (DateWords.WEEKEND.contains(w) && (prep || mod != 0)) {
            if (mod == 2) {
                return daysPiece(i, j, nextMonday.plusDays(5), nextMonday.plusDays(7));
            }
            return daysPiece(i, j, today.getDayOfWeek().getValue() >= 6 ? today : monday.plusDays(5), nextMonday);
        }
        if (w.equals("неделе") && prep || w.equals("неделю") && prep && mod != 0) {
            return mod == 2 ? daysPiece(i, j, nextMonday, nextMonday.plusWeeks(1)) : daysPiece(i, j, today, nextMonday);
        }
        if (prep && DateWords.MONTHS_IN.containsKey(w) && mod == 0) {
            int month = DateWords.MONTHS_IN.get(w);
            int year = month < today.getMonthValue() ? today.getYear() + 1 : today.getYear();
            LocalDate first = LocalDate.of(year, month, 1);
            return daysPiece(i, j, first, first.plusMonths(1));
        }
        if (prep && w.equals("месяце") && mod != 0) {
            LocalDate first = today.withDayOfMonth(1).plusMonths(mod == 2 ? 1 : 0);
            return daysPiece(i, j, first, first.plusMonths(1));
        }
        if (prep && mod == 0 && (w.equals("конце") || w.equals("начале") || w.equals("середине"))) {
            int k = j + 1;
            String x = t.word(k);
            int mod2 = 0;
            if (x != null && DateWords.THIS.contains(x)) {
                mod2 = 1;
                x = t.word(++k);
            } else if (x != null && DateWords.NEXT.contains(x)) {
                mod2 = 2;
                x = t.word(++k);
            }
            if ("недели".equals(x)) {
                LocalDate mon = mod2 == 2 || (mod2 == 0 && w.equals("начале")) ? nextMonday : monday;
                return switch (w) {
                    case "конце" -> daysPiece(i, k, mon.plusDays(4), mon.plusDays(7));
                    case "начале" -> daysPiece(i, k, mon, mon.plusDays(3));
                    default -> daysPiece(i, k, mon.plusDays(1), mon.plusDays(4));
                };
            }
            if ("месяца".equals(x)) {
                LocalDate first = today.withDayOfMonth(1).plusMonths(mod2 == 2 ? 1 : 0);
                return switch (w) {
                    case "конце" -> daysPiece(i, k, first.plusMonths(1).minusDays(7), first.plusMonths(1));
                    case "начале" -> daysPiece(i, k, first, first.plusDays(10));
                    default -> daysPiece(i, k, first.plusDays(10), first.plusDays(20));
                };
            }
        }
        return null;
    }

    /** A part of the day: «утром», «с утра», «до обеда», «в обед», «днём», «после обеда», «вечером», … */
    private static Piece period(Tokens t, int i) {
        String w = t.word(i);
        if (w == null) {
            return null;
        }
        String n1 = t.word(i + 1);
        String n2 = t.word(i + 2);
        switch (w) {
            case "утром", "утречком", "поутру", "спозаранку" -> {
                return periodPiece(i, i, DayPeriod.MORNING);
            }
            case "днем", "днемом" -> {
                return periodPiece(i, i, DayPeriod.DAYTIME);
            }
            case "вечером", "вечерком", "вечерочком" -> {
                return periodPiece(i, i, DayPeriod.EVENING);
            }
            case "послеобеда" -> {
                return periodPiece(i, i, DayPeriod.AFTER_LUNCH);
            }
            case "рано" -> {
                return "утром".equals(n1) ? periodPiece(i, i + 1, DayPeriod.MORNING) : null;
            }
            case "поздно" -> {
                return "вечером".equals(n1) ? periodPiece(i, i + 1, DayPeriod.EVENING) : null;
            }
            case "с", "со" -> {
                return "утра".equals(n1) || "утреца".equals(n1) ? periodPiece(i, i + 1, DayPeriod.MORNING) : null;
            }
            case "до" -> {
                return "обеда".equals(n1) ? periodPiece(i, i + 1, DayPeriod.BEFORE_LUNCH) : null;
            }
            case "после" -> {
                if ("обеда".equals(n1) || "обед".equals(n1)) {
                    return periodPiece(i, i + 1, DayPeriod.AFTER_LUNCH);
                }
                return "работы".equals(n1) ? periodPiece(i, i + 1, DayPeriod.AFTER_WORK) : null;
            }
            case "под", "к" -> {
                if ("вечер".equals(n1) || "вечеру".equals(n1)) {
                    return periodPiece(i, i + 1, DayPeriod.EVENING);
                }
                return "обеду".equals(n1) ? periodPiece(i, i + 1, DayPeriod.LUNCH) : null;
            }
            case "ближе" -> {
                return "к".equals(n1) && "вечеру".equals(n2) ? periodPiece(i, i + 2, DayPeriod.EVENING) : null;
            }
            case "на" -> {
                if ("утро".equals(n1)) {
                    return periodPiece(i, i + 1, DayPeriod.MORNING);
                }
                return "вечер".equals(n1) ? periodPiece(i, i + 1, DayPeriod.EVENING) : null;
            }
            case "в", "во" -> {
                if ("обед".equals(n1)) {
                    return periodPiece(i, i + 1, DayPeriod.LUNCH);
                }
                if (("обеденное".equals(n1) || "обеденный".equals(n1)) && ("время".equals(n2)
                        || "перерыв".equals(n2))) {
                    return periodPiece(i, i + 2, DayPeriod.LUNCH);
                }
                if ("дневное".equals(n1) && "время".equals(n2)) {
                    return periodPiece(i, i + 2, DayPeriod.DAYTIME);
                }
                if ("вечернее".equals(n1) && "время".equals(n2)) {
                    return periodPiece(i, i + 2, DayPeriod.EVENING);
                }
                if ("утреннее".equals(n1) && "время".equals(n2)) {
                    return periodPiece(i, i + 2, DayPeriod.MORNING);
                }
                return half(t, i + 1, i);
            }
            case "первая", "первой", "вторая", "второй" -> {
                return half(t, i, i);
            }
            case "утро", "вечер" -> {
                String before = t.word(i - 1);
                if (before != null && (before.startsWith("добр") || before.equals("на"))) {
                    return null;
                }
                return periodPiece(i, i, w.equals("утро") ? DayPeriod.MORNING : DayPeriod.EVENING);
            }
            default -> {
                return null;
            }
        }
    }

    /** «(в) первой половине дня», «(во) второй половине дня». */
    private static Piece half(Tokens t, int j, int first) {
        String w = t.word(j);
        if (w == null || !("половине".equals(t.word(j + 1)) || "половина".equals(t.word(j + 1)))
                || !"дня".equals(t.word(j + 2))) {
            return null;
        }
        if (w.equals("первой") || w.equals("первая")) {
            return periodPiece(first, j + 2, DayPeriod.BEFORE_LUNCH);
        }
        if (w.equals("второй") || w.equals("вторая")) {
            return periodPiece(first, j + 2, DayPeriod.AFTER_LUNCH);
        }
        return null;
    }

    private static Piece periodPiece(int first, int last, DayPeriod period) {
        Piece p = new Piece(PERIOD, first, last);
        p.period = period;
        return p;
    }

    /**
     * A time or a range of times: «15:00», «в 15», «в 15.30», «к 9», «в 9 утра», «в 3 часа дня», «часов в 5»,
     * «в полдень», «в половине третьего», «полтретьего», «с 10 до 12», «между 10 и 12», «после 18», «до 12».
     */
    private static Piece time(Tokens t, int i, List<Piece> before) {
        String w = t.word(i);
        if (w == null) {
            Clock c = clock(t, i, false);
            return c == null ? null : timePiece(i, c.last, c);
        }
        switch (w) {
            case "в", "во", "к", "ко", "около", "примерно", "ориентировочно" -> {
                int j = i + 1;
                if (t.is(j, "районе") || !w.startsWith("в") && !w.startsWith("к") && (t.is(j, "в") || t.is(j, "к"))) {
                    j++;
                }
                Clock c = named(t, j);
                if (c == null) {
                    c = clock(t, j, true);
                }
                if (c == null) {
                    c = hour(t, j, true);
                }
                return c == null ? null : timePiece(i, c.last, c);
            }
            case "на" -> {
                Clock c = clock(t, i + 1, true);
                if (c == null) {
                    c = hour(t, i + 1, false);
                    // «на 3 часа», «на 10 утра»; but «на 3 дня» is three days
                    boolean marked = c != null && c.last > i + 1 && !(c.last == i + 2 && t.is(c.last, "дня"));
                    boolean afterDay = before != null && !before.isEmpty()
                            && before.get(before.size() - 1).daySlot() && before.get(before.size() - 1).last == i - 1;
                    // «давайте на 17»: an hour from 13 on can only be an hour; «на 10» alone may be anything
                    boolean afternoon = c != null && c.hour >= 13 && c.last == i + 1;
                    if (c != null && !marked && !afterDay && !afternoon) {
                        c = null;
                    }
                }
                return c == null ? null : timePiece(i, c.last, c);
            }
            case "с", "со", "от", "между" -> {
                Clock from = clock(t, i + 1, false);
                if (from == null) {
                    from = hour(t, i + 1, true);
                }
                if (from == null) {
                    return null;
                }
                int k = from.last + 1;
                boolean joint = w.equals("между") ? t.is(k, "и") : t.is(k, "до") || t.is(k, "по") || t.punct(k, "-");
                if (!joint) {
                    if (w.equals("с") || w.equals("со")) {
                        return rangePiece(i, from.last, from, null);
                    }
                    return null;
                }
                Clock to = clock(t, k + 1, false);
                if (to == null) {
                    to = hour(t, k + 1, true);
                }
                return to == null ? null : rangePiece(i, to.last, from, to);
            }
            case "после" -> {
                Clock from = clock(t, i + 1, true);
                if (from == null) {
                    from = hour(t, i + 1, true);
                }
                return from == null ? null : rangePiece(i, from.last, from, null);
            }
            case "до" -> {
                Clock to = clock(t, i + 1, true);
                if (to == null) {
                    to = hour(t, i + 1, true);
                }
                return to == null ? null : rangePiece(i, to.last, null, to);
            }
            case "часов", "часа", "часиков" -> {
                if (t.is(i + 1, "в") || t.is(i + 1, "к") || t.is(i + 1, "около")) {
                    Clock c = hour(t, i + 2, true);
                    return c == null ? null : timePiece(i, c.last, c);
                }
                return null;
            }
            default -> {
                Clock c = named(t, i);
                return c == null ? null : timePiece(i, c.last, c);
            }
        }
    }

    private static Piece timePiece(int first, int last, Clock c) {
        Piece p = new Piece(TIME, first, last);
        p.from = c;
        return p;
    }

    private static Piece rangePiece(int first, int last, Clock from, Clock to) {
        Piece p = new Piece(RANGE, first, last);
        p.from = from;
        p.to = to;
        return p;
    }

    /** «полдень», «половине третьего», «пол третьего», «полтретьего», «четверть третьего». */
    private static Clock named(Tokens t, int j) {
        String w = t.word(j);
        if (w == null) {
            return null;
        }
        if (w.equals("полдень")) {
            return new Clock(12, 0, true, j);
        }
        if (w.equals("половине") || w.equals("половина") || w.equals("пол")) {
            Integer h = DateWords.ORDINALS.get(t.word(j + 1));
            return h == null ? null : withMeridiem(t, new Clock(h == 1 ? 12 : h - 1, 30, false, j + 1), j + 2);
        }
        if (w.equals("четверть")) {
            Integer h = DateWords.ORDINALS.get(t.word(j + 1));
            return h == null ? null : new Clock(h == 1 ? 12 : h - 1, 15, false, j + 1);
        }
        if (w.startsWith("пол") && w.length() > 6) {
            Integer h = DateWords.ORDINALS.get(w.substring(3));
            return h == null ? null : new Clock(h == 1 ? 12 : h - 1, 30, false, j);
        }
        return null;
    }

    /** «15:00», «9:30», and after a preposition also «15.30», «15-30», «15 30». */
    private static Clock clock(Tokens t, int j, boolean dotted) {
        int h = t.num(j);
        if (h < 0 || t.text[j].length() > 2 || h > 23) {
            return null;
        }
        if (dotted && t.isNum(j + 1) && t.spaceBefore[j + 1] && t.text[j + 1].length() == 2 && t.num(j + 1) <= 59
                && !t.punct(j + 2, ".") && !t.punct(j + 2, ":") && !notAnHour(t, j + 2) && !t.isNum(j + 2)) {
            int m = t.num(j + 1);
            if (m % 5 == 0) {
                boolean fixed = h >= 13 || h == 0 || t.text[j].charAt(0) == '0' && t.text[j].length() == 2;
                return withMeridiem(t, new Clock(h, m, fixed, j + 1), j + 2);
            }
        }
        boolean colon = t.punct(j + 1, ":");
        if (!(colon || dotted && (t.punct(j + 1, ".") || t.punct(j + 1, "-"))) || t.spaceBefore[j + 1]
                || !t.isNum(j + 2) || t.spaceBefore[j + 2] || t.text[j + 2].length() != 2) {
            return null;
        }
        int m = t.num(j + 2);
        if (m > 59 || (!colon && (t.punct(j + 3, t.text[j + 1]) && t.isNum(j + 4)))) {
            return null;
        }
        boolean fixed = h >= 13 || h == 0 || t.text[j].length() == 2 && t.text[j].charAt(0) == '0';
        Clock c = new Clock(h, m, fixed, j + 2);
        return withMeridiem(t, c, j + 3);
    }

    /**
     * An hour after a preposition: «15», «3 часа», «11 часов 30 минут», «7 вечера», «пять», «час дня». Counts,
     * prices and sizes («2 раза», «15 000», «5 лет», «10 минут») are not hours.
     */
    private static Clock hour(Tokens t, int j, boolean wordsToo) {
        int h;
        if (t.isNum(j)) {
            if (t.text[j].length() > 2) {
                return null;
            }
            h = t.num(j);
        } else if (wordsToo && t.isWord(j) && DateWords.NUMBER_WORDS.containsKey(t.text[j])) {
            h = DateWords.NUMBER_WORDS.get(t.text[j]);
        } else if (wordsToo && t.is(j, "час") && (t.is(j + 1, "дня") || t.is(j + 1, "ночи"))) {
            h = 1;
        } else {
            return null;
        }
        if (h > 23) {
            return null;
        }
        int k = j + 1;
        if (notAnHour(t, k) || t.isNum(k) && (t.text[k].length() == 3 || notAnHour(t, k + 1)) || t.punct(k, "%")
                || t.punct(k, "₽") || t.punct(k, "$") || t.punct(k, "€")
                || t.punct(k, "-") && isOrdinalEnding(t.word(k + 1))
                || t.punct(k, ".") && t.isNum(k + 1) || t.punct(k, ",") && t.isNum(k + 1) && !t.spaceBefore[k + 1]
                || t.latin(k) || t.isWord(k) && DateWords.MONTHS.containsKey(t.text[k])) {
            return null;
        }
        int m = 0;
        int last = j;
        String w = t.word(k);
        if (w != null && (w.equals("ч") || w.equals("час") || w.equals("часа") || w.equals("часов")
                || w.equals("часам") || w.equals("часиков") || w.equals("часикам"))) {
            last = k;
            if (w.equals("ч") && t.punct(k + 1, ".")) {
                last = ++k;
            }
            k++;
            int mm = t.num(k);
            String unit = t.word(k + 1);
            if (mm >= 0 && mm <= 59 && unit != null && unit.startsWith("мин")) {
                m = mm;
                last = k + 1;
                k += 2;
            }
        }
        return withMeridiem(t, new Clock(h, m, false, last), last + 1);
    }

    /** Applies «утра», «дня», «вечера», «ночи» right after a time. */
    private static Clock withMeridiem(Tokens t, Clock c, int k) {
        String w = t.word(k);
        if (w == null) {
            return c;
        }
        int h = c.hour;
        switch (w) {
            case "утра" -> {
                return new Clock(h == 12 ? 0 : h, c.minute, true, k);
            }
            case "дня" -> {
                return new Clock(h <= 6 ? h + 12 : h, c.minute, true, k);
            }
            case "вечера" -> {
                return new Clock(h < 12 ? h + 12 : h, c.minute, true, k);
            }
            case "ночи" -> {
                return new Clock(h == 12 ? 0 : h >= 9 && h < 12 ? h + 12 : h, c.minute, true, k);
            }
            default -> {
                return c;
            }
        }
    }

    /** Whether the word at k makes the number before it a count, price or size rather than an hour. */
    private static boolean notAnHour(Tokens t, int k) {
        String w = t.word(k);
        if (w == null) {
            return t.punct(k, "%") || t.punct(k, "₽");
        }
        if (DateWords.NOT_HOURS.contains(w)) {
            return true;
        }
        for (String p : DateWords.NOT_HOUR_PREFIXES) {
            if (w.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    // ---- grouping and resolving -------------------------------------------------------------------------------

    private static List<Group> group(Tokens t, List<Piece> pieces) {
        List<Group> groups = new ArrayList<>(pieces.size());
        Group g = null;
        for (Piece p : pieces) {
            if (g == null || !g.takes(p) || apart(t, g.last, p.first)) {
                g = new Group();
                groups.add(g);
            }
            g.add(p);
        }
        return groups;
    }

    /** Whether a sentence end, an «или» or more than six tokens stand between two pieces. */
    private static boolean apart(Tokens t, int last, int first) {
        if (first - last > 7) {
            return true;
        }
        for (int k = last + 1; k < first; k++) {
            if (t.sentenceEnd(k) || t.is(k, "или") || t.is(k, "либо") || t.kind[k] == Tokens.PHONE) {
                return true;
            }
        }
        return false;
    }

    private static Resolved resolve(Tokens t, Group g, Now ctx) {
        int start = t.start[g.first];
        int end = t.end[g.last];
        boolean refused = refused(t, g.first, g.last);
        boolean afterNa = t.is(g.first, "на") || t.is(g.first - 1, "на");
        if (g.offset != null) {
            LocalDateTime at = ctx.at.plus(g.offset.offset).truncatedTo(ChronoUnit.MINUTES);
            return new Resolved(start, end, at, null, null, null, refused, afterNa);
        }
        Piece day = g.day;
        Piece time = g.time;
        DayPeriod period = g.period == null ? null : g.period.period;
        if (time == null && period == null) {
            LocalDateTime from = day.day.atStartOfDay();
            LocalDateTime to = (day.kind == DAY ? day.day.plusDays(1) : day.spanTo).atStartOfDay();
            return new Resolved(start, end, clamp(from, to, ctx.at), to, day.kind == DAY ? day.day : null, null,
                    refused, afterNa);
        }
        // minutes of the day; to is -1 for an instant and may be 1440 (midnight)
        int fromMin;
        int toMin;
        LocalTime named = null;
        if (time == null) {
            fromMin = minutes(period.from);
            toMin = minutes(period.to);
        } else if (time.kind == TIME) {
            named = clockTime(time.from, period, ctx);
            fromMin = minutes(named);
            toMin = -1;
        } else {
            LocalTime a = time.from == null ? null : clockTime(time.from, period, ctx);
            LocalTime b = time.to == null ? null : clockTime(time.to, period, ctx);
            if (a != null && b != null && !b.isAfter(a) && !time.to.fixed && b.getHour() < 12) {
                b = b.plusHours(12);
            }
            if (a == null) {
                fromMin = ctx.open.isBefore(b) ? minutes(ctx.open) : 0;
                toMin = minutes(b);
            } else if (b == null) {
                fromMin = minutes(a);
                toMin = ctx.close.isAfter(a) ? minutes(ctx.close) : 1440;
                named = a;
            } else {
                fromMin = minutes(a);
                toMin = b.isAfter(a) ? minutes(b) : 1440;
                named = a;
            }
        }
        int endMin = toMin < 0 ? fromMin : toMin;
        LocalDate date;
        if (day == null) {
            date = ctx.today;
            if (passed(date, fromMin, toMin, ctx.at)) {
                date = date.plusDays(1);
            }
        } else if (day.kind == DAY) {
            date = day.day;
        } else {
            date = day.day.isBefore(ctx.today) ? ctx.today : day.day;
            while (date.isBefore(day.spanTo) && passed(date, fromMin, toMin, ctx.at)) {
                date = date.plusDays(1);
            }
            if (!date.isBefore(day.spanTo)) {
                date = day.day;
            }
        }
        LocalDateTime from = date.atStartOfDay().plusMinutes(fromMin);
        if (toMin < 0) {
            return new Resolved(start, end, from, null, day == null ? null : date, named, refused, afterNa);
        }
        LocalDateTime to = date.atStartOfDay().plusMinutes(endMin);
        return new Resolved(start, end, clamp(from, to, ctx.at), to, day == null ? null : date, named, refused,
                afterNa);
    }

    /** Whether that time on that day is over: an instant before now, an interval ended by now. */
    private static boolean passed(LocalDate date, int fromMin, int toMin, LocalDateTime now) {
        LocalDateTime at = date.atStartOfDay().plusMinutes(toMin < 0 ? fromMin : toMin);
        return toMin < 0 ? at.isBefore(now) : !at.isAfter(now);
    }

    private static LocalDateTime clamp(LocalDateTime from, LocalDateTime to, LocalDateTime now) {
        return from.isBefore(now) && now.isBefore(to) ? now.truncatedTo(ChronoUnit.MINUTES) : from;
    }

    private static int minutes(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }

    /**
     * The clock time meant: a part of the day named with it decides between the morning and the afternoon hour;
     * otherwise an hour before opening is the afternoon one. Hours written as 24-hour or with «утра», «вечера»
     * are kept.
     */
    private static LocalTime clockTime(Clock c, DayPeriod period, Now ctx) {
        int h = c.hour;
        if (!c.fixed && h < 12) {
            if (period != null) {
                if (!period.holds(h) && period.holds(h + 12)) {
                    h += 12;
                }
            } else if (LocalTime.of(h, c.minute).isBefore(ctx.open)) {
                h += 12;
            }
        }
        return LocalTime.of(h, c.minute);
    }

    /** «не могу в четверг», «в четверг не получится», «кроме пятницы». */
    private static boolean refused(Tokens t, int first, int last) {
        for (int k = first - 1; k >= Math.max(0, first - 2); k--) {
            if (t.is(k, "не") || t.is(k, "кроме") || t.is(k, "нельзя")) {
                return true;
            }
            if (t.kind[k] == Tokens.PUNCT) {
                break;
            }
        }
        for (int k = last + 1; k <= last + 3 && k < t.size; k++) {
            if (t.is(k, "не") && t.isWord(k + 1) && DateWords.REFUSALS.contains(t.text[k + 1])) {
                return true;
            }
            if (t.sentenceEnd(k)) {
                break;
            }
        }
        return false;
    }

    /**
     * The expression for the summary: the first one not refused and not past, one after «на» first; a day named
     * alone and a time named alone elsewhere in the message are put together («Можно завтра? Часов в 5»).
     */
    private static Resolved summary(Tokens t, List<Group> groups, List<Resolved> all, Now ctx) {
        int chosen = -1;
        int rank = Integer.MAX_VALUE;
        for (int k = 0; k < all.size(); k++) {
            Resolved r = all.get(k);
            int score = (r.refused() ? 4 : 0) + (r.pastAt(ctx.at) ? 2 : 0) + (r.afterNa() ? 0 : 1);
            if (score < rank) {
                rank = score;
                chosen = k;
            }
        }
        Group g = groups.get(chosen);
        Resolved r = all.get(chosen);
        if (g.offset != null || (g.hasDay() && g.hasTime())) {
            return r;
        }
        for (int k = 0; k < groups.size(); k++) {
            Group other = groups.get(k);
            if (k == chosen || all.get(k).refused() || other.offset != null) {
                continue;
            }
            if (!g.hasDay() && other.hasDay() && !other.hasTime() || !g.hasTime() && other.hasTime() && !other.hasDay()) {
                Group merged = new Group();
                for (Piece p : new Piece[] {g.day, g.time, g.period, other.day, other.time, other.period}) {
                    if (p != null) {
                        merged.add(p);
                    }
                }
                Resolved m = resolve(t, merged, ctx);
                return new Resolved(r.start(), r.end(), m.from(), m.to(), m.date(), m.time(), r.refused(),
                        r.afterNa());
            }
        }
        return r;
    }
}
