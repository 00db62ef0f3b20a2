package io.otklik.nlu.classifier;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.otklik.events.data.Entities;
import io.otklik.platform.tenant.Tenant;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the service, day, time, phone and name in a Russian message. Pure: the tenant's catalogue and "now" (in the
 * tenant's zone) come in, so "завтра" and "в субботу" resolve to the tenant's calendar. Any classifier can reuse it.
 */
public final class EntityExtractor {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private static final Pattern RELATIVE_DAY = Texts.rx("\\b(сегодня|завтра|послезавтра)\\b");
    private static final Map<String, DayOfWeek> WEEKDAY_STEMS = Map.ofEntries(
            Map.entry("понедельник", DayOfWeek.MONDAY), Map.entry("пн", DayOfWeek.MONDAY),
            Map.entry("вторник", DayOfWeek.TUESDAY), Map.entry("вт", DayOfWeek.TUESDAY),
            Map.entry("сред", DayOfWeek.WEDNESDAY), Map.entry("ср", DayOfWeek.WEDNESDAY),
            Map.entry("четверг", DayOfWeek.THURSDAY), Map.entry("чт", DayOfWeek.THURSDAY),
            Map.entry("пятниц", DayOfWeek.FRIDAY), Map.entry("пт", DayOfWeek.FRIDAY),
            Map.entry("суббот", DayOfWeek.SATURDAY), Map.entry("сб", DayOfWeek.SATURDAY),
            Map.entry("воскресень", DayOfWeek.SUNDAY), Map.entry("вс", DayOfWeek.SUNDAY));
    /** Full weekday names in the cases a client uses ("в среду", "на пятницу", "в воскресенье"). */
    private static final Pattern WEEKDAY = Texts.rx(
            "\\b(понедельник|вторник|сред)(?:у|а)?\\b|\\b(четверг|пятниц|суббот)(?:у|а|ы)?\\b|\\b(воскресень)[еяю]\\b");
    /** Two-letter abbreviations only after a preposition: alone, "вс" or "ср" are too likely something else. */
    private static final Pattern WEEKDAY_SHORT = Texts.rx("\\b(?:в|во|на)\\s+(пн|вт|ср|чт|пт|сб|вс)\\b");
    private static final Pattern DAY_MONTH_NAME = Texts.rx("\\b(\\d{1,2})(?:-?го)?\\s+"
            + "(янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)\\p{L}*\\.?(?:\\s+(\\d{4}))?");
    private static final List<String> MONTH_STEMS = List.of("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг",
            "сен", "окт", "ноя", "дек");
    private static final Pattern DAY_MONTH_NUMERIC = Texts.rx(
            "(?<![\\d.:])(\\d{1,2})\\.(\\d{1,2})(?:\\.(\\d{4}|\\d{2}))?(?![\\d:]|\\.\\d)");
    /** "в 15.30" is a time, not the 15th of month 30: a dotted pair right after these is left to the time rules. */
    private static final Pattern TIME_PREPOSITION_BEFORE = Texts.rx("(?:^|\\s)(в|к|с|до|после|около)\\s*$");

    private static final Pattern CLOCK = Texts.rx("(?<![\\d.:])([01]?\\d|2[0-3]):([0-5]\\d)(?!\\d)");
    private static final Pattern DOTTED_CLOCK = Texts.rx(
            "\\b(?:в|к|с|до|после|около)\\s+([01]?\\d|2[0-3])\\.([0-5]\\d)(?!\\d|\\.\\d)");
    /** "к 10", "в 10 утра", "в 3 часа дня", "в 7 вечера"; not "в 2 раза", "к 5 ноября", "в 10 минутах". */
    private static final Pattern HOUR = Texts.rx("\\b(?:в|во|к|около|после)\\s+(\\d{1,2})(?![\\d.:,]\\d|\\d)"
            + "(?!\\s*(?:раз|минут|мин\\b|человек|чел\\b|год|лет|недел|месяц|руб|р\\b|тыс|%|числ|класс|этаж|кабинет"
            + "|зуб|янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек))"
            + "(?:\\s*(час\\p{L}*|ч\\b\\.?))?(?:\\s+(утра|дня|вечера|ночи))?");
    private static final Pattern NOON = Texts.rx("\\bв полдень\\b");

