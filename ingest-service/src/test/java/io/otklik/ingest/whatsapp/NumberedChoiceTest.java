package io.otklik.ingest.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.data.Button;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Typed answers to a numbered list of options: plain logic. */
class NumberedChoiceTest {

    static final List<Button> OPTIONS = IntStream.rangeClosed(1, 12)
            .mapToObj(i -> new Button("opt_" + i, "Вариант " + i)).toList();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2|2", "2.|2", " 2 |2", "2)|2", "№2|2", "#2|2", "вариант 3|3", "12|12",
            "Второй|2", "вторая|2", "второе.|2", "первую|1", "третий|3", "третья|3", "четвёртый|4", "четвертая|4",
            "пятый|5", "седьмое|7", "десятый|10"})
    void aMessageThatIsOnlyANumberIsThatNumber(String text, int number) {
        assertThat(NumberedChoice.number(text)).contains(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "2 человека", "в 2", "пятница", "второй раз", "200000", "1.5", "-2", "два",
            "Записаться", "+79161234567"})
    void anythingElseIsNoNumber(String text) {
        assertThat(NumberedChoice.number(text)).isEmpty();
    }

    @Test
    void theNumberPicksTheOptionAsListedAndNothingOutsideTheList() {
        assertThat(NumberedChoice.pick("2", OPTIONS)).contains(OPTIONS.get(1));
        assertThat(NumberedChoice.pick("12", OPTIONS)).contains(OPTIONS.get(11));
        assertThat(NumberedChoice.pick("13", OPTIONS)).isEmpty();
        assertThat(NumberedChoice.pick("0", OPTIONS)).isEmpty();
        assertThat(NumberedChoice.pick(null, OPTIONS)).isEmpty();
    }

    @Test
    void onlyMoreOptionsThanAnInteractiveListHoldsAreNumbered() {
        assertThat(WhatsAppSender.numberedList(OPTIONS.subList(0, 10))).isFalse();
        assertThat(WhatsAppSender.numberedList(OPTIONS.subList(0, 11))).isTrue();
        assertThat(WhatsAppSender.textBodies("79161234567", "Выберите:", OPTIONS.subList(0, 11)).get(0).toString())
                .contains("2. Вариант 2").contains("11. Вариант 11");
    }
}
