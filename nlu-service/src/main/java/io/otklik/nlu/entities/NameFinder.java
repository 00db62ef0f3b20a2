package io.otklik.nlu.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the name the client gives for themselves: «меня зовут Катя», «моё имя Ольга», «Имя: Ольга» (web forms), «Это
 * Ольга» at the start, «я Ирина», a name next to a phone number as a signature («Марина, 89161234567»,
 * «89161234567 Марина»), «С уважением, Ольга». A name after «я», «это» or next to a phone must be a known first name
 * ({@code first-names.txt}) or, except after «я», a capitalised word that is not a common one. A staff member the
 * client asks for («к Анне») is never read as the client's name: none of these forms has a preposition.
 */
final class NameFinder {

    /** The client's name over tokens first..last. */
    record Match(String name, int first, int last) {
    }

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final Set<String> FIRST_NAMES = load();
    private static final Set<String> GREETINGS = Set.of("здравствуйте", "здравствуй", "здрасте", "здрасьте",
            "добрый", "доброе", "доброго", "день", "утро", "вечер", "дня", "утра", "вечера", "привет", "приветствую",
            "алло", "hello", "hi", "девушки", "девочки", "ой", "снова", "еще", "опять");
    /** Capitalised words that start sentences and are not names. */
    private static final Set<String> NOT_NAMES = Set.of("я", "вы", "вас", "вам", "мы", "не", "бы", "хочу", "хотела",
            "хотел", "уже", "тоже", "очень", "снова", "опять", "только", "просто", "сегодня", "завтра", "ваш", "ваша",
            "наш", "наша", "мой", "моя", "клиент", "клиентка", "администратор", "срочно", "запись", "здравствуйте",
            "добрый", "привет", "телефон", "тел", "номер", "спасибо", "пожалуйста", "мастер", "звоните", "перезвоните",
            "можно", "подскажите", "да", "нет", "ок", "мне", "меня", "вот", "новый", "новая", "постоянный",
            "постоянная", "важно", "нормально", "правда", "так", "все", "он", "она", "они", "мама", "муж",
            "жена", "дочь", "сын", "ребенок", "тот", "та", "это", "как", "что", "где", "когда", "кто", "салон",
            "клиника", "доктор", "врач", "стрижка", "маникюр", "педикюр", "запишите", "записаться", "позвоните",
            "отмена", "отмените", "перенос", "подтверждаю", "хорошо", "ладно", "конечно");

    private NameFinder() {
    }

    private static Set<String> load() {
        Set<String> names = new HashSet<>();
        try (InputStream in = NameFinder.class.getResourceAsStream("first-names.txt")) {
            if (in == null) {
                throw new IllegalStateException("first-names.txt is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String name = line.strip().toLowerCase(RU).replace('ё', 'е');
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(names);
    }

    static boolean isFirstName(String lowerWord) {
        return FIRST_NAMES.contains(lowerWord);
    }

    static Match find(Tokens t) {
        for (int i = 0; i < t.size; i++) {
            if (t.kind[i] != Tokens.WORD) {
                continue;
            }
            String w = t.text[i];
            Match m = switch (w) {
                case "зовут" -> introduced(t, i + 1);
                case "имя" -> t.is(i - 1, "мое") || t.punct(i + 1, ":") || t.punct(i + 1, "-") || i == 0
                        || t.sentenceEnd(i - 1) ? introduced(t, i + 1) : null;
                case "это" -> atStart(t, i) ? named(t, i + 1, true) : null;
                case "я" -> t.isWord(i + 1) && FIRST_NAMES.contains(t.text[i + 1]) && !t.punct(i + 2, "?")
                        ? withSurname(t, i + 1) : null;
                case "уважением" -> t.is(i - 1, "с") ? named(t, t.punct(i + 1, ",") ? i + 2 : i + 1, true) : null;
                default -> null;
            };
            if (m != null) {
                return m;
            }
        }
        return signature(t);
    }

    /** After «зовут» or «имя»: any word, capitalised for the answer. */
    private static Match introduced(Tokens t, int j) {
        while (t.punct(j, ":") || t.punct(j, "-") || t.punct(j, ",")) {
            j++;
        }
        if (!t.isWord(j) || t.text[j].length() < 2 || NOT_NAMES.contains(t.text[j]) || t.latin(j)) {
            return null;
        }
        return withSurname(t, j);
    }

    /** A known first name, or a capitalised uncommon word followed by a pause, a phone or a surname. */
    private static Match named(Tokens t, int j, boolean capitalisedToo) {
        if (!t.isWord(j) || t.latin(j) || NOT_NAMES.contains(t.text[j]) || t.punct(j + 1, "?")) {
            return null;
        }
        if (FIRST_NAMES.contains(t.text[j])) {
            return withSurname(t, j);
        }
        boolean paused = j + 1 >= t.size || t.kind[j + 1] == Tokens.PHONE || t.punct(j + 1, ",")
                || t.sentenceEnd(j + 1) || t.isWord(j + 1) && t.upper[j + 1];
        return capitalisedToo && t.upper[j] && paused && t.text[j].length() >= 3 ? withSurname(t, j) : null;
    }

    private static Match withSurname(Tokens t, int j) {
        int last = j;
        if (t.isWord(j + 1) && t.upper[j + 1] && t.spaceBefore[j + 1] && !NOT_NAMES.contains(t.text[j + 1])
                && !t.latin(j + 1) && t.text[j + 1].length() >= 3) {
            last = j + 1;
        }
        StringBuilder name = new StringBuilder();
        for (int k = j; k <= last; k++) {
            if (k > j) {
                name.append(' ');
            }
            String original = t.original.substring(t.start[k], t.end[k]);
            name.append(original.substring(0, 1).toUpperCase(RU)).append(original.substring(1).toLowerCase(RU));
        }
        return new Match(name.toString(), j, last);
    }

    /** Only greetings and punctuation before token i. */
    private static boolean atStart(Tokens t, int i) {
        for (int k = 0; k < i; k++) {
            if (t.kind[k] == Tokens.WORD ? !GREETINGS.contains(t.text[k]) : t.kind[k] != Tokens.PUNCT) {
                return false;
            }
        }
        return true;
    }

    /** «Марина, 89161234567» at the start of a sentence, or «89161234567 Марина» at the end of the message. */
    private static Match signature(Tokens t) {
        for (int p = 0; p < t.size; p++) {
            if (t.kind[p] != Tokens.PHONE) {
                continue;
            }
            int j = p - 1;
            while (j >= 0 && t.kind[j] == Tokens.PUNCT && !t.sentenceEnd(j)) {
                j--;
            }
            // one name, or a name and a surname, starting a sentence
            for (int first = j - 1; first <= j; first++) {
                if (first >= 0 && t.isWord(first) && (atStart(t, first) || t.sentenceEnd(first - 1))) {
                    Match m = named(t, first, true);
                    if (m != null && m.last() == j) {
                        return m;
                    }
                }
            }
            int k = p + 1;
            while (k < t.size && t.kind[k] == Tokens.PUNCT && !t.punct(k, "\n")) {
                k++;
            }
            if (t.isWord(k)) {
                Match m = named(t, k, true);
                if (m != null && onlyPunctuationAfter(t, m.last())) {
                    return m;
                }
            }
        }
        return null;
    }

    private static boolean onlyPunctuationAfter(Tokens t, int last) {
        for (int k = last + 1; k < t.size; k++) {
            if (t.kind[k] != Tokens.PUNCT) {
                return false;
            }
        }
        return true;
    }
}