    private static final Pattern NAME_INTRODUCED = Pattern.compile(
            "(?iu:меня зовут)\\s+(\\p{L}[\\p{L}-]*)(?:\\s+(\\p{Lu}\\p{Ll}+))?");
    private static final Pattern NAME_THIS_IS = Pattern.compile(
            "^\\s*(?:(?iu:здравствуйте|добрый день|добрый вечер|доброе утро|привет)[!,.]*\\s+)?(?iu:это)\\s+"
                    + "(\\p{Lu}\\p{Ll}+)(?:\\s+(\\p{Lu}\\p{Ll}+))?");
    private static final Pattern NAME_I_AM = Pattern.compile("(?<!\\p{L})[Яя]\\s+(\\p{Lu}\\p{Ll}+)(?!\\p{L})");
    /** Capitalised words after "я" or "это" that are not names (sentence-initial capitals, pronouns). */
    private static final Set<String> NOT_NAMES = Set.of("Я", "Вы", "Вас", "Вам", "Мы", "Не", "Бы", "Хочу", "Хотела",
            "Хотел", "Уже", "Тоже", "Очень", "Снова", "Опять", "Только", "Просто", "Сегодня", "Завтра", "Ваш", "Ваша",
            "Наш", "Наша", "Мой", "Моя", "Клиент", "Клиентка", "Администратор", "Срочно", "Запись");

    /** The entities of the message; every field may be null. */
    public Entities extract(String text, Tenant tenant, ZonedDateTime now) {
        String original = text == null ? "" : text;
        StringBuilder withoutPhones = new StringBuilder(original);
        String phone = null;
        // Remove numbers before looking for days and times, so "123-45-67" is never read as a date or an hour.
        List<PhoneNumberMatch> matches = new ArrayList<>();
        PHONES.findNumbers(original, "RU").forEach(matches::add);
        for (int i = matches.size() - 1; i >= 0; i--) {
            PhoneNumberMatch m = matches.get(i);
            withoutPhones.replace(m.start(), m.end(), " ");
        }
        if (!matches.isEmpty()) {
            phone = PHONES.format(matches.get(0).number(), PhoneNumberUtil.PhoneNumberFormat.E164);
        }
        String rest = withoutPhones.toString();
        String normalized = Texts.normalize(rest);
        return new Entities(service(normalized, tenant), date(normalized, now.toLocalDate()),
                time(normalized, tenant), phone, name(rest));
    }

    /** The catalogue item named earliest in the text, by its keyword stems (or its name when it has none). */
    static String service(String normalized, Tenant tenant) {
        String best = null;
        int bestAt = Integer.MAX_VALUE;
        for (Tenant.Service service : tenant.services()) {
            List<String> stems = service.keywords().isEmpty() && service.name() != null
                    ? List.of(service.name()) : service.keywords();
            for (String stem : stems) {
                String s = Texts.normalize(stem);
                if (s.isEmpty()) {
                    continue;
                }
                Matcher m = Texts.rx("(?<!\\p{L})" + Pattern.quote(s)).matcher(normalized);
                if (m.find() && m.start() < bestAt) {
                    bestAt = m.start();
                    best = service.code();
                }
            }
        }
        return best;
    }

    /** A mention of a day at a position in the text. */
    private record DayMention(int at, LocalDate date) {
    }

