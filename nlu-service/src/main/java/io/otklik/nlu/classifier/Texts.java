package io.otklik.nlu.classifier;

import java.util.Locale;
import java.util.regex.Pattern;

/** Text normalisation and pattern compilation shared by the keyword rules and the entity extractor. */
final class Texts {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Texts() {
    }

    /** Lower case, "ё" as "е" (clients use both), single spaces. Length is not preserved. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        return SPACES.matcher(text.toLowerCase(RU).replace('ё', 'е')).replaceAll(" ").strip();
    }

    /** Case-insensitive, Unicode-aware ({@code \b} and {@code \w} know Cyrillic). */
    static Pattern rx(String regex) {
        return Pattern.compile(regex,
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    }
}
