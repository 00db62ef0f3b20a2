package io.otklik.nlu.entities;

import java.util.Arrays;
import java.util.List;

/**
 * A message cut into words, numbers, punctuation and the phone numbers already found, with offsets into the original
 * text. Words are lower case with "ё" as "е"; a word written in Cyrillic with a stray Latin look-alike ("зaвтра" with
 * a Latin "a") is read in Cyrillic. A letter next to a digit starts a new token, so «в15:00» reads as «в 15 : 00».
 * Built once per message and only read afterwards.
 */
final class Tokens {

    static final byte WORD = 1;
    static final byte NUM = 2;
    static final byte PUNCT = 3;
    static final byte PHONE = 4;

    /** A phone number libphonenumber found: its span and E.164 form. */
    record Phone(int start, int end, String e164) {
    }

    final String original;
    int size;
    byte[] kind;
    String[] text;
    int[] start;
    int[] end;
    boolean[] spaceBefore;
    boolean[] upper;

    private Tokens(String original, int capacity) {
        this.original = original;
        kind = new byte[capacity];
        text = new String[capacity];
        start = new int[capacity];
        end = new int[capacity];
        spaceBefore = new boolean[capacity];
        upper = new boolean[capacity];
    }

    /** Cuts the text; the phone spans become single PHONE tokens whose text is the E.164 number. */
    static Tokens of(String text, List<Phone> phones) {
        Tokens t = new Tokens(text, Math.max(8, text.length() / 3 + 4));
        int n = text.length();
        int i = 0;
        int phone = 0;
        boolean space = true;
        while (i < n) {
            if (phone < phones.size() && i >= phones.get(phone).start()) {
                Phone p = phones.get(phone++);
                t.add(PHONE, p.e164(), p.start(), p.end(), space, false);
                i = p.end();
                space = false;
                continue;
            }
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (c == '\n' || c == '\r') {
                    t.add(PUNCT, "\n", i, i + 1, true, false);
                }
                space = true;
                i++;
            } else if (Character.isLetter(c)) {
                int s = i;
                int limit = phone < phones.size() ? phones.get(phone).start() : n;
                while (i < limit && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\u0301')) {
                    i++;
                }
                t.add(WORD, word(text, s, i), s, i, space, Character.isUpperCase(c));
                space = false;
            } else if (c >= '0' && c <= '9') {
                int s = i;
                int limit = phone < phones.size() ? phones.get(phone).start() : n;
                while (i < limit && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                t.add(NUM, text.substring(s, i), s, i, space, false);
                space = false;
            } else {
                int w = Character.isHighSurrogate(c) && i + 1 < n ? 2 : 1;
                t.add(PUNCT, c == '–' || c == '—' ? "-" : text.substring(i, i + w), i, i + w, space, false);
                i += w;
                space = false;
            }
        }
        return t;
    }

    private void add(byte k, String s, int from, int to, boolean space, boolean up) {
        if (size == kind.length) {
            int cap = size * 2;
            kind = Arrays.copyOf(kind, cap);
            text = Arrays.copyOf(text, cap);
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            spaceBefore = Arrays.copyOf(spaceBefore, cap);
            upper = Arrays.copyOf(upper, cap);
        }
        kind[size] = k;
        text[size] = s;
        start[size] = from;
        end[size] = to;
        spaceBefore[size] = space;
        upper[size] = up;
        size++;
    }

    /** Lower case, "ё" as "е", stress marks dropped, Latin look-alikes inside a Cyrillic word made Cyrillic. */
    private static String word(String text, int from, int to) {
        boolean cyrillic = false;
        boolean latin = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 'А' && c <= 'я' || c == 'ё' || c == 'Ё') {
                cyrillic = true;
            } else if (c < 128) {
                latin = true;
            }
        }
        char[] out = new char[to - from];
        int k = 0;
        for (int i = from; i < to; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c == '\u0301') {
                continue;
            }
            if (c == 'ё') {
                c = 'е';
            } else if (cyrillic && latin && c < 128) {
                c = lookAlike(c);
            }
            out[k++] = c;
        }
        return new String(out, 0, k);
    }

    private static char lookAlike(char c) {
        return switch (c) {
            case 'a' -> 'а';
            case 'e' -> 'е';
            case 'o' -> 'о';
            case 'p' -> 'р';
            case 'c' -> 'с';
            case 'x' -> 'х';
            case 'y' -> 'у';
            case 'k' -> 'к';
            case 'm' -> 'м';
            case 't' -> 'т';
            case 'h' -> 'н';
            case 'b' -> 'в';
            default -> c;
        };
    }

    boolean isWord(int i) {
        return i >= 0 && i < size && kind[i] == WORD;
    }

    boolean isNum(int i) {
        return i >= 0 && i < size && kind[i] == NUM;
    }

    /** The word at i, or null when i is out of range or not a word. */
    String word(int i) {
        return isWord(i) ? text[i] : null;
    }

    /** Whether token i is the word w. */
    boolean is(int i, String w) {
        return isWord(i) && text[i].equals(w);
    }

    /** Whether token i is this punctuation. */
    boolean punct(int i, String p) {
        return i >= 0 && i < size && kind[i] == PUNCT && text[i].equals(p);
    }

    /** The value of a number of at most four digits at i, else -1. */
    int num(int i) {
        if (!isNum(i) || text[i].length() > 4) {
            return -1;
        }
        return Integer.parseInt(text[i]);
    }

    /** Whether a Latin-only word stands at i (a model name: «iphone 15», «в 15 pro»). */
    boolean latin(int i) {
        if (!isWord(i)) {
            return false;
        }
        String s = text[i];
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** Whether token i ends a sentence: . ! ? ; or a line break (a dot inside "25.12" is part of a number). */
    boolean sentenceEnd(int i) {
        if (i < 0 || i >= size || kind[i] != PUNCT) {
            return false;
        }
        String p = text[i];
        return p.equals("!") || p.equals("?") || p.equals(";") || p.equals("\n")
                || p.equals(".") && !(isNum(i - 1) && isNum(i + 1) && !spaceBefore[i + 1]);
    }
}
