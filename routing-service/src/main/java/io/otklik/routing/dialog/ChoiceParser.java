package io.otklik.routing.dialog;

import io.otklik.events.data.Entities;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a client's answer to an offer of slots: "1", "второй", "давайте в 16:00", "в 16", "а завтра?", "а
 * попозже?", "пораньше". Pure: the text, what nlu-service extracted and the offered slots in, a {@link Choice} out.
 * nlu's day and time win over the parser's own reading of a time; ordinals and "later/earlier" are the parser's.
 */
public final class ChoiceParser {

    /** What the client chose. */
    public enum Kind {
        /** one of the offered slots: {@link Choice#slot()} */
        PICK,
        /** a time (and day) that was not offered: {@link Choice#day()} and {@link Choice#time()} */
        TIME,
        /** the same time on another day ("а завтра?"): {@link Choice#day()} */
        DAY,
        /** later than the offered slots */
        LATER,
        /** earlier than the offered slots */
        EARLIER,
        /** not an answer to the offer */
        NONE
    }

    /** The client's choice; the fields its kind needs are set, the others null. */
    public record Choice(Kind kind, LocalDateTime slot, LocalDate day, LocalTime time) {

        public static final Choice NONE = new Choice(Kind.NONE, null, null, null);

        static Choice pick(LocalDateTime slot) {
            return new Choice(Kind.PICK, slot, slot.toLocalDate(), slot.toLocalTime());
        }
    }

    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("первый", 0), Map.entry("первое", 0), Map.entry("первую", 0), Map.entry("первая", 0),
            Map.entry("первого", 0), Map.entry("1-й", 0), Map.entry("1-е", 0),
            Map.entry("второй", 1), Map.entry("второе", 1), Map.entry("вторую", 1), Map.entry("вторая", 1),
            Map.entry("второго", 1), Map.entry("2-й", 1), Map.entry("2-е", 1),
            Map.entry("третий", 2), Map.entry("третье", 2), Map.entry("третью", 2), Map.entry("третья", 2),
            Map.entry("третьего", 2), Map.entry("3-й", 2), Map.entry("3-е", 2),
            Map.entry("последний", -1), Map.entry("последнее", -1), Map.entry("последнюю", -1));
    /** Words around a bare number that keep it an ordinal: "давайте 2", "вариант 1", "номер три". */
    private static final Set<String> FILLERS = Set.of("давайте", "давай", "вариант", "варианта", "номер", "можно",
            "лучше", "ок", "окей", "хорошо", "тогда", "пожалуйста", "наверное", "мне", "я", "выбираю", "беру", "подходит",
            "подойдет", "устроит", "удобно", "да", "ну", "пусть", "будет", "вот", "этот", "это");
    private static final Map<String, Integer> NUMBER_WORDS = Map.of("один", 0, "одна", 0, "два", 1, "две", 1,
            "три", 2);
    private static final Set<String> LATER = Set.of("попозже", "позже", "попозднее", "позднее", "рано");
    private static final Set<String> EARLIER = Set.of("пораньше", "раньше", "поздно");
    /** "16:00", "16.30", "в 16", "на 17", "к 9": a time the parser reads itself when nlu found none. */
    private static final Pattern CLOCK = Pattern.compile("(?:^|\\s)(\\d{1,2})[:.](\\d{2})(?=\\s|$)");
    private static final Pattern HOUR = Pattern.compile("(?:^|\\s)(в|на|к)\\s+(\\d{1,2})(?=\\s|$)");
    private static final Pattern TOKEN_SPLIT = Pattern.compile("[^\\p{L}\\p{N}:.\\-]+");

    private ChoiceParser() {
    }

    /**
     * @param text     the client's message (may be null)
     * @param entities what nlu-service found in it
     * @param offered  the slots the bot offered last, in the order it named them
     */
    public static Choice parse(String text, Entities entities, List<LocalDateTime> offered) {
        Entities e = entities == null ? Entities.none() : entities;
        String norm = normalise(text);
        List<String> tokens = Arrays.stream(TOKEN_SPLIT.split(norm)).map(ChoiceParser::trimDots)
                .filter(t -> !t.isEmpty()).toList();

        LocalTime time = e.time() != null ? e.time() : clock(norm);
        if (time != null) {
            LocalDate day = e.date();
            for (LocalDateTime slot : offered) {
                if (slot.toLocalTime().equals(time) && (day == null || slot.toLocalDate().equals(day))) {
                    return Choice.pick(slot);
                }
            }
            LocalDate on = day != null ? day : offered.isEmpty() ? null : offered.get(0).toLocalDate();
            return on == null ? Choice.NONE : new Choice(Kind.TIME, null, on, time);
        }
        if (e.date() != null) {
            return new Choice(Kind.DAY, null, e.date(), null);
        }
        Integer index = ordinal(tokens);
        if (index != null && !offered.isEmpty()) {
            int i = index < 0 ? offered.size() - 1 : index;
            if (i < offered.size()) {
                return Choice.pick(offered.get(i));
            }
        }
        for (String t : tokens) {
            if (LATER.contains(t)) {
                return new Choice(Kind.LATER, null, null, null);
            }
            if (EARLIER.contains(t)) {
                return new Choice(Kind.EARLIER, null, null, null);
            }
        }
        return Choice.NONE;
    }

    /** An ordinal word anywhere, or a bare number (1–3, in digits or words) with only fillers around it. */
    static Integer ordinal(List<String> tokens) {
        for (String t : tokens) {
            Integer o = ORDINALS.get(t);
            if (o != null) {
                return o;
            }
        }
        List<String> rest = tokens.stream().filter(t -> !FILLERS.contains(t)).toList();
        if (rest.size() == 1) {
            String t = rest.get(0);
            if (t.matches("[1-3]")) {
                return Integer.parseInt(t) - 1;
            }
            return NUMBER_WORDS.get(t);
        }
        return null;
    }

    static LocalTime clock(String norm) {
        Matcher m = CLOCK.matcher(norm);
        if (m.find()) {
            int h = Integer.parseInt(m.group(1));
            int min = Integer.parseInt(m.group(2));
            return h < 24 && min < 60 ? LocalTime.of(h, min) : null;
        }
        Matcher hour = HOUR.matcher(norm);
        while (hour.find()) {
            int h = Integer.parseInt(hour.group(2));
            // as nlu-service reads it: "на" and a bare number is a time only from 13 ("на 2 человека" is not)
            if (h >= 1 && h < 24 && (!"на".equals(hour.group(1)) || h >= 13)) {
                // a small hour is an afternoon one ("в 5" → 17:00): nobody books at five in the morning
                return LocalTime.of(h < 8 ? h + 12 : h, 0);
            }
        }
        return null;
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return text.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[!?,;«»\"()]", " ").strip();
    }

    private static String trimDots(String token) {
        String t = token;
        while (t.endsWith(".") || t.endsWith("-")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }
}
