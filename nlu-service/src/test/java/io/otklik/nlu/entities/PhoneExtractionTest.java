package io.otklik.nlu.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Phone numbers in the ways Russians write them, in E.164, with their spans. */
class PhoneExtractionTest {

    final EntityExtractor extractor = new EntityExtractor();

    Extraction salon(String text) {
        return extractor.extract(text, TestTenants.SALON, TestTenants.WEDNESDAY);
    }

    @ParameterizedTest(name = "«{0}» -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            мой номер +7 916 123-45-67                   | +79161234567 | +7 916 123-45-67
            звоните 8 (916) 123-45-67                    | +79161234567 | 8 (916) 123-45-67
            89161234567                                  | +79161234567 | 89161234567
            +79161234567                                 | +79161234567 | +79161234567
            8-916-123-45-67                              | +79161234567 | 8-916-123-45-67
            +7-916-123-45-67                             | +79161234567 | +7-916-123-45-67
            8 916 123 45 67                              | +79161234567 | 8 916 123 45 67
            8 916 1234567                                | +79161234567 | 8 916 1234567
            7 916 1234567                                | +79161234567 | 7 916 1234567
            9161234567                                   | +79161234567 | 9161234567
            +7 (916) 123 45 67                           | +79161234567 | +7 (916) 123 45 67
            +7(495)123-45-67 это рабочий                 | +74951234567 | +7(495)123-45-67
            8 (495) 123-45-67                            | +74951234567 | 8 (495) 123-45-67
            8 800 555 35 35                              | +78005553535 | 8 800 555 35 35
            8 (343) 123-45-67, Екатеринбург              | +73431234567 | 8 (343) 123-45-67
            тел.89161234567                              | +79161234567 | 89161234567
            тел: +7 916 123 4567                         | +79161234567 | +7 916 123 4567
            +375 29 123-45-67                            | +375291234567 | +375 29 123-45-67
            """)
    void phonesInE164(String text, String e164, String span) {
        Extraction e = salon(text);
        assertThat(e.summary().phone()).isEqualTo(e164);
        Entity phone = e.entities().stream().filter(x -> x.type().equals(Entity.PHONE)).findFirst().orElseThrow();
        assertThat(phone.text()).isEqualTo(span);
        assertThat(text.substring(phone.start(), phone.end())).isEqualTo(span);
        assertThat(phone.value()).isEqualTo(e164);
    }

    @Test
    void phoneDigitsAreNeverReadAsADayOrAnHour() {
        Extraction e = salon("запишите, мой номер 8 916 123 45 67");
        assertThat(e.summary().phone()).isEqualTo("+79161234567");
        assertThat(e.summary().date()).isNull();
        assertThat(e.summary().time()).isNull();
        e = salon("8 916 123 45 67, завтра к 10");
        assertThat(e.summary().phone()).isEqualTo("+79161234567");
        assertThat(e.summary().time()).isEqualTo(java.time.LocalTime.of(10, 0));
    }

    @Test
    void everyPhoneIsListedAndTheFirstFillsTheSummary() {
        Extraction e = salon("мобильный 89161234567, рабочий 8 (495) 123-45-67");
        assertThat(e.entities()).filteredOn(x -> x.type().equals(Entity.PHONE)).extracting(Entity::value)
                .containsExactly("+79161234567", "+74951234567");
        assertThat(e.summary().phone()).isEqualTo("+79161234567");
    }

    @ParameterizedTest(name = "«{0}»")
    @CsvSource(delimiter = '|', textBlock = """
            в 15:00, номер 123
            стрижка 1500
            25.12.2026 в 10:30
            скидка 15 000 - 20 000
            123-45
            """)
    void noPhoneInShortNumbersDatesAndPrices(String text) {
        assertThat(salon(text).summary().phone()).isNull();
    }

    @Test
    void theExpensiveMatcherRunsOnlyForARunOfSevenDigits() {
        assertThat(PhoneFinder.hasPhoneLikeRun("завтра в 15:00 на 2 человека, 1500 р")).isFalse();
        assertThat(PhoneFinder.hasPhoneLikeRun("25.12 в 10:30")).isFalse();
        assertThat(PhoneFinder.hasPhoneLikeRun("8 (916) 123-45-67")).isTrue();
        assertThat(PhoneFinder.hasPhoneLikeRun("тел:89161234567")).isTrue();
    }
}
