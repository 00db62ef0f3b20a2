package io.otklik.nlu.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.data.Classification;
import io.otklik.platform.tenant.Tenant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The keyword baseline: the contract example, overlaps between intents, urgency, fallback and accuracy. */
class KeywordClassifierTest {

    static final ZonedDateTime SALON_NOW = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneId.of("Europe/Moscow"));
    static final ZonedDateTime CLINIC_NOW = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0,
            ZoneId.of("Asia/Yekaterinburg"));

    final KeywordClassifier classifier = new KeywordClassifier(0.5);

    Classification salon(String text) {
        return classifier.classify(text, DemoTenants.SALON, SALON_NOW);
    }

    Classification clinic(String text) {
        return classifier.classify(text, DemoTenants.CLINIC, CLINIC_NOW);
    }

    @Test
    void theContractExampleIsABookingWithEveryEntity() {
        Classification c = salon("Здравствуйте! Хочу записаться на стрижку завтра в 15:00, мой номер +7 916 123-45-67");
        assertThat(c.intent()).isEqualTo("booking");
        assertThat(c.fallback()).isFalse();
        assertThat(c.urgent()).isFalse();
        assertThat(c.confidence()).isBetween(0.5, 1.0);
        assertThat(c.model()).isEqualTo("keyword-baseline-1");
        assertThat(c.entities().service()).isEqualTo("haircut");
        assertThat(c.entities().date()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(c.entities().time()).isEqualTo(LocalTime.of(15, 0));
        assertThat(c.entities().phone()).isEqualTo("+79161234567");
        assertThat(c.entities().name()).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Здравствуйте, хочу записаться                          | booking
            Привет! Хочу записаться на маникюр                     | booking
            Хочу отменить запись                                   | cancel
            Отменить запись на стрижку, пожалуйста                 | cancel
            Нужно перенести запись                                 | reschedule
            Не смогу в пятницу, перенесите на понедельник          | reschedule
            Сколько стоит стрижка? Хочу записаться на завтра       | booking
            Подскажите, сколько стоит чистка?                      | price
            Сколько стоит запись на маникюр?                       | price
            Отмените запись, у вас ужасный сервис                  | complaint
            Мне плохо после процедуры, можно записаться к врачу?   | booking
            ДА, ПОДТВЕРЖДАЮ!!!                                     | confirm
            да подтверждаю запись                                  | confirm
            Да, но можно перенести на час?                         | reschedule
            Здравствуйте!!!                                        | greeting
            Добрый вечер, всем                                     | greeting
            Здравствуйте, как дела?                                | other
            Спасибо                                                | other
            """)
    void overlapsResolveToTheMoreSpecificRequest(String text, String intent) {
        assertThat(salon(text).intent()).isEqualTo(intent);
    }

    @Test
    void yoAndCaseAndPunctuationDoNotMatter() {
        assertThat(salon("ДАВАЙТЕ ПЕРЕНЕСЁМ!!!").intent()).isEqualTo("reschedule");
        assertThat(salon("давайте перенесем").intent()).isEqualTo("reschedule");
        assertThat(salon("ПОЧЁМ маникюр???").intent()).isEqualTo("price");
        assertThat(salon("почем,маникюр").intent()).isEqualTo("price");
    }

    @Test
    void urgencyComesFromPainWordsOrAComplaint() {
        assertThat(clinic("Срочно нужен стоматолог, острая боль").urgent()).isTrue();
        assertThat(clinic("Сильно болит зуб, можно сегодня?").urgent()).isTrue();
        assertThat(clinic("У ребёнка отёк щеки после удаления").urgent()).isTrue();
        assertThat(clinic("Сломался зуб, когда можете принять?").urgent()).isTrue();
        assertThat(salon("Как можно скорее нужен мастер на укладку").urgent()).isTrue();
        Classification complaint = salon("Мастер нахамила, я очень недовольна");
        assertThat(complaint.intent()).isEqualTo("complaint");
        assertThat(complaint.urgent()).isTrue();
        assertThat(salon("Хочу записаться на маникюр в субботу").urgent()).isFalse();
        assertThat(salon("Сколько стоит большая стрижка?").urgent()).as("'большая' is not 'боль'").isFalse();
    }

    @Test
    void otherIsAlwaysAFallbackAndWeakSignalsFallBackBelowTheThreshold() {
        Classification other = salon("ывапролд");
        assertThat(other.intent()).isEqualTo("other");
        assertThat(other.fallback()).isTrue();
        assertThat(new KeywordClassifier(0.0).classify("ывапролд", DemoTenants.SALON, SALON_NOW).fallback())
                .as("other falls back whatever the threshold").isTrue();

        Classification weak = salon("плохо");
        assertThat(weak.intent()).isEqualTo("complaint");
        assertThat(weak.confidence()).isLessThan(0.5);
        assertThat(weak.fallback()).isTrue();

        Classification strong = salon("Хочу записаться на стрижку");
        assertThat(strong.fallback()).isFalse();
        assertThat(new KeywordClassifier(0.99).classify("Хочу записаться на стрижку", DemoTenants.SALON, SALON_NOW)
                .fallback()).as("a strict threshold turns it into a fallback").isTrue();
    }

    @Test
    void confidenceIsWithinZeroAndOneForAnyInput() {
        for (LabelledPhrases.Labelled l : LabelledPhrases.ALL) {
            assertThat(classify(l).confidence()).isBetween(0.0, 1.0);
        }
        assertThat(salon("").intent()).isEqualTo("other");
        assertThat(salon(null).intent()).isEqualTo("other");
        assertThat(salon("?!...").intent()).isEqualTo("other");
    }

    @Test
    void theThresholdMustBeAProbability() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new KeywordClassifier(1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLabelledSetIsLargeAndCoversEveryIntentAndBothSegments() {
        assertThat(LabelledPhrases.ALL).hasSizeGreaterThanOrEqualTo(40);
        assertThat(LabelledPhrases.ALL.stream().map(LabelledPhrases.Labelled::intent).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Intent.values()).map(Intent::code).toList());
        assertThat(LabelledPhrases.ALL.stream().map(LabelledPhrases.Labelled::tenant).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(LabelledPhrases.SALON, LabelledPhrases.CLINIC);
    }

    /** Accuracy on the labelled set must be at least 0.9, and no intent may be mostly missed. */
    @Test
    void accuracyOnTheLabelledSetIsAtLeastNinetyPercent() {
        List<String> misses = new ArrayList<>();
        Map<String, int[]> perIntent = new TreeMap<>();
        for (LabelledPhrases.Labelled l : LabelledPhrases.ALL) {
            String got = classify(l).intent();
            int[] counts = perIntent.computeIfAbsent(l.intent(), k -> new int[2]);
            counts[1]++;
            if (got.equals(l.intent())) {
                counts[0]++;
            } else {
                misses.add("'" + l.text() + "': expected " + l.intent() + ", got " + got);
            }
        }
        double accuracy = 1.0 - (double) misses.size() / LabelledPhrases.ALL.size();
        System.out.printf("keyword-baseline-1 accuracy %.3f on %d labelled phrases; per intent %s; misses %s%n",
                accuracy, LabelledPhrases.ALL.size(), perIntent.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1]).toList(), misses);
        assertThat(accuracy).as("accuracy; misses: %s", misses).isGreaterThanOrEqualTo(0.9);
        perIntent.forEach((intent, counts) -> assertThat(counts[0] * 2).as("recall of %s", intent)
                .isGreaterThanOrEqualTo(counts[1]));
    }

    @Test
    void aFallbackRateOnTheLabelledSetStaysLow() {
        long fallbacks = LabelledPhrases.ALL.stream()
                .filter(l -> !l.intent().equals("other"))
                .filter(l -> classify(l).fallback()).count();
        assertThat(fallbacks).as("fallbacks on clearly labelled, non-other phrases").isLessThanOrEqualTo(3);
    }

    Classification classify(LabelledPhrases.Labelled l) {
        Tenant tenant = DemoTenants.REGISTRY.require(l.tenant());
        ZonedDateTime now = l.tenant().equals(LabelledPhrases.SALON) ? SALON_NOW : CLINIC_NOW;
        return classifier.classify(l.text(), tenant, now);
    }
}
