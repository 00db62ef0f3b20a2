package io.otklik.nlu.entities;

import io.otklik.events.data.Entities;
import io.otklik.events.data.Intent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * Whether a message needs a person soon, and why, in Russian for the manager: «боль» (pain, swelling, bleeding,
 * inflammation), «поломка» (something broke, leaks, won't start, a filling fell out), «срочно» («срочно», «как можно
 * скорее», «очень нужно»), «сегодня» (a visit asked for today or within four hours) or «жалоба» (a complaint). The
 * first that fires, in that order, is the reason.
 *
 * <p>A trigger word with «не», «ни», «нет» or «без» just before it does not count («не болит», «без боли»). When the
 * client says it can wait («не срочно», «не к спеху», «не горит»), nothing but a complaint makes the message urgent.
 * «сегодня» counts only for a booking or a move (or when the intent is not known), not for «вы сегодня работаете?».
 *
 * @param urgent whether it is urgent
 * @param reason why, in Russian; null when not urgent
 */
public record Urgency(boolean urgent, String reason) {

    public static final Urgency NOT_URGENT = new Urgency(false, null);

    public static final String PAIN = "боль";
    public static final String BREAKDOWN = "поломка";
    public static final String URGENT = "срочно";
    public static final String TODAY = "сегодня";
    public static final String COMPLAINT = "жалоба";

    private static final Set<String> PAIN_WORDS = Set.of("боль", "боли", "болью", "болей", "больно", "ноет", "ноют",
            "дергает", "кровь", "крови", "кровью", "кровит", "флюс", "гной", "температура", "температурой");
    private static final List<String> PAIN_PREFIXES = List.of("болит", "болят", "разбол", "воспал", "опух", "отек",
            "кровоточ", "кровотеч", "нарыв", "невыносим", "гноит", "гноится");
    private static final Set<String> BREAKDOWN_WORDS = Set.of("течет", "течь", "текет", "дымит", "искрит");
    private static final List<String> BREAKDOWN_PREFIXES = List.of("слома", "разбил", "треснул", "протек", "потек",
            "заглох", "поломк", "откол", "отвалил", "выпал", "слетел");
    /** Verbs that are a problem exactly when negated: «машина не заводится». */
    private static final Set<String> FAILS_WHEN_NEGATED = Set.of("заводится", "заводиться", "тормозит",
            "включается", "закрывается", "открывается", "греет", "холодит");
    private static final Set<String> URGENT_WORDS = Set.of("срочно", "срочная", "срочный", "срочное", "срочную",
            "срочной", "экстренно", "экстренная", "экстренный", "немедленно", "безотлагательно", "asap", "поскорее",
            "побыстрее", "неотложно", "неотложная", "неотложный", "скорее", "быстрее");
    /** Words a negation before a trigger is made of. */
    private static final Set<String> NEGATIONS = Set.of("не", "ни", "нет", "без", "ничего");
    /** Words before «кровь» that make it a blood test, not bleeding. */
    private static final Set<String> BLOOD_TEST = Set.of("анализ", "анализы", "анализа", "анализов", "сдать", "сдача",
            "сдачи", "сдачу", "на", "группу", "группа", "из");
    private static final Duration SOON = Duration.ofHours(4);

    /**
     * The urgency of a message.
     *
     * @param intent the message's intent; null when not known
     * @param e      what the extractor found (its summary's time decides «сегодня»)
     * @param now    the message time in the tenant's zone
     */
    public static Urgency of(String text, Intent intent, Extraction e, ZonedDateTime now) {
        Tokens t = Tokens.of(text == null ? "" : text, List.of());
        String fired = null;
        boolean canWait = false;
        for (int i = 0; i < t.size; i++) {
            if (t.kind[i] != Tokens.WORD) {
                continue;
            }
            String w = t.text[i];
            if (w.equals("несрочно") || w.equals("срочности") && t.is(i + 1, "нет")
                    || (w.startsWith("срочн") || w.equals("спеху") || w.equals("горит")
                    || w.startsWith("тороплю") || w.startsWith("тороп") || w.equals("спешу")
                    || w.equals("спешки")) && negated(t, i)) {
                canWait = true;
                continue;
            }
            String reason = reason(t, i, w);
            if (reason != null && (fired == null || rank(reason) < rank(fired))) {
                fired = reason;
            }
        }
        if (!canWait && fired == null && today(intent, e, now)) {
            fired = TODAY;
        }
        if (canWait) {
            fired = null;
        }
        if (fired == null && intent == Intent.COMPLAINT) {
            fired = COMPLAINT;
        }
        return fired == null ? NOT_URGENT : new Urgency(true, fired);
    }

