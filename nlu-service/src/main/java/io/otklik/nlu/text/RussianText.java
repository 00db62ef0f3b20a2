package io.otklik.nlu.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Text primitives every part of nlu-service shares: normalisation, word tokens with their offsets, and Russian
 * stemming by Lucene's Snowball stemmer. Pure and thread-safe (the stemmer, which keeps state, is one per thread).
 */
public final class RussianText {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final ThreadLocal<RussianStemmer> STEMMER = ThreadLocal.withInitial(RussianStemmer::new);

    private RussianText() {
    }

    /** A word of the text: its normalised form and where it stands in the text it came from. */
    public record Token(String text, int start, int end) {
    }

    /** Lower case, "ё" as "е"; same length and offsets as the input. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        return text.toLowerCase(RU).replace('ё', 'е');
    }

    /**
     * The words of a text: runs of letters and digits (a hyphen or apostrophe inside a word keeps it whole, as in
     * «из-за», «кто-нибудь»), lower-cased, with "ё" as "е". Offsets refer to the text given.
     */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String lower = normalize(text);
        int n = lower.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(lower.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(lower.charAt(i)) || (i + 1 < n
                    && (lower.charAt(i) == '-' || lower.charAt(i) == '\'')
                    && i > start && Character.isLetterOrDigit(lower.charAt(i + 1))))) {
                i++;
            }
            if (i > start) {
                out.add(new Token(lower.substring(start, i), start, i));
            }
        }
        return out;
    }

    /** The Snowball stem of a lower-case Russian word ("стрижку" → "стрижк"); other words come back unchanged. */
    public static String stem(String word) {
        if (word.length() < 3 || !isCyrillic(word)) {
            return word;
        }
        RussianStemmer stemmer = STEMMER.get();
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /** Whether the word has a Cyrillic letter. */
    public static boolean isCyrillic(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.UnicodeBlock.of(word.charAt(i)) == Character.UnicodeBlock.CYRILLIC) {
                return true;
            }
        }
        return false;
    }
}
