package io.otklik.ingest.inbound;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Phone numbers in E.164, parsed and validated by libphonenumber (Russia is the default region). */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {
    }

    /** "+7 916 123-45-67", "8 (916) 123-45-67", "79161234567" → "+79161234567"; empty when not a valid number. */
    public static Optional<String> e164(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.strip();
        if (text.matches("\\d{11,15}") && !text.startsWith("8")) {
            text = "+" + text; // WhatsApp wa_id: international digits without '+'
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(text, "RU");
            return UTIL.isValidNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The valid phone numbers a client typed into a message ("мой номер 8 (916) 123-45-67"), in E.164, in order of
     * appearance, without repeats. libphonenumber's matcher with leniency VALID: dates, prices and order numbers
     * that do not form a valid number are not taken.
     */
    public static List<String> findIn(String text) {
        List<String> found = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        for (PhoneNumberMatch match : UTIL.findNumbers(text, "RU", PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            String e164 = UTIL.format(match.number(), PhoneNumberUtil.PhoneNumberFormat.E164);
            if (!found.contains(e164)) {
                found.add(e164);
            }
        }
        return found;
    }
}
