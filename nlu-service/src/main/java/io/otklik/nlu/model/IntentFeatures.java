package io.otklik.nlu.model;

import io.otklik.nlu.text.RussianText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a message into the string features the intent model weighs. The same code runs when the model is trained
 * (at build time) and when it classifies, so the two cannot drift apart; {@link #VERSION} is part of the model
 * version and changes whenever these features do.
 *
 * <ul>
 *   <li>{@code w:} the Snowball stem of each word (Lucene's Russian stemmer), Latin-typed Russian read as Cyrillic;</li>
 *   <li>{@code b:} pairs of neighbouring stems ("не смогу", "сколько стоит");</li>
 *   <li>{@code n:} a negated stem ("не приду" → n:прид);</li>
 *   <li>{@code c:} character 3- and 4-grams of each word with its boundaries, so typos and diminutives
 *       («зафтра», «маникюрчик») still share most features with the word they mean;</li>
 *   <li>{@code f:}/{@code l:} the first and the last stem; {@code len:} the length in words;</li>
 *   <li>shape: a question mark, a lone «+», emoji (by kind), an exclamation, digits, a clock time, all capitals.</li>
 * </ul>
 */
public final class IntentFeatures {

    /** Bump when the features change: it is part of the model version. */
    public static final String VERSION = "f4";

    private static final Set<String> NEGATIONS = Set.of("не", "ни", "нет", "ne", "net");

    private IntentFeatures() {
    }

    /** The features of a message, de-duplicated, in a stable order. */
    public static String[] of(String text) {
        String raw = text == null ? "" : text;
        Set<String> out = new LinkedHashSet<>();
        List<RussianText.Token> tokens = RussianText.tokens(raw);
        List<String> stems = new ArrayList<>(tokens.size());
        for (RussianText.Token t : tokens) {
            String word = t.text();
            if (Translit.isLatin(word) && word.length() > 1) {
                word = Translit.toCyrillic(word);
            }
            String stem = RussianText.stem(word);
            stems.add(stem);
            out.add("w:" + stem);
            if (!isNumber(word)) {
                charGrams(word, out);
            } else {
                out.add("num:" + Math.min(word.length(), 5));
            }
        }
        StringBuilder joined = new StringBuilder("^");
        for (String st : stems) {
            joined.append(st).append(' ');
        }
        // "x:" + the 5-grams of the joined stems that cross a word boundary (a space at position 1, 2 or 3)
        char[] gram = new char[7];
        gram[0] = 'x';
        gram[1] = ':';
        for (int i = 0; i + 5 <= joined.length(); i++) {
            char c1 = joined.charAt(i + 1);
            char c2 = joined.charAt(i + 2);
            char c3 = joined.charAt(i + 3);
            if (joined.charAt(i) != ' ' && (c1 == ' ' || c2 == ' ' || c3 == ' ')) {
                joined.getChars(i, i + 5, gram, 2);
                out.add(new String(gram));
            }
        }
        List<String> classes = new ArrayList<>(stems.size());
        for (String st : stems) {
            String c = wordClass(st);
            classes.add(c);
            if (c != st) {
                out.add("k:" + c);
            }
        }
        for (int i = 0; i + 1 < stems.size(); i++) {
            out.add("b:" + stems.get(i) + '_' + stems.get(i + 1));
            if (classes.get(i) != stems.get(i) || classes.get(i + 1) != stems.get(i + 1)) {
                out.add("B:" + classes.get(i) + '_' + classes.get(i + 1));
            }
            if (NEGATIONS.contains(stems.get(i))) {
                out.add("n:" + stems.get(i + 1));
            }
        }
        if (!stems.isEmpty()) {
            out.add("f:" + stems.get(0));
            out.add("l:" + stems.get(stems.size() - 1));
        }
        int words = stems.size();
        out.add("len:" + (words == 0 ? "0" : words == 1 ? "1" : words <= 3 ? "2-3" : words <= 8 ? "4-8"
                : words <= 20 ? "9-20" : "21+"));
        shape(raw, tokens, out);
        return out.toArray(new String[0]);
    }

    private static final java.util.Map<String, String> CLASSES = classes();

    private static java.util.Map<String, String> classes() {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (String d : List.of("понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресен", "пн", "вт",
                "ср", "чт", "пт", "сб", "вс", "выходн", "будн")) {
            m.put(d, "<day>");
        }
        for (String d : List.of("сегодн", "завтр", "послезавтр", "зафтр")) {
            m.put(d, "<rel>");
        }
        for (String d : List.of("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
                "ноябр", "декабр")) {
            m.put(d, "<month>");
        }
        return m;
    }

    /** A word's class where the class matters more than the word (a weekday, a number), else the stem itself. */
    static String wordClass(String stem) {
        String c = CLASSES.get(stem);
        if (c != null) {
            return c;
        }
        if (!stem.isEmpty() && Character.isDigit(stem.charAt(0))) {
            return "<num>";
        }
        return stem;
    }

    private static void charGrams(String word, Set<String> out) {
        if (word.length() < 3) {
            return;
        }
        // "c:" + a 3- or 4-gram of "^word$", each built in one allocation
        int len = word.length() + 2;
        char[] w = new char[len];
        w[0] = '^';
        word.getChars(0, word.length(), w, 1);
        w[len - 1] = '$';
        char[] gram = new char[6];
        gram[0] = 'c';
        gram[1] = ':';
        for (int n = 3; n <= 4; n++) {
            for (int i = 0; i + n <= len; i++) {
                System.arraycopy(w, i, gram, 2, n);
                out.add(new String(gram, 0, n + 2));
            }
        }
    }

    private static boolean isNumber(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void shape(String raw, List<RussianText.Token> tokens, Set<String> out) {
        String s = raw.strip();
        if (s.indexOf('?') >= 0) {
            out.add("s:question");
        }
        if (s.indexOf('!') >= 0) {
            out.add("s:exclaim");
        }
        if (s.equals("+") || s.startsWith("+ ") || s.equals("++") || s.equals("+++")) {
            out.add("s:plus");
        }
        int letters = 0;
        int upper = 0;
        boolean clock = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.isUpperCase(cp)) {
                    upper++;
                }
            } else if (isEmoji(cp)) {
                out.add("e:" + emojiKind(cp));
            }
            if (cp == ':' && i > 0 && i + 2 < s.length() && Character.isDigit(s.charAt(i - 1))
                    && Character.isDigit(s.charAt(i + 1)) && Character.isDigit(s.charAt(i + 2))) {
                clock = true;
            }
            i += Character.charCount(cp);
        }
        if (clock) {
            out.add("s:clock");
        }
        if (letters >= 6 && upper * 10 >= letters * 8) {
            out.add("s:caps");
        }
        if (tokens.isEmpty() && !s.isEmpty()) {
            out.add("s:no-words");
        }
        if (s.contains("))") || s.contains(")))")) {
            out.add("s:smiles");
        }
    }

    private static boolean isEmoji(int cp) {
        return (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF);
    }

    /** Emoji grouped by what they say in a chat: agreement, thanks, anger, sadness, joy, anything else. */
    private static String emojiKind(int cp) {
        return switch (cp) {
            case 0x1F44D, 0x1F44C, 0x2705, 0x2714, 0x1F197, 0x1F91D -> "yes";
            case 0x1F64F, 0x1F496, 0x2764, 0x1F497, 0x1F60A, 0x1F970, 0x1F917, 0x1F339, 0x1F490 -> "thanks";
            case 0x1F621, 0x1F620, 0x1F92C, 0x1F44E, 0x1F624 -> "angry";
            case 0x1F622, 0x1F62D, 0x1F614, 0x1F61E, 0x1F625, 0x1F615, 0x1F641, 0x2639 -> "sad";
            case 0x1F602, 0x1F923, 0x1F604, 0x1F601, 0x1F60D, 0x1F525, 0x1F389 -> "joy";
            case 0x1F9B7, 0x1F48A, 0x1F489, 0x1F912, 0x1F915 -> "health";
            case 0x1F485, 0x1F487, 0x1F484, 0x1F486 -> "beauty";
            default -> "other";
        };
    }
}