    private static int rank(String reason) {
        return switch (reason) {
            case PAIN -> 0;
            case BREAKDOWN -> 1;
            case URGENT -> 2;
            default -> 3;
        };
    }

    /** The reason the word at i gives, if any. */
    private static String reason(Tokens t, int i, String w) {
        if (w.equals("не") && t.isWord(i + 1) && FAILS_WHEN_NEGATED.contains(t.text[i + 1])) {
            return BREAKDOWN;
        }
        if (PAIN_WORDS.contains(w) || startsWithAny(w, PAIN_PREFIXES)) {
            if (negated(t, i)) {
                return null;
            }
            if (w.startsWith("кров") && t.isWord(i - 1) && BLOOD_TEST.contains(t.text[i - 1])) {
                return null;
            }
            if (w.equals("больно") && (t.is(i - 1, "будет") || t.is(i - 1, "ли") || t.is(i + 1, "ли")
                    || t.is(i - 1, "это"))) {
                return null;
            }
            return PAIN;
        }
        if (BREAKDOWN_WORDS.contains(w) || startsWithAny(w, BREAKDOWN_PREFIXES)) {
            if (w.startsWith("выпал") && !(t.isWord(i + 1) && (t.text[i + 1].startsWith("плом")
                    || t.text[i + 1].startsWith("зуб") || t.text[i + 1].startsWith("корон")))) {
                return null;
            }
            return negated(t, i) ? null : BREAKDOWN;
        }
        if (URGENT_WORDS.contains(w)) {
            if ((w.equals("скорее") || w.equals("быстрее")) && !(t.is(i - 1, "можно") && t.is(i - 2, "как"))) {
                return null;
            }
            return negated(t, i) ? null : URGENT;
        }
        if (w.equals("раньше") && t.is(i - 1, "можно") && t.is(i - 2, "как")) {
            return URGENT;
        }
        if (w.equals("сейчас") && t.is(i - 1, "прямо")) {
            return URGENT;
        }
        if ((w.equals("нужно") || w.equals("надо")) && t.is(i - 1, "очень") && !negated(t, i - 1)) {
            return URGENT;
        }
        return null;
    }

    /** «не», «ни», «нет», «без» or «ничего» among the two words before i, within the sentence. */
    private static boolean negated(Tokens t, int i) {
        for (int k = i - 1; k >= 0 && k >= i - 2; k--) {
            if (t.kind[k] != Tokens.WORD) {
                if (t.punct(k, ",")) {
                    continue;
                }
                return false;
            }
            if (NEGATIONS.contains(t.text[k])) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String w, List<String> prefixes) {
        for (String p : prefixes) {
            if (w.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** A booking or a move for today, or within four hours. */
    private static boolean today(Intent intent, Extraction e, ZonedDateTime now) {
        if (intent != null && intent != Intent.BOOK && intent != Intent.RESCHEDULE || e == null) {
            return false;
        }
        Entities s = e.summary();
        if (s == null || s.from() == null) {
            return false;
        }
        Instant at = now.toInstant();
        LocalDate today = now.toLocalDate();
        Instant tomorrow = today.plusDays(1).atStartOfDay(now.getZone()).toInstant();
        Instant startOfToday = today.atStartOfDay(now.getZone()).toInstant();
        if (s.to() == null) {
            return !s.from().isBefore(startOfToday) && s.from().isBefore(tomorrow)
                    || !s.from().isBefore(at.minus(Duration.ofHours(1))) && !s.from().isAfter(at.plus(SOON));
        }
        return !s.from().isBefore(startOfToday) && s.from().isBefore(tomorrow) && !s.to().isAfter(tomorrow);
    }
}
