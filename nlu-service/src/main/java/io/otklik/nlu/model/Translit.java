package io.otklik.nlu.model;

/**
 * Reads Russian typed in Latin letters the way clients do in chats («hochu zapisatsya», «skolko stoit», «spasibo») as
 * Cyrillic, so a transliterated message meets the same words the model learnt. Multi-letter combinations first
 * (shch, sch, ch, sh, zh, kh, ts, ya, yu, yo, ye), then single letters; the result only has to be close enough for
 * the character n-grams, not a correct spelling.
 */
final class Translit {

    private static final String[][] MULTI = {
            {"shch", "щ"}, {"sch", "щ"}, {"ch", "ч"}, {"sh", "ш"}, {"zh", "ж"}, {"kh", "х"}, {"ts", "ц"},
            {"ya", "я"}, {"ja", "я"}, {"yu", "ю"}, {"ju", "ю"}, {"yo", "е"}, {"jo", "е"}, {"ye", "е"}, {"iy", "ий"},
            {"yi", "ый"}, {"'", "ь"}};
    private static final String LATIN = "abcdefghijklmnopqrstuvwxyz";
    private static final String[] SINGLE = {"а", "б", "ц", "д", "е", "ф", "г", "х", "и", "й", "к", "л", "м", "н",
            "о", "п", "к", "р", "с", "т", "у", "в", "в", "кс", "ы", "з"};

    private Translit() {
    }

    /** Whether a lower-case token is Latin letters only (and so may be transliterated Russian). */
    static boolean isLatin(String token) {
        if (token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if ((c < 'a' || c > 'z') && c != '\'') {
                return false;
            }
        }
        return true;
    }

    /** The Cyrillic reading of a lower-case Latin token. */
    static String toCyrillic(String token) {
        StringBuilder out = new StringBuilder(token.length());
        int i = 0;
        outer:
        while (i < token.length()) {
            for (String[] m : MULTI) {
                if (token.startsWith(m[0], i)) {
                    out.append(m[1]);
                    i += m[0].length();
                    continue outer;
                }
            }
            char c = token.charAt(i);
            int at = LATIN.indexOf(c);
            if (at >= 0) {
                out.append(SINGLE[at]);
            }
            i++;
        }
        return out.toString();
    }
}