    /**
     * The day asked for. When several are named ("не смогу в четверг, давайте на субботу"), the one after "на" is
     * the day wanted; otherwise the first.
     */
    static LocalDate date(String normalized, LocalDate today) {
        List<DayMention> days = new ArrayList<>();
        Matcher m = RELATIVE_DAY.matcher(normalized);
        while (m.find()) {
            int plus = switch (m.group(1)) {
                case "сегодня" -> 0;
                case "завтра" -> 1;
                default -> 2;
            };
            days.add(new DayMention(m.start(), today.plusDays(plus)));
        }
        m = WEEKDAY.matcher(normalized);
        while (m.find()) {
            String stem = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            days.add(new DayMention(m.start(), next(today, WEEKDAY_STEMS.get(stem))));
        }
        m = WEEKDAY_SHORT.matcher(normalized);
        while (m.find()) {
            days.add(new DayMention(m.start(1), next(today, WEEKDAY_STEMS.get(m.group(1)))));
        }
        m = DAY_MONTH_NAME.matcher(normalized);
        while (m.find()) {
            int month = monthOf(m.group(2));
            LocalDate d = dayOf(today, Integer.parseInt(m.group(1)), month, m.group(3));
            if (d != null) {
                days.add(new DayMention(m.start(), d));
            }
        }
        m = DAY_MONTH_NUMERIC.matcher(normalized);
        while (m.find()) {
            boolean afterTimePreposition = TIME_PREPOSITION_BEFORE.matcher(normalized.substring(0, m.start())).find();
            if (afterTimePreposition && m.group(3) == null) {
                continue;
            }
            LocalDate d = dayOf(today, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3));
            if (d != null) {
                days.add(new DayMention(m.start(), d));
            }
        }
        if (days.isEmpty()) {
            return null;
        }
        days.sort((a, b) -> Integer.compare(a.at(), b.at()));
        for (DayMention day : days) {
            if (normalized.substring(0, day.at()).matches("(?s).*\\bна\\s*$")) {
                return day.date();
            }
        }
        return days.get(0).date();
    }

    /** The next such weekday, today excluded ("в субботу" said on a Saturday means the one a week later). */
    static LocalDate next(LocalDate today, DayOfWeek day) {
        int ahead = (day.getValue() - today.getDayOfWeek().getValue() + 7) % 7;
        return today.plusDays(ahead == 0 ? 7 : ahead);
    }

    private static int monthOf(String stem) {
        return stem.equals("май") || stem.equals("мая") ? 5 : MONTH_STEMS.indexOf(stem) + 1;
    }

    /** The day of that month; without a year, this year's unless it has passed, then next year's. */
    private static LocalDate dayOf(LocalDate today, int day, int month, String year) {
        try {
            if (year != null) {
                int y = Integer.parseInt(year);
                return LocalDate.of(y < 100 ? 2000 + y : y, month, day);
            }
            LocalDate d = LocalDate.of(today.getYear(), month, day);
            return d.isBefore(today) ? d.plusYears(1) : d;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The time of day asked for: the first one named. */
    static LocalTime time(String normalized, Tenant tenant) {
        LocalTime found = null;
        int foundAt = Integer.MAX_VALUE;
        Matcher m = CLOCK.matcher(normalized);
        if (m.find()) {
            found = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            foundAt = m.start();
        }
        m = DOTTED_CLOCK.matcher(normalized);
        if (m.find() && m.start() < foundAt) {
            found = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            foundAt = m.start();
        }
        m = HOUR.matcher(normalized);
        while (m.find()) {
            if (m.start() >= foundAt) {
                break;
            }
            Integer hour = hour(Integer.parseInt(m.group(1)), m.group(3), tenant);
            if (hour != null) {
                found = LocalTime.of(hour, 0);
                foundAt = m.start();
                break;
            }
        }
        m = NOON.matcher(normalized);
        if (m.find() && m.start() < foundAt) {
            found = LocalTime.NOON;
        }
        return found;
    }

    /**
     * "в 3 часа дня" is 15, "в 7 вечера" 19, "в 2 ночи" 2. Without a part of the day an hour before opening is
     * read as the afternoon one ("в 7" at a salon opening at 9 means 19:00), since nobody books before opening.
     */
    private static Integer hour(int h, String partOfDay, Tenant tenant) {
        if (h > 23) {
            return null;
        }
        if (partOfDay == null) {
            int opens = tenant.hours().open().getHour();
            return h < 12 && h < opens ? h + 12 : h;
        }
        return switch (partOfDay) {
            case "утра" -> h == 12 ? 0 : h;
            case "дня", "вечера" -> h < 12 ? h + 12 : h;
            default -> h == 12 ? 0 : h; // ночи
        };
    }

    /** The name the client introduced themselves with ("меня зовут Анна", "Это Марина, ...", "я Ольга"). */
    static String name(String text) {
        Matcher m = NAME_INTRODUCED.matcher(text);
        if (m.find()) {
            String first = capitalise(m.group(1));
            return m.group(2) == null ? first : first + " " + m.group(2);
        }
        m = NAME_THIS_IS.matcher(text);
        if (m.find() && !NOT_NAMES.contains(m.group(1))) {
            return m.group(2) == null || NOT_NAMES.contains(m.group(2)) ? m.group(1) : m.group(1) + " " + m.group(2);
        }
        m = NAME_I_AM.matcher(text);
        while (m.find()) {
            if (!NOT_NAMES.contains(m.group(1))) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String capitalise(String word) {
        return word.substring(0, 1).toUpperCase(java.util.Locale.forLanguageTag("ru"))
                + word.substring(1).toLowerCase(java.util.Locale.forLanguageTag("ru"));
    }
}
