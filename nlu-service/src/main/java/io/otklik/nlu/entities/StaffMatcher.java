package io.otklik.nlu.entities;

import io.otklik.nlu.text.RussianText;
import io.otklik.platform.tenant.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the tenant's staff in a message by their names and aliases in any case form («Анна», «к Анне», «у Ани», «с
 * Анечкой», «к доктору Петрову»). A name is declined by its ending: the final vowel, «й» or «ь» is taken off and
 * a case ending put on («Анн|а» → «Анн|е», «Серге|й» → «Серге|ю», «Петров» → «Петров|у»). Built once per tenant.
 */
final class StaffMatcher {

    /** A staff member named by tokens first..last (a title before the name included). */
    record Match(String staffId, int first, int last) {
    }

    private static final Set<String> ENDINGS = Set.of("а", "я", "ы", "и", "е", "у", "ю", "ой", "ей", "ою", "ею",
            "ом", "ем", "ым", "им", "й", "ь", "ью", "ого", "ому");
    private static final Set<String> TITLES = Set.of("доктор", "доктора", "доктору", "доктором", "врач", "врача",
            "врачу", "врачом", "мастер", "мастера", "мастеру", "мастером", "стоматолог", "стоматолога", "стоматологу",
            "администратор", "администратора", "администратору", "тренер", "тренера", "тренеру", "dr", "др");
    /** Names that are also ordinary words: written in lower case they count only after «к», «у», «с». */
    private static final Set<String> COMMON_WORDS = Set.of("вер", "надежд", "любов", "роз", "лили", "слав", "мир",
            "лад", "алл", "ник", "зо", "ев", "ян", "лев", "март", "май", "мил");
    private static final Set<String> PREPOSITIONS = Set.of("к", "ко", "у", "с", "со", "для", "от", "до");

    /** One way to name a staff member: the bare form of a word of their name or of an alias. */
    private record Form(String staffId, String base, boolean bare) {
    }

    private final List<Form> forms = new ArrayList<>();

    StaffMatcher(List<Tenant.Staff> staff) {
        for (Tenant.Staff s : staff) {
            List<String> names = new ArrayList<>(s.aliases());
            names.add(0, s.name());
            for (String name : names) {
                if (name == null) {
                    continue;
                }
                for (RussianText.Token word : RussianText.tokens(name)) {
                    String w = word.text();
                    if (TITLES.contains(w) || w.length() < 2) {
                        continue;
                    }
                    char last = w.charAt(w.length() - 1);
                    boolean ending = "аяоеыиуюйь".indexOf(last) >= 0;
                    forms.add(new Form(s.id(), ending ? w.substring(0, w.length() - 1) : w, !ending));
                }
            }
        }
        // longer forms first, so that «Анечке» is Анечка's and not Ан(я)'s
        forms.sort((a, b) -> Integer.compare(b.base().length(), a.base().length()));
    }

    /** Every staff member named, in the order of the text, skipping the tokens the client's own name took. */
    List<Match> find(Tokens t, int skipFirst, int skipLast) {
        if (forms.isEmpty()) {
            return List.of();
        }
        List<Match> out = null;
        for (int i = 0; i < t.size; i++) {
            if (t.kind[i] != Tokens.WORD || t.text[i].length() < 3 || i >= skipFirst && i <= skipLast) {
                continue;
            }
            String w = t.text[i];
            for (Form f : forms) {
                if (!w.startsWith(f.base())) {
                    continue;
                }
                String end = w.substring(f.base().length());
                if (!(end.isEmpty() ? f.bare() : ENDINGS.contains(end))) {
                    continue;
                }
                boolean afterPreposition = t.isWord(i - 1) && (PREPOSITIONS.contains(t.text[i - 1])
                        || TITLES.contains(t.text[i - 1]));
                if (!t.upper[i] && !afterPreposition && COMMON_WORDS.contains(f.base())) {
                    continue;
                }
                int first = t.isWord(i - 1) && TITLES.contains(t.text[i - 1]) ? i - 1 : i;
                if (out == null) {
                    out = new ArrayList<>(1);
                }
                out.add(new Match(f.staffId(), first, i));
                break;
            }
        }
        return out == null ? List.of() : out;
    }
}
