package io.otklik.nlu.entities;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds phone numbers with libphonenumber (Russia as the default region) and writes them in E.164. The matcher is
 * costly (tens of microseconds), so it only runs when the text has a run of at least seven digits written the way
 * phone numbers are (digits with spaces, dashes, dots, brackets or a plus between them): dates, times and prices
 * never reach it.
 */
final class PhoneFinder {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private PhoneFinder() {
    }

    static List<Tokens.Phone> find(String text) {
        if (!hasPhoneLikeRun(text)) {
            return List.of();
        }
        List<Tokens.Phone> out = new ArrayList<>(1);
        for (PhoneNumberMatch m : PHONES.findNumbers(text, "RU")) {
            out.add(new Tokens.Phone(m.start(), m.end(),
                    PHONES.format(m.number(), PhoneNumberUtil.PhoneNumberFormat.E164)));
        }
        return out;
    }

    /** Whether some run of digits and phone separators holds at least seven digits. */
    static boolean hasPhoneLikeRun(String text) {
        int digits = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits >= 7) {
                    return true;
                }
            } else if (!(c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' || c == '+' || c == '\u00a0'
                    || c == '\u2011' || c == '\u2013')) {
                digits = 0;
            }
        }
        return false;
    }
}
