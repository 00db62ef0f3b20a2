package io.otklik.nlu.entities;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The Russian words {@link DateTimeParser} reads: days, weekdays, months, number words, the prepositions and
 * modifiers around them, the units that make a number a count rather than an hour, and the correction of misspelt
 * date words. Lower case with "е" for "ё", as {@link Tokens} gives words. Read-only after class initialisation.
 */
final class DateWords {

    static final Map<String, Integer> RELATIVE_DAYS = new HashMap<>();
    static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();
    static final Map<String, DayOfWeek> WEEKDAY_ABBREVIATIONS = new HashMap<>();
    static final Map<String, Integer> MONTHS = new HashMap<>();
    static final Map<String, Integer> MONTHS_IN = new HashMap<>();
    static final Map<String, Integer> NUMBER_WORDS = new HashMap<>();
    static final Map<String, Integer> ORDINALS = new HashMap<>();
    static final Set<String> THIS = Set.of("эту", "этот", "эта", "этой", "эти", "этих", "это", "ближайшую",
            "ближайший", "ближайшее", "ближайшие", "ближайших", "ближайшей", "текущей", "текущую");
    static final Set<String> NEXT = Set.of("следующую", "следующий", "следующее", "следующей", "следующие",
            "следующих", "след", "будущую", "будущий", "будущей", "будущие", "будущих", "следущую", "следущей",
            "следующем", "будущем");
    static final Set<String> DAY_PREPOSITIONS = Set.of("в", "во", "на", "к", "ко", "до", "с", "со", "по");
    static final Set<String> TIME_PREPOSITIONS = Set.of("в", "во", "к", "ко", "около", "примерно",
            "ориентировочно", "после", "до", "с", "со");
    static final Set<String> WEEKEND = Set.of("выходные", "выходных", "выходным", "выходными", "выходной");
    /** Words after a number that make it a count, a price or a size rather than an hour. */
    static final Set<String> NOT_HOURS = Set.of("раз", "раза", "разу", "мин", "чел", "р", "руб", "тыс", "т",
            "к", "шт", "кг", "см", "мм", "мл", "гр", "г", "год", "года", "году", "лет", "числа", "число", "зуб", "зуба",
            "зубов", "серии", "серия", "день", "дней", "сутки", "суток", "гостей", "детей", "ребенка", "взрослых",
            "штуки", "штук", "литра", "литров", "км", "метров", "размер", "размере", "баллов", "лс", "кв", "мес");
    static final String[] NOT_HOUR_PREFIXES = {"минут", "человек", "персон", "недел", "месяц", "рубл",
            "процент", "класс", "этаж", "кабинет", "сеанс", "процедур", "градус", "тысяч", "занят", "посещен",
            "килом", "пальц", "ногт", "квартир", "дом", "мест", "вариант", "экземпляр", "сло", "цвет", "тон", "прием",
            "этап", "ряд", "рук", "смен", "заход", "подход", "дет", "ребен", "подруг", "друз", "гост", "взросл",
            "звезд", "пар", "раз", "штук", "шт", "упаков", "бутыл", "банк", "флакон", "мл", "литр", "грамм"};
    /** Words before a dotted number that make it a model or a version, not a date. */
    static final Set<String> MODEL_WORDS = Set.of("модель", "версия", "версии", "артикул", "арт", "номер",
            "размер", "серия", "iphone", "айфон", "галакси", "samsung", "xiaomi", "ios", "android");
    /** Verbs after «не» that refuse the day just named («в четверг не могу»). */
    static final Set<String> REFUSALS = Set.of("могу", "смогу", "получится", "получиться", "подходит",
            "подойдет", "удобно", "устраивает", "сможем", "успеваю", "успею", "выйдет", "выходит", "буду");
    /** Real words close to a date word that must never be corrected into one. */
    static final Set<String> NOT_TYPOS = Set.of("завтрак", "четверть", "четверти", "четверка", "вечерок",
            "вечеров", "сегодняшн", "пятничный", "субботний", "неделька", "вторая", "вторую");

    private static final Set<String> KNOWN = new HashSet<>();
    private static final Map<Character, List<String>> TYPO_TARGETS = new HashMap<>();
    private static final LevenshteinDistance WITHIN_ONE = new LevenshteinDistance(1);
    private static final LevenshteinDistance WITHIN_TWO = new LevenshteinDistance(2);

