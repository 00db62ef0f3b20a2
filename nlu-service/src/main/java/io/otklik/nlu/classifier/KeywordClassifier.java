package io.otklik.nlu.classifier;

import io.otklik.events.data.Classification;
import io.otklik.events.data.Entities;
import io.otklik.events.data.Intent;
import io.otklik.platform.tenant.Tenant;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The baseline classifier: weighted Russian word stems and phrases per intent, no training. It sets the bar a trained
 * model must beat and keeps the product useful offline from day one.
 *
 * <p>How it decides: a reply made only of "да / подтверждаю / приду…" is {@code confirm}; a message that is only a
 * greeting is {@code greeting}; otherwise every rule that matches scores its intent (the best weight per intent);
 * when none does but the message names a day or an hour, it is a weak {@code booking}.
 * Among the intents scoring within {@link #MARGIN} of the best, the one earliest in {@link #PRECEDENCE} wins, because
 * the more specific request carries the meaning: "отменить запись" is a cancel that mentions a booking, "сколько
 * стоит и есть ли время" is a booking that asks the price. Nothing matched → {@code other}, always a fallback.
 */
public final class KeywordClassifier implements IntentClassifier {

    public static final String MODEL = "keyword-baseline-1";

    /** Earlier wins when scores are close: complaints first (a person must see them), then changes of plan. */
    static final List<Intent> PRECEDENCE = List.of(Intent.COMPLAINT, Intent.RESCHEDULE, Intent.CANCEL, Intent.BOOK,
            Intent.PRICE, Intent.INFO);
    /** A lower-precedence intent wins only when it outscores every higher one by more than this. */
    static final double MARGIN = 0.2;
    static final double OTHER_CONFIDENCE = 0.3;
    static final double SHORT_REPLY_CONFIDENCE = 0.9;
    static final double GREETING_CONFIDENCE = 0.95;
    /** A message that names a day or an hour and nothing else we recognise is most likely asking for a slot. */
    static final double DAY_OR_TIME_ONLY_CONFIDENCE = 0.55;
    /** Added when the message names what a booking needs (service, day or time): it reads as a real request. */
    static final double ENTITY_SUPPORT = 0.05;
    static final double MAX_CONFIDENCE = 0.97;

    /** One pattern and how strongly it signals its intent on its own (0..1). */
    record Rule(Intent intent, Pattern pattern, double weight) {
    }

    static final List<Rule> RULES = List.of(
            // booking
            rule(Intent.BOOK, 0.9, "\\bзапис(ат|ыва)|\\bзапиш|\\bзабронир"),
            rule(Intent.BOOK, 0.65, "\\bзапис(ь|и)\\b"),
            rule(Intent.BOOK, 0.8, "\\bхочу (к вам |попасть )?(на|к)\\b"),
            rule(Intent.BOOK, 0.85, "\\bсвободн\\p{L}* (время|окн|окош|мест|дат|слот|дн|час)"
                    + "|\\bесть (ли )?(у вас )?(свободн|время|окн|окош|мест|запись|слот)"
                    + "|\\bближайш\\p{L}* (время|окн|окош|дат|запись|слот|свободн)"),
            rule(Intent.BOOK, 0.75, "\\bможно (ли )?на\\b|\\bна прием\\b"),
            rule(Intent.BOOK, 0.85, "\\bпопасть (к|на|сегодня|завтра)\\b"
                    + "|\\bнуж(ен|на|но) (срочно )?(запись|прием|врач|доктор|стоматолог|мастер)"),
            rule(Intent.BOOK, 0.8, "\\b(можете|сможете|могли бы|можно) .{0,20}принять\\b|\\bпримете\\b"
                    + "|\\bпримите меня\\b|\\b(когда|можно|могу|смогу) (ли )?(мне )?(прийти|подойти|приехать|зайти)"),
            rule(Intent.BOOK, 0.6, "\\bхочу (сделать|подстричь|покрасить|на)\\b|\\bсвободн"),
            // price
            rule(Intent.PRICE, 0.9, "\\bсколько (это |у вас |будет |примерно )?(сто(ит|ят|ить)|выйдет|обойдется)"
                    + "|\\bцен(а|у|ы|е|ой|ник|ам|ах)?\\b|\\bстоимост|\\bпрайс|\\bпочем\\b|\\bрасценк"),
            rule(Intent.PRICE, 0.85, "\\bпо деньгам\\b|\\bпо стоимости\\b"),
            rule(Intent.PRICE, 0.5, "\\bсколько\\b"),
            // consultation
            rule(Intent.INFO, 0.8, "\\bпосовет|\\bпротивопоказ|\\b(часы|график|режим) работы"
                    + "|\\bадрес|\\bгде (вы )?находит|\\bкак (к вам |до вас )?(добраться|проехать|пройти)"
                    + "|\\bпарковк"),
            rule(Intent.INFO, 0.75, "\\bвопрос|\\bсколько (по времени|времени|длится|займет|занимает)"
                    + "|\\bкак долго\\b"),
            rule(Intent.INFO, 0.7, "\\bконсультац|\\bможно ли\\b|\\b(какой|какая|какое|какие|кто)\\b.{0,40}"
                    + "\\bлучше\\b|\\bэто нормально|\\bнормально ли\\b|\\b(стоит|нужно|надо|больно) ли\\b"),
            rule(Intent.INFO, 0.65, "\\b(делаете|работаете|принимаете)\\b|\\bоплат|\\bкартой\\b"
                    + "|\\bналичн|\\bрассрочк"),
            rule(Intent.INFO, 0.6, "\\bподскаж|\\b(больно|опасно|вредно|долго)\\s*\\?"),
            // complaint
            rule(Intent.COMPLAINT, 0.9, "\\bжалоб|\\bжалова|\\bпожалу(юсь|ется)|\\bужасн|\\bнедовол|\\bиспорти"
                    + "|\\b(верните|вернуть|вернете) (мне )?(деньг|оплат)|\\bвозврат (денег|средств)"
                    + "|\\bхам(ств|ит|ил|к|ск|ят)|\\bнахам|\\bбезобраз|\\bотвратител|\\bкошмар|\\bпретензи"
                    + "|\\bобманул"),
            rule(Intent.COMPLAINT, 0.85, "\\bплохо (сделал|обслужил|постриг|покрасил)|\\bужас\\b"),
            rule(Intent.COMPLAINT, 0.8, "\\bне понрав|\\bразочарова|\\bплох(ой|ая|ое|ие|ого|ую)\\b|\\bв шоке\\b"),
            rule(Intent.COMPLAINT, 0.7, "\\bоблез|\\bслез(ло|ла|ли)?\\b|\\bотвалил|\\bопоздал|\\bне тот цвет"),
            rule(Intent.COMPLAINT, 0.45, "\\bплохо\\b"),
            // cancel
            rule(Intent.CANCEL, 0.9, "\\bотмен|\\bне смогу (прийти|подойти|быть|приехать)|\\bне приду\\b"
                    + "|\\bне придем\\b|\\bне получится (прийти|подойти|приехать)|\\bне успею прийти"),
            rule(Intent.CANCEL, 0.85, "\\b(запись|прием|визит) (больше |уже )?не нуж|\\bне нужно (записывать|записи)"),
            rule(Intent.CANCEL, 0.8, "\\bпередумал"),
            rule(Intent.CANCEL, 0.75, "\\bне смогу\\b"),
            // reschedule
            rule(Intent.RESCHEDULE, 0.9, "\\bперенес|\\bперенест|\\bперенос"),
            rule(Intent.RESCHEDULE, 0.85, "\\bдругое (время|число)|\\bдругой (день|час)|\\bдругую дату"
                    + "|\\b(сдвин|передвин|подвин)|\\b(поменять|изменить|сменить) (время|дату|день)"),
            rule(Intent.RESCHEDULE, 0.55, "\\bпопозже\\b|\\bпораньше\\b"));

    /** Short replies to a reminder or a proposed slot; the whole message must consist of these. */
    private static final Pattern CONFIRM = Texts.rx("^(?:(?:да|ага|угу|ок|окей|ok|okay|хорошо|конечно|подтверждаю"
            + "|подтверждаем|подтверждено|приду|придем|буду|будем|обязательно|договорились|отлично|супер|верно"
            + "|точно|вовремя|в силе|все|спасибо|запись)\\s*)+$");
    /** "все", "спасибо" and "запись" alone do not confirm anything. */
    private static final Pattern CONFIRM_WORD = Texts.rx("\\b(да|ага|угу|ок|окей|ok|okay|хорошо|конечно|подтвержд"
            + "\\p{L}*|приду|придем|буду|будем|обязательно|договорились|отлично|супер|верно|в силе)\\b");
    private static final Pattern GREETING = Texts.rx("\\b(здравствуй(те)?|здрасьте|здрасте|привет(ствую)?"
            + "|добр(ый|ое|ого) (день|дня|вечер|вечера|утро|утра)|доброй ночи|хай|hi|hello|салют)\\b");
    private static final Pattern GREETING_FILLER = Texts.rx("\\b(всем|еще раз|снова|пожалуйста)\\b");
    private static final Pattern NOT_A_WORD = Texts.rx("[^\\p{L}\\p{N}+]+");

    private static final Pattern URGENT = Texts.rx("\\bсрочн|\\bкак можно (скорее|быстрее)|\\bпрямо сейчас"
            + "|\\bболит|\\bболят|\\bразболел|\\bострая боль|\\bсильная боль|\\bбольно\\b|\\bкров(ь|и|ью|оточ)"
            + "|\\bотек|\\bопух|\\bсломал|\\bвыпал\\p{L}* (зуб|пломб)|\\bтемператур");

    private final double fallbackThreshold;
    private final EntityExtractor entities = new EntityExtractor();

    /** @param fallbackThreshold below this confidence the result is a fallback: the bot asks instead of acting */
    public KeywordClassifier(double fallbackThreshold) {
        if (fallbackThreshold < 0 || fallbackThreshold > 1) {
            throw new IllegalArgumentException("the fallback threshold must be within 0..1, was " + fallbackThreshold);
        }
        this.fallbackThreshold = fallbackThreshold;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public Classification classify(String text, Tenant tenant, ZonedDateTime now) {
        String normalized = Texts.normalize(text);
        Entities found = entities.extract(text, tenant, now);
        Scored scored = intent(normalized, found);
        boolean urgent = scored.intent() == Intent.COMPLAINT || URGENT.matcher(normalized).find();
        boolean fallback = scored.intent() == Intent.OTHER || scored.confidence() < fallbackThreshold;
        return new Classification(scored.intent().name(), round(scored.confidence()), urgent, fallback, found, MODEL);
    }

    /** An intent with the confidence the rules give it. */
    record Scored(Intent intent, double confidence) {
    }

    static Scored intent(String normalized, Entities found) {
        String words = NOT_A_WORD.matcher(normalized).replaceAll(" ").strip();
        if (words.isEmpty()) {
            return new Scored(Intent.OTHER, OTHER_CONFIDENCE);
        }
        if (CONFIRM.matcher(words).matches() && CONFIRM_WORD.matcher(words).find()) {
            return new Scored(Intent.CONFIRM, SHORT_REPLY_CONFIDENCE);
        }
        String withoutGreeting = GREETING_FILLER.matcher(GREETING.matcher(words).replaceAll(" ")).replaceAll(" ")
                .strip();
        if (withoutGreeting.isEmpty()) {
            return new Scored(Intent.OTHER, GREETING_CONFIDENCE);
        }
        Map<Intent, Double> scores = new EnumMap<>(Intent.class);
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(normalized).find()) {
                scores.merge(rule.intent(), rule.weight(), Math::max);
            }
        }
        if (scores.isEmpty()) {
            // "а на завтра к Ольге можно?": no request words, but a day or an hour is asked for
            return found.date() != null || found.time() != null
                    ? new Scored(Intent.BOOK, DAY_OR_TIME_ONLY_CONFIDENCE)
                    : new Scored(Intent.OTHER, OTHER_CONFIDENCE);
        }
        double best = scores.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        Intent winner = PRECEDENCE.stream()
                .filter(i -> scores.getOrDefault(i, 0.0) >= best - MARGIN - 1e-9)
                .findFirst().orElseThrow();
        double confidence = scores.get(winner);
        if (supported(winner, found)) {
            confidence = Math.min(MAX_CONFIDENCE, confidence + ENTITY_SUPPORT);
        }
        return new Scored(winner, confidence);
    }

    /** Whether the entities back the intent up: a booking that names its service or day is surely one. */
    private static boolean supported(Intent intent, Entities e) {
        return switch (intent) {
            case BOOK, RESCHEDULE -> e.service() != null || e.date() != null || e.time() != null;
            case PRICE -> e.service() != null;
            default -> false;
        };
    }

    private static Rule rule(Intent intent, double weight, String regex) {
        return new Rule(intent, Texts.rx(regex), weight);
    }

    private static double round(double confidence) {
        return Math.round(confidence * 100) / 100.0;
    }
}
