package io.otklik.routing.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.data.Entities;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How answers to "Могу предложить 16:00, 17:00 или 18:00" (Thursday 26.11) are read. */
class ChoiceParserTest {

    static final LocalDate THURSDAY = LocalDate.of(2026, 11, 26);
    static final List<LocalDateTime> OFFERED = List.of(THURSDAY.atTime(16, 0), THURSDAY.atTime(17, 0),
            THURSDAY.atTime(18, 0));

    /**
     * @param nluTime the time nlu-service extracted, or empty
     * @param nluDate the day nlu-service extracted, or empty
     * @param expected the kind, then the slot, day or time it names
     */
    @ParameterizedTest(name = "«{0}» → {3} {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            1                       | -     | -          | PICK    | 2026-11-26T16:00
            2                       | -     | -          | PICK    | 2026-11-26T17:00
            3.                      | -     | -          | PICK    | 2026-11-26T18:00
            первый                  | -     | -          | PICK    | 2026-11-26T16:00
            Второй                  | -     | -          | PICK    | 2026-11-26T17:00
            давайте третий          | -     | -          | PICK    | 2026-11-26T18:00
            давайте второй вариант  | -     | -          | PICK    | 2026-11-26T17:00
            вариант 2, пожалуйста   | -     | -          | PICK    | 2026-11-26T17:00
            два                     | -     | -          | PICK    | 2026-11-26T17:00
            последний               | -     | -          | PICK    | 2026-11-26T18:00
            2-й                     | -     | -          | PICK    | 2026-11-26T17:00
            давайте в 16:00         | 16:00 | -          | PICK    | 2026-11-26T16:00
            в 17                    | 17:00 | -          | PICK    | 2026-11-26T17:00
            в 18 ок                 | -     | -          | PICK    | 2026-11-26T18:00
            давайте в 16:00         | -     | -          | PICK    | 2026-11-26T16:00
            можно в 19?             | 19:00 | -          | TIME    | 2026-11-26T19:00
            а в 5?                  | -     | -          | PICK    | 2026-11-26T17:00
            давайте на 19           | -     | -          | TIME    | 2026-11-26T19:00
            в пятницу в 16          | 16:00 | 2026-11-27 | TIME    | 2026-11-27T16:00
            а завтра?               | -     | 2026-11-27 | DAY     | 2026-11-27
            а в субботу можно?      | -     | 2026-11-28 | DAY     | 2026-11-28
            а попозже?              | -     | -          | LATER   | -
            можно позже             | -     | -          | LATER   | -
            это рано                | -     | -          | LATER   | -
            пораньше?               | -     | -          | EARLIER | -
            а раньше нет?           | -     | -          | EARLIER | -
            4                       | -     | -          | NONE    | -
            сколько стоит?          | -     | -          | NONE    | -
            на 2 человека           | -     | -          | NONE    | -
            -                       | -     | -          | NONE    | -
            """)
    void readsTheChoice(String text, String nluTime, String nluDate, ChoiceParser.Kind kind, String what) {
        Entities e = new Entities(null, nluDate == null ? null : LocalDate.parse(nluDate),
                nluTime == null ? null : LocalTime.parse(nluTime), null, null);
        ChoiceParser.Choice choice = ChoiceParser.parse(text, e, OFFERED);
        assertThat(choice.kind()).isEqualTo(kind);
        switch (kind) {
            case PICK -> {
                assertThat(choice.slot()).isEqualTo(LocalDateTime.parse(what));
                assertThat(OFFERED).contains(choice.slot());
            }
            case TIME -> assertThat(LocalDateTime.of(choice.day(), choice.time())).isEqualTo(LocalDateTime.parse(what));
            case DAY -> assertThat(choice.day()).isEqualTo(LocalDate.parse(what));
            default -> assertThat(choice.slot()).isNull();
        }
    }

    @ParameterizedTest(name = "«{0}» with two offered → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            третий | NONE
            3      | NONE
            второй | PICK
            """)
    void anOrdinalBeyondTheOfferIsNoChoice(String text, ChoiceParser.Kind kind) {
        assertThat(ChoiceParser.parse(text, Entities.none(), OFFERED.subList(0, 2)).kind()).isEqualTo(kind);
    }
}
