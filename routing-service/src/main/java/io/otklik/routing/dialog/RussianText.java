package io.otklik.routing.dialog;

import io.otklik.events.data.Channel;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** How the bot writes dates, times, prices, lists and channel names in Russian ("26.11 (чт) в 15:00", "1500 ₽"). */
public final class RussianText {

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd.MM");
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    private static final Map<DayOfWeek, String> WEEKDAYS = Map.of(
            DayOfWeek.MONDAY, "пн", DayOfWeek.TUESDAY, "вт", DayOfWeek.WEDNESDAY, "ср", DayOfWeek.THURSDAY, "чт",
            DayOfWeek.FRIDAY, "пт", DayOfWeek.SATURDAY, "сб", DayOfWeek.SUNDAY, "вс");

    private RussianText() {
    }

    /** "26.11". */
    public static String date(LocalDate date) {
        return DAY_MONTH.format(date);
    }

    /** "26.11 (чт)". */
    public static String dateWithWeekday(LocalDate date) {
        return date(date) + " (" + WEEKDAYS.get(date.getDayOfWeek()) + ")";
    }

    /** "15:00". */
    public static String time(LocalTime time) {
        return HOUR_MINUTE.format(time);
    }

    /** "1500 ₽". */
    public static String price(int rubles) {
        return rubles + " ₽";
    }

    /** "a", "a или b", "a, b или c". */
    public static String orList(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " или " + items.get(items.size() - 1);
    }

    /** The channel as a manager knows it. */
    public static String channel(Channel channel) {
        if (channel == null) {
            return "неизвестный канал";
        }
        return switch (channel) {
            case WHATSAPP -> "WhatsApp";
            case TELEGRAM -> "Telegram";
            case INSTAGRAM -> "Instagram";
            case WEB_FORM -> "веб-форма";
        };
    }

    /** The word for the person who serves the client, by the tenant's segment: singular and genitive plural. */
    public static String specialist(String segment) {
        return switch (segment == null ? "" : segment) {
            case "salon" -> "мастер";
            case "clinic" -> "врач";
            case "fitness" -> "тренер";
            default -> "специалист";
        };
    }

    /** "мастеров", "врачей", "тренеров", "специалистов". */
    public static String specialistsGenitive(String segment) {
        return switch (segment == null ? "" : segment) {
            case "salon" -> "мастеров";
            case "clinic" -> "врачей";
            case "fitness" -> "тренеров";
            default -> "специалистов";
        };
    }

    /** "мастера", "врача", "тренера", "специалиста": «у мастера Анна». */
    public static String specialistGenitive(String segment) {
        return switch (segment == null ? "" : segment) {
            case "salon" -> "мастера";
            case "clinic" -> "врача";
            case "fitness" -> "тренера";
            default -> "специалиста";
        };
    }
}
