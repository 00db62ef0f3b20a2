package io.otklik.nlu.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.data.Classification;
import io.otklik.nlu.entities.EntityExtractor;
import io.otklik.nlu.model.FallbackPolicy;
import io.otklik.nlu.model.IntentModel;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contact details alone are understood (OTHER, no fallback); anything asking for more goes to the model. */
class ContactOnlyTest {

    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneId.of("Europe/Moscow"));
    static EmbeddedClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = new EmbeddedClassifier(IntentModel.load(), new EntityExtractor(), FallbackPolicy.DEFAULT);
    }

    @ParameterizedTest(name = "{0} → contact only: {1}")
    @CsvSource(delimiter = '|', value = {
            "+7 903 444-55-66|true",
            "+7 916 201-30-40|true",
            "Мой номер 8 926 555-66-77|true",
            "Алёна, 8 916 123-45-00|true",
            "89161234567|true",
            "мой телефон: +7 (916) 123-45-67, спасибо|true",
            "Меня зовут Ольга, телефон 8 903 111-22-33|true",
            "Да|false",
            "Запишите на маникюр, мой номер +7 916 123-45-67|false",
            "+7 916 123-45-67 перезвоните|false",
            "Хочу на стрижку завтра в 15:00|false",
            "8 916 123-45-67 и 8 916 123-45-68 завтра|false",
    })
    void recognises(String text, boolean contactOnly) {
        Classification c = classifier.classify(text, DemoTenants.SALON, NOW).classification();
        if (contactOnly) {
            assertThat(c.intent()).isEqualTo("OTHER");
            assertThat(c.confidence()).isEqualTo(1.0);
            assertThat(c.fallback()).isFalse();
            assertThat(c.entities().phone()).startsWith("+79");
        } else {
            assertThat(c.intent().equals("OTHER") && c.confidence() == 1.0 && !c.fallback())
                    .as("the model decides: %s %s", c.intent(), c.confidence()).isFalse();
        }
    }

    @Test
    void aPhoneInsideARequestKeepsTheRequestsIntent() {
        Classification c = classifier.classify("Хочу записаться на стрижку завтра в 15:00, мой номер +7 916 123-45-67",
                DemoTenants.SALON, NOW).classification();
        assertThat(c.intent()).isEqualTo("BOOK");
        assertThat(c.entities().phone()).isEqualTo("+79161234567");
    }
}
