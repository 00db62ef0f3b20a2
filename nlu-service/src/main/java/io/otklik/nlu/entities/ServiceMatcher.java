package io.otklik.nlu.entities;

import io.otklik.nlu.text.RussianText;
import io.otklik.platform.tenant.Tenant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds a tenant's catalogue items in a message despite inflection, diminutives and typos. Built once per tenant and
 * read-only afterwards. A word names a service when, in this order:
 * <ol>
 *   <li>it starts with one of the service's keywords (tenants.yaml gives stems: «стрижк» matches «стрижку»), or with
 *       the Snowball stem of the first word of its name;</li>
 *   <li>with a diminutive suffix taken off (and a fleeting vowel dropped: «ноготочки» → «ногот» → «ногт») it starts
 *       with a keyword, or is a keyword lacking at most its last letter («стрижечку» → «стриж»);</li>
 *   <li>its Snowball stem (five letters or more) is within one edit of a keyword or name stem, with the first three
 *       letters the same (so «отдел» is not «отбел», «посмотреть» not «осмотр»), or within two edits when the word
 *       has eight letters or more and the stem compared seven or more («маникур», «стришку», «окрашевание»,
 *       «акрашивание», «постричься» ~ «подстри»).</li>
 * </ol>
 * Words shorter than three letters are never looked at, and short words only match exactly, so «ноги» is not «ногт».
 */
final class ServiceMatcher {

    /** A service named by token first..last. */
    record Match(String code, int first, int last) {
    }

    private static final LevenshteinDistance WITHIN_ONE = new LevenshteinDistance(1);
    private static final LevenshteinDistance WITHIN_TWO = new LevenshteinDistance(2);
    private static final String[] DIMINUTIVES = {"оньк", "еньк", "ушк", "юшк", "очк", "ечк", "ичк", "чик", "ик",
            "ок", "ек", "к"};

    private final String[] codes;
    /** Per service: keyword words (a keyword of several words is matched word by word on consecutive tokens). */
    private final String[][][] keywords;
    /** Per service: the stems compared with a tolerance (keywords and the name's first word). */
    private final String[][] stems;
    /**
     * The first three letters of every keyword and stem: a word shorter than eight letters can only match (steps 2
     * and 4 keep the first three letters) when it starts with one of them, so other words are not even stemmed.
     */
    private final Set<String> heads = new HashSet<>();

    ServiceMatcher(List<Tenant.Service> services) {
        int n = services.size();
        codes = new String[n];
        keywords = new String[n][][];
        stems = new String[n][];
        for (int s = 0; s < n; s++) {
            Tenant.Service service = services.get(s);
            codes[s] = service.code();
            List<String[]> kw = new ArrayList<>();
            List<String> st = new ArrayList<>();
            for (String k : service.keywords()) {
                String[] words = words(k);
                if (words.length > 0 && words[0].length() >= 3) {
                    kw.add(words);
                    if (words.length == 1 && words[0].length() >= 5) {
                        st.add(words[0]);
                    }
                }
            }
            String[] name = words(service.name());
            if (name.length > 0) {
                String head = RussianText.stem(name[0]);
                if (head.length() >= 4) {
                    kw.add(new String[] {head});
                }
                if (head.length() >= 5 && !st.contains(head)) {
                    st.add(head);
                }
            }
            keywords[s] = kw.toArray(new String[0][]);
            stems[s] = st.toArray(new String[0]);
            for (String[] k : kw) {
                heads.add(k[0].substring(0, 3));
            }
            for (String k : st) {
                heads.add(k.substring(0, 3));
            }
        }
    }

    private static String[] words(String text) {
        List<RussianText.Token> tokens = RussianText.tokens(text);
        String[] out = new String[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = tokens.get(i).text();
        }
        return out;
    }

    /** Every service named, in the order of the text. */
    List<Match> find(Tokens t) {
        List<Match> out = null;
        for (int i = 0; i < t.size; i++) {
            if (t.kind[i] != Tokens.WORD || t.text[i].length() < 3) {
                continue;
            }
            Match m = at(t, i);
            if (m != null) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(m);
                i = m.last();
            }
        }
        return out == null ? List.of() : out;
    }

    private Match at(Tokens t, int i) {
        String w = t.text[i];
        for (int s = 0; s < codes.length; s++) {
            for (String[] k : keywords[s]) {
                if (w.startsWith(k[0]) && rest(t, i, k)) {
                    return new Match(codes[s], i, i + k.length - 1);
                }
            }
        }
        if (w.length() < 5 || w.length() < 8 && !heads.contains(w.substring(0, 3)) || !RussianText.isCyrillic(w)) {
            return null;
        }
        String stem = RussianText.stem(w);
        for (String v : undiminished(stem)) {
            for (int s = 0; s < codes.length; s++) {
                for (String[] k : keywords[s]) {
                    if (k.length == 1 && (v.startsWith(k[0]) && k[0].length() >= 4
                            || k[0].startsWith(v) && v.length() >= 5 && v.length() >= k[0].length() - 1)) {
                        return new Match(codes[s], i, i);
                    }
                }
            }
        }
        if (stem.length() < 5) {
            return null;
        }
        int bestService = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int s = 0; s < codes.length; s++) {
            for (String ref : stems[s]) {
                // two edits only between long words; one edit keeps the first three letters («отдел» is not «отбел»)
                int limit = w.length() >= 8 && ref.length() >= 7 ? 2 : 1;
                if (Math.abs(ref.length() - stem.length()) > limit
                        || limit == 1 && !ref.regionMatches(0, stem, 0, 3)) {
                    continue;
                }
                LevenshteinDistance lev = limit == 2 ? WITHIN_TWO : WITHIN_ONE;
                int d = lev.apply(stem, ref);
                if (d >= 0 && d < bestDistance) {
                    bestDistance = d;
                    bestService = s;
                }
            }
        }
        return bestService < 0 ? null : new Match(codes[bestService], i, i);
    }

    /** Whether the further words of a keyword of several words follow token i. */
    private static boolean rest(Tokens t, int i, String[] k) {
        for (int j = 1; j < k.length; j++) {
            if (!t.isWord(i + j) || !t.text[i + j].startsWith(k[j])) {
                return false;
            }
        }
        return true;
    }

    /** The stem with a diminutive suffix taken off, then also without a fleeting vowel («ногот» → «ногт»). */
    private static List<String> undiminished(String stem) {
        List<String> out = new ArrayList<>(2);
        for (String suffix : DIMINUTIVES) {
            if (stem.endsWith(suffix) && stem.length() - suffix.length() >= 4) {
                String v = stem.substring(0, stem.length() - suffix.length());
                out.add(v);
                int n = v.length();
                char c = v.charAt(n - 2);
                if ((c == 'о' || c == 'е') && !vowel(v.charAt(n - 1)) && !vowel(v.charAt(n - 3))) {
                    out.add(v.substring(0, n - 2) + v.charAt(n - 1));
                }
                break;
            }
        }
        return out;
    }

    private static boolean vowel(char c) {
        return "аеиоуыэюяё".indexOf(c) >= 0;
    }
}
