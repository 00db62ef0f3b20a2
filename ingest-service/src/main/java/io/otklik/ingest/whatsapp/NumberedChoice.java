package io.otklik.ingest.whatsapp;

import io.otklik.events.data.Button;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a client's typed answer to a numbered list of options ("2", "2.", "№2", "второй") and finds the option.
 * Only a message that is nothing but the number counts: "2 человека" stays text.
 */
public final class NumberedChoice {

    private static final Pattern NUMBER = Pattern.compile("^(?:№|#|номер|вариант)?\\s*(\\d{1,2})\\s*[.)!]*$");
    private static final Pattern ORDINAL = Pattern.compile(
            "^(перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)(ый|ой|ий|ая|ое|ую|ого|ье|ья|ью|ьего|ьей|ьи)"
                    + "\\s*[.)!]*$");
    private static final Map<String, Integer> ORDINALS = Map.of("перв", 1, "втор", 2, "трет", 3, "четв", 4, "пят", 5,
            "шест", 6, "седьм", 7, "восьм", 8, "девят", 9, "десят", 10);

    private NumberedChoice() {
    }

    /** The number the whole text stands for (1-based), if it is one. */
    public static Optional<Integer> number(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.length() > 16) {
            return Optional.empty();
        }
        Matcher digits = NUMBER.matcher(t);
        if (digits.matches()) {
            return Optional.of(Integer.parseInt(digits.group(1)));
        }
        Matcher ordinal = ORDINAL.matcher(t);
        if (ordinal.matches()) {
            String stem = ordinal.group(1);
            return Optional.of(ORDINALS.get(stem.startsWith("четв") ? "четв" : stem));
        }
        return Optional.empty();
    }

    /** The option a typed number picks from the list as it was numbered (1 = the first button). */
    public static Optional<Button> pick(String text, List<Button> numbered) {
        return number(text).filter(n -> n >= 1 && n <= numbered.size()).map(n -> numbered.get(n - 1));
    }
}
