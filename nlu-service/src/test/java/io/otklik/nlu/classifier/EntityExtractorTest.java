package io.otklik.nlu.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.data.Entities;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each form of day, time, phone, name and service the extractor understands. "Now" is Wednesday 2026-11-25. */
class EntityExtractorTest {

    static final ZonedDateTime WEDNESDAY = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneId.of("Europe/Moscow"));

    final EntityExtractor extractor = new EntityExtractor();

    Entities salon(String text) {
        return extractor.extract(text, DemoTenants.SALON, WEDNESDAY);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            можно сегодня?                               | 2026-11-25
            запишите на завтра                           | 2026-11-26
            а послезавтра есть время?                    | 2026-11-27
            в субботу                                    | 2026-11-28
            на пятницу                                   | 2026-11-27
            в понедельник утром                          | 2026-11-30
            во вторник                                   | 2026-12-01
            в среду                                      | 2026-12-02
            в четверг                                    | 2026-11-26
            в воскресенье                                | 2026-11-29
            в пн                                         | 2026-11-30
            во вт                                        | 2026-12-01
            в сб после обеда                             | 2026-11-28
            25 ноября                                    | 2026-11-25
            на 3 декабря                                 | 2026-12-03
            2 марта                                      | 2027-03-02
            1-го января                                  | 2027-01-01
            12 мая 2027                                  | 2027-05-12
            на 25.11                                     | 2026-11-25
            на 01.12                                     | 2026-12-01
            запись на 25.11.2026                         | 2026-11-25
            10.01.27                                     | 2027-01-10
            20.11                                        | 2027-11-20
            """)
    void days(String text, LocalDate expected) {
        assertThat(salon(text).date()).isEqualTo(expected);
    }

    @Test
    void todayIsOnlyTodayWhenSaidSoAndAWeekdayNamedTodayIsNextWeeks() {
        assertThat(salon("можно сегодня?").date()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(salon("в среду").date()).as("said on a Wednesday").isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void theDayAfterNaIsTheDayWantedWhenSeveralAreNamed() {
        assertThat(salon("Не смогу в четверг, давайте перенесём на субботу").date())
                .isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(salon("перенесите с пятницы на 2 декабря").date()).isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void noDayInOrdinaryWords() {
        assertThat(salon("среди мастеров есть Анна?").date()).isNull();
        assertThat(salon("средство для волос").date()).isNull();
        assertThat(salon("вс").date()).isNull();
        assertThat(salon("31.02").date()).as("no such day").isNull();
        assertThat(salon("в 15.30").date()).as("a dotted time is not a date").isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            в 15:00                                      | 15:00
            15:00                                        | 15:00
            на завтра 9:30                               | 09:30
            в 15.30                                      | 15:30
            к 10.15.                                     | 10:15
            к 10                                         | 10:00
            можно к 10, на стрижку                       | 10:00
            в 10 утра                                    | 10:00
            в 3 часа дня                                 | 15:00
            в 3 дня                                      | 15:00
            в 7 вечера                                   | 19:00
            в 12 дня                                     | 12:00
            в 11 часов                                   | 11:00
            в 7                                          | 19:00
            около 18                                     | 18:00
            в полдень                                    | 12:00
            """)
    void times(String text, LocalTime expected) {
        assertThat(salon(text).time()).isEqualTo(expected);
    }

    @Test
    void noTimeInCountsMonthsAndDurations() {
        assertThat(salon("в 2 раза дешевле").time()).isNull();
        assertThat(salon("к 5 ноября").time()).isNull();
        assertThat(salon("в 10 минутах от метро").time()).isNull();
        assertThat(salon("на 25.11").time()).isNull();
        assertThat(salon("в 2026 году").time()).isNull();
        assertThat(salon("стрижка на 2 человек").time()).isNull();
    }

    @Test
    void anHourBeforeOpeningIsReadAsTheAfternoonOneOfThatTenant() {
        assertThat(extractor.extract("в 8", DemoTenants.SALON, WEDNESDAY).time()).as("salon opens at 09:00")
                .isEqualTo(LocalTime.of(20, 0));
        assertThat(extractor.extract("в 8", DemoTenants.CLINIC, WEDNESDAY).time()).as("clinic opens at 08:00")
                .isEqualTo(LocalTime.of(8, 0));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            мой номер +7 916 123-45-67                   | +79161234567
            звоните 8 (916) 123-45-67                    | +79161234567
            89161234567                                  | +79161234567
            +7(495)123-45-67 это рабочий                 | +74951234567
            """)
    void phones(String text, String e164) {
        assertThat(salon(text).phone()).isEqualTo(e164);
    }

    @Test
    void phoneDigitsAreNeverReadAsADayOrAnHour() {
        Entities e = salon("запишите, мой номер 8 916 123 45 67");
        assertThat(e.phone()).isEqualTo("+79161234567");
        assertThat(e.date()).isNull();
        assertThat(e.time()).isNull();
        assertThat(salon("в 15:00, номер 123").phone()).as("not a valid number").isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Меня зовут Анна, хочу на маникюр             | Анна
            меня зовут анна                              | Анна
            Здравствуйте, меня зовут Ольга Петрова!      | Ольга Петрова
            Это Марина, хочу перенести                   | Марина
            Добрый день! Это Светлана                    | Светлана
            Здравствуйте, я Ирина, можно на завтра?      | Ирина
            Я Павел                                      | Павел
            """)
    void names(String text, String name) {
        assertThat(salon(text).name()).isEqualTo(name);
    }

    @Test
    void noNameFromOrdinarySentences() {
        assertThat(salon("Я хочу записаться").name()).isNull();
        assertThat(salon("Я Не смогу прийти").name()).isNull();
        assertThat(salon("это срочно").name()).isNull();
        assertThat(salon("Мне нравится, как это Анна делает").name()).as("'это X' only at the start").isNull();
    }

    @Test
    void theServiceIsTheCatalogueItemWhoseKeywordIsNamedFirst() {
        assertThat(salon("Хочу подстричься").service()).isEqualTo("haircut");
        assertThat(salon("Маникюр и педикюр в субботу").service()).isEqualTo("manicure");
        assertThat(salon("Нужно покрасить корни").service()).isEqualTo("coloring");
        assertThat(salon("ОКРАШИВАНИЕ").service()).isEqualTo("coloring");
        assertThat(salon("Сколько стоит педикюр?").service()).isEqualTo("pedicure");
        assertThat(salon("Хочу на чистку зубов").service()).as("not in the salon's catalogue").isNull();
        assertThat(extractor.extract("Хочу на чистку зубов", DemoTenants.CLINIC, WEDNESDAY).service())
                .isEqualTo("cleaning");
        assertThat(extractor.extract("Нужен осмотр", DemoTenants.CLINIC, WEDNESDAY).service())
                .isEqualTo("consultation");
        assertThat(salon("Отмените запись").service()).isNull();
    }

    @Test
    void allEntitiesTogether() {
        Entities e = salon("Меня зовут Анна, запишите на педикюр в субботу в 3 часа дня, +7 916 765-43-21");
        assertThat(e).isEqualTo(new Entities("pedicure", LocalDate.of(2026, 11, 28), LocalTime.of(15, 0),
                "+79167654321", "Анна"));
    }
}