    static {
        put(RELATIVE_DAYS, 0, "сегодня", "седня", "сегодняшний", "сегодняшнее", "сегодняшнюю");
        put(RELATIVE_DAYS, 1, "завтра", "завтро", "завтрашний", "завтрашнее", "завтрашнюю", "завтрашней");
        put(RELATIVE_DAYS, 2, "послезавтра", "послезавтро");
        put(RELATIVE_DAYS, 3, "послепослезавтра");
        put(RELATIVE_DAYS, -1, "вчера");
        put(RELATIVE_DAYS, -2, "позавчера");
        put(WEEKDAYS, DayOfWeek.MONDAY, "понедельник", "понедельника", "понедельнику", "понедельнике");
        put(WEEKDAYS, DayOfWeek.TUESDAY, "вторник", "вторника", "вторнику", "вторнике");
        put(WEEKDAYS, DayOfWeek.WEDNESDAY, "среда", "среду", "среды", "среде");
        put(WEEKDAYS, DayOfWeek.THURSDAY, "четверг", "четверга", "четвергу", "четверге");
        put(WEEKDAYS, DayOfWeek.FRIDAY, "пятница", "пятницу", "пятницы", "пятнице");
        put(WEEKDAYS, DayOfWeek.SATURDAY, "суббота", "субботу", "субботы", "субботе");
        put(WEEKDAYS, DayOfWeek.SUNDAY, "воскресенье", "воскресенья", "воскресенью", "воскресение");
        put(WEEKDAY_ABBREVIATIONS, DayOfWeek.MONDAY, "пн", "пнд", "пон", "понед");
        put(WEEKDAY_ABBREVIATIONS, DayOfWeek.TUESDAY, "вт", "втр", "втор");
        put(WEEKDAY_ABBREVIATIONS, DayOfWeek.WEDNESDAY, "ср", "срд");
        put(WEEKDAY_ABBREVIATIONS, DayOfWeek.THURSDAY, "чт", "чтв", "четв");
        put(WEEKDAY_ABBREVIATIONS, DayOfWeek.FRIDAY, "пт", "птн", "пятн");
        put(WEEKDAY_ABBREVIATIONS, DayOfWeek.SATURDAY, "сб", "суб", "субб");
        put(WEEKDAY_ABBREVIATIONS, DayOfWeek.SUNDAY, "вс", "вск", "воскр");
        String[][] months = {
                {"января", "январь", "янв"}, {"февраля", "февраль", "фев", "февр"}, {"марта", "март", "мар"},
                {"апреля", "апрель", "апр"}, {"мая", "май"}, {"июня", "июнь", "июн"}, {"июля", "июль", "июл"},
                {"августа", "август", "авг"}, {"сентября", "сентябрь", "сен", "сент"}, {"октября", "октябрь", "окт"},
                {"ноября", "ноябрь", "ноя", "нояб"}, {"декабря", "декабрь", "дек"}};
        String[] monthsIn = {"январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре",
                "октябре", "ноябре", "декабре"};
        for (int m = 0; m < 12; m++) {
            put(MONTHS, m + 1, months[m]);
            MONTHS_IN.put(monthsIn[m], m + 1);
        }
        String[] numbers = {"два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять",
                "одиннадцать", "двенадцать"};
        for (int n = 0; n < numbers.length; n++) {
            NUMBER_WORDS.put(numbers[n], n + 2);
        }
        NUMBER_WORDS.put("две", 2);
        String[] ordinals = {"первого", "второго", "третьего", "четвертого", "пятого", "шестого", "седьмого",
                "восьмого", "девятого", "десятого", "одиннадцатого", "двенадцатого"};
        for (int n = 0; n < ordinals.length; n++) {
            ORDINALS.put(ordinals[n], n + 1);
        }
        KNOWN.addAll(RELATIVE_DAYS.keySet());
        KNOWN.addAll(WEEKDAYS.keySet());
        KNOWN.addAll(MONTHS.keySet());
        KNOWN.addAll(MONTHS_IN.keySet());
        KNOWN.addAll(ORDINALS.keySet());
        KNOWN.addAll(NUMBER_WORDS.keySet());
        KNOWN.addAll(THIS);
        KNOWN.addAll(NEXT);
        KNOWN.addAll(WEEKEND);
        KNOWN.addAll(NOT_TYPOS);
        KNOWN.addAll(List.of("вечером", "вечерком", "утречком", "неделе", "неделю", "недели", "неделя", "недель",
                "половине", "половина", "полдень", "полчаса", "полтора", "после", "обеда", "завтраки", "завтрака",
                "завтраку", "вечера", "вечеру", "вечер", "вторые", "пятницам", "субботам", "воскресеньям"));
        for (String target : List.of("сегодня", "завтра", "послезавтра", "понедельник", "понедельника", "вторник",
                "вторника", "четверг", "четверга", "пятницу", "пятница", "пятницы", "субботу", "суббота", "субботы",
                "воскресенье", "воскресенья", "вечером", "выходных", "выходные", "следующей", "следующую", "неделе",
                "половине", "полдень", "января", "февраля", "апреля", "августа", "сентября", "октября", "ноября",
                "декабря")) {
            TYPO_TARGETS.computeIfAbsent(target.charAt(0), c -> new ArrayList<>()).add(target);
        }
    }

    @SafeVarargs
    private static <V> void put(Map<String, V> map, V value, String... words) {
        for (String w : words) {
            map.put(w, value);
        }
    }

    /**
     * Puts right the date words a client misspelt («зафтра», «суботу», «вечиром»), in place: a word of six or more
     * letters that is not known, within one edit (two from ten letters) of a date word starting with the same
     * letter (the nearest one). Offsets are kept; other readers of the tokens are not disturbed by it.
     */
    static void correctTypos(Tokens t) {
        for (int i = 0; i < t.size; i++) {
            if (t.kind[i] != Tokens.WORD) {
                continue;
            }
            String w = t.text[i];
            if (w.length() < 6 || KNOWN.contains(w)) {
                continue;
            }
            List<String> targets = TYPO_TARGETS.get(w.charAt(0));
            if (targets == null) {
                continue;
            }
            LevenshteinDistance lev = w.length() >= 10 ? WITHIN_TWO : WITHIN_ONE;
            int limit = w.length() >= 10 ? 2 : 1;
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String target : targets) {
                if (Math.abs(target.length() - w.length()) > limit) {
                    continue;
                }
                int d = lev.apply(w, target);
                if (d >= 0 && d < bestDistance) {
                    best = target;
                    bestDistance = d;
                }
            }
            if (best != null && !startsWithAny(w, NOT_TYPOS)) {
                t.text[i] = best;
            }
        }
    }

    private static boolean startsWithAny(String w, Set<String> prefixes) {
        for (String p : prefixes) {
            if (w.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private DateWords() {
    }
}
