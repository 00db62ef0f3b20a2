package io.otklik.ingest.api;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.otklik.ingest.inbound.Phones;
import io.otklik.platform.pii.Pii;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in exported conversations (pure logic): phone numbers anywhere in a text (found by
 * libphonenumber's matcher, Russian notation by default) and the words of the client's name, including their
 * Russian case endings ("Иван", "Ивана", "Ивану"; "Евгения", "Евгении"). Masking errs on the side of too much.
 */
public final class Masking {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String ENDINGS = "аяйьеоыиуюaeiouy";

    private Masking() {
    }

    /** The text with every phone number and every word of the given names masked. */
    public static String text(String text, String... names) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return maskNames(maskPhones(text), names);
    }

    /** A channel user id that is a phone (WhatsApp wa_id, a form's phone) is masked; messenger ids are kept. */
    public static String userId(String channelUserId, String phone) {
        if (channelUserId == null) {
            return null;
        }
        if (channelUserId.equals(phone) || Phones.e164(channelUserId).isPresent()) {
            return Pii.phone(Phones.e164(channelUserId).orElse(channelUserId));
        }
        return channelUserId;
    }

    public static String phone(String phone) {
        return phone == null ? null : Pii.phone(phone);
    }

    public static String name(String name) {
        return name == null ? null : Pii.name(name);
    }

    static String maskPhones(String text) {
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (PhoneNumberMatch match : UTIL.findNumbers(text, "RU", PhoneNumberUtil.Leniency.POSSIBLE,
                Long.MAX_VALUE)) {
            out.append(text, last, match.start());
            out.append(Pii.phone(UTIL.format(match.number(), PhoneNumberUtil.PhoneNumberFormat.E164)));
            last = match.end();
        }
        return last == 0 ? text : out.append(text.substring(last)).toString();
    }

    /** "Евгения" → "Евгени", so "Евгении", "Евгенией" match too; short words stay whole. */
    static String stem(String word) {
        if (word.length() >= 4 && ENDINGS.indexOf(Character.toLowerCase(word.charAt(word.length() - 1))) >= 0) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    static String maskNames(String text, String... names) {
        List<String> words = new ArrayList<>();
        for (String name : names) {
            if (name == null) {
                continue;
            }
            for (String word : name.split("[^\\p{L}\\p{N}'-]+")) {
                if (word.codePointCount(0, word.length()) >= 2) {
                    words.add(word);
                }
            }
        }
        // longer words first, so "Анна" is not masked inside "Анна-Мария" before the whole word is
        words.sort((a, b) -> b.length() - a.length());
        String result = text;
        for (String word : words) {
            Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(stem(word))
                    + "\\p{L}{0,3}(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            Matcher m = pattern.matcher(result);
            result = m.replaceAll(Matcher.quoteReplacement(Pii.name(word)));
        }
        return result;
    }
}
