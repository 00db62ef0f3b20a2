package io.otklik.nlu.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.data.Entities;
import io.otklik.platform.tenant.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Russian day and time expressions resolved to an exact instant or interval. References: WED is Wednesday
 * 2026-11-25 10:00 at the salon (Moscow, open 09–21); SAT is Saturday 2026-11-28 19:30 at the salon; EKB is Wednesday
 * 2026-11-25 10:00 at the clinic (Yekaterinburg, UTC+5, open 08–20). Expected values are local to the tenant; an
 * interval is "from/to" with the end exclusive.
 */
class DateTimeExtractionTest {

    final EntityExtractor extractor = new EntityExtractor();

    static Tenant tenant(String ref) {
        return ref.equals("EKB") ? TestTenants.CLINIC : TestTenants.SALON;
    }

    static ZonedDateTime now(String ref) {
        return switch (ref) {
            case "WED" -> TestTenants.WEDNESDAY;
            case "SAT" -> TestTenants.SATURDAY_EVENING;
            case "EKB" -> TestTenants.WEDNESDAY_YEKATERINBURG;
            default -> throw new IllegalArgumentException(ref);
        };
    }

    Extraction extract(String ref, String text) {
        return extractor.extract(text, tenant(ref), now(ref));
    }

    @ParameterizedTest(name = "{0} «{1}» -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            WED | завтра в 15                                 | 2026-11-26T15:00
            WED | послезавтра утром                           | 2026-11-27T08:00/2026-11-27T12:00
            WED | в пятницу после обеда                       | 2026-11-27T13:00/2026-11-27T18:00
            WED | 25 декабря в 10:30                          | 2026-12-25T10:30
            WED | через час                                   | 2026-11-25T11:00
            WED | через 2 дня                                 | 2026-11-27T00:00/2026-11-28T00:00
            WED | на выходных                                 | 2026-11-28T00:00/2026-11-30T00:00
            WED | в 7 вечера                                  | 2026-11-25T19:00
            WED | сегодня вечером                             | 2026-11-25T17:00/2026-11-25T21:00
            WED | на следующей неделе                         | 2026-11-30T00:00/2026-12-07T00:00
            WED | в эту субботу                               | 2026-11-28T00:00/2026-11-29T00:00
            WED | в пн                                        | 2026-11-30T00:00/2026-12-01T00:00
            WED | 25.12                                       | 2026-12-25T00:00/2026-12-26T00:00
            WED | 25.12 в 10:30                               | 2026-12-25T10:30
            WED | к 9                                         | 2026-11-26T09:00
            WED | в 9 утра                                    | 2026-11-26T09:00
            WED | в полдень                                   | 2026-11-25T12:00
            WED | с 10 до 12                                  | 2026-11-25T10:00/2026-11-25T12:00
            WED | после 18                                    | 2026-11-25T18:00/2026-11-25T21:00
            WED | до обеда                                    | 2026-11-25T10:00/2026-11-25T13:00
            WED | в 15.30                                     | 2026-11-25T15:30
            WED | в половине третьего                         | 2026-11-25T14:30
            WED | через полчаса                               | 2026-11-25T10:30
            WED | в конце недели                              | 2026-11-27T00:00/2026-11-30T00:00
            WED | в среду или четверг                         | 2026-12-02T00:00/2026-12-03T00:00
            WED | зафтра                                      | 2026-11-26T00:00/2026-11-27T00:00
            WED | в15:00                                      | 2026-11-25T15:00
            WED | зафтра в 10:00                              | 2026-11-26T10:00
            WED | в 3 часа дня                                | 2026-11-25T15:00
            WED | в 3 дня                                     | 2026-11-25T15:00
            WED | в 12 дня                                    | 2026-11-25T12:00
            WED | в 11 часов                                  | 2026-11-25T11:00
            WED | в 7                                         | 2026-11-25T19:00
            WED | около 18                                    | 2026-11-25T18:00
            WED | в 2 ночи                                    | 2026-11-26T02:00
            WED | в 11 ночи                                   | 2026-11-25T23:00
            WED | в час дня                                   | 2026-11-25T13:00
            WED | в пять                                      | 2026-11-25T17:00
            WED | часов в 5                                   | 2026-11-25T17:00
            WED | к 5 часам                                   | 2026-11-25T17:00
            WED | в 11 часов 30 минут                         | 2026-11-25T11:30
            WED | в 07:30                                     | 2026-11-26T07:30
            WED | в 8:00                                      | 2026-11-25T20:00
            WED | вечером в 7                                 | 2026-11-25T19:00
            WED | утром в 7                                   | 2026-11-26T07:00
            WED | после обеда в 3                             | 2026-11-25T15:00
            WED | на завтра на 15                             | 2026-11-26T15:00
            WED | на 10 утра                                  | 2026-11-25T10:00
            WED | в следующую пятницу                         | 2026-12-04T00:00/2026-12-05T00:00
            WED | в следующий вторник                         | 2026-12-01T00:00/2026-12-02T00:00
            WED | в начале следующей недели                   | 2026-11-30T00:00/2026-12-03T00:00
            WED | в середине недели                           | 2026-11-25T10:00/2026-11-27T00:00
            WED | в декабре                                   | 2026-12-01T00:00/2027-01-01T00:00
            WED | 10 числа                                    | 2026-12-10T00:00/2026-12-11T00:00
            WED | давайте 28-го                               | 2026-11-28T00:00/2026-11-29T00:00
            WED | 1-го января                                 | 2027-01-01T00:00/2027-01-02T00:00
            WED | 12 мая 2027                                 | 2027-05-12T00:00/2027-05-13T00:00
            WED | 20.11                                       | 2027-11-20T00:00/2027-11-21T00:00
            WED | 10.01.27                                    | 2027-01-10T00:00/2027-01-11T00:00
            WED | на 25.11.2026                               | 2026-11-25T10:00/2026-11-26T00:00
            WED | 31.12 в 23:00                               | 2026-12-31T23:00
            WED | послезафтра в 12                            | 2026-11-27T12:00
            WED | в суботу утром                              | 2026-11-28T08:00/2026-11-28T12:00
            WED | вечиром в пятницу                           | 2026-11-27T17:00/2026-11-27T21:00
            WED | в понеделник                                | 2026-11-30T00:00/2026-12-01T00:00
            WED | в воскресение                               | 2026-11-29T00:00/2026-11-30T00:00
            WED | ЗАВТРА В 15                                 | 2026-11-26T15:00
            WED | через 15 минут                              | 2026-11-25T10:15
            WED | через пару часов                            | 2026-11-25T12:00
            WED | через неделю                                | 2026-12-02T00:00/2026-12-03T00:00
            WED | через полтора часа                          | 2026-11-25T11:30
            WED | в обед                                      | 2026-11-25T12:00/2026-11-25T14:00
            WED | днём                                        | 2026-11-25T12:00/2026-11-25T17:00
            WED | в первой половине дня                       | 2026-11-25T10:00/2026-11-25T13:00
            WED | после работы                                | 2026-11-25T18:00/2026-11-25T21:00
            WED | между 10 и 12                               | 2026-11-25T10:00/2026-11-25T12:00
            WED | с 5 до 7                                    | 2026-11-25T17:00/2026-11-25T19:00
            WED | ближе к вечеру                              | 2026-11-25T17:00/2026-11-25T21:00
            WED | в четверть третьего                         | 2026-11-25T14:15
            WED | полтретьего                                 | 2026-11-25T14:30
            WED | в 10-30                                     | 2026-11-25T10:30
            WED | завтра в 10.15                              | 2026-11-26T10:15
            WED | сегодня в 9                                 | 2026-11-25T09:00
            WED | в 9                                         | 2026-11-26T09:00
            WED | утром                                       | 2026-11-25T10:00/2026-11-25T12:00
            WED | до 12                                       | 2026-11-25T10:00/2026-11-25T12:00
            WED | с 18:00                                     | 2026-11-25T18:00/2026-11-25T21:00
            WED | на этой неделе                              | 2026-11-25T10:00/2026-11-30T00:00
            WED | на следующих выходных                       | 2026-12-05T00:00/2026-12-07T00:00
            WED | на выходных в 12                            | 2026-11-28T12:00
            WED | в сб                                        | 2026-11-28T00:00/2026-11-29T00:00
            WED | в 15ч                                       | 2026-11-25T15:00
            WED | примерно в 16                               | 2026-11-25T16:00
            WED | в районе 5                                  | 2026-11-25T17:00
            WED | завтра с утра                               | 2026-11-26T08:00/2026-11-26T12:00
            WED | в субботу с 10 до 12                        | 2026-11-28T10:00/2026-11-28T12:00
            WED | вечером с 6 до 8                            | 2026-11-25T18:00/2026-11-25T20:00
            WED | на 15 декабря на 11                         | 2026-12-15T11:00
            WED | в пятницу в 15 или в субботу                | 2026-11-27T15:00
            WED | Можно завтра? Часов в 5                     | 2026-11-26T17:00
            WED | в 15 30 можно?                              | 2026-11-25T15:30
            WED | на 14.12 в 12-00                            | 2026-12-14T12:00
            WED | В четверг 26.11 в 11                        | 2026-11-26T11:00
            WED | не успеваю к 15, давайте на 17              | 2026-11-25T17:00
            WED | на 5е число                                 | 2026-12-05T00:00/2026-12-06T00:00
            WED | было бы здорово сегодня часиков в 6         | 2026-11-25T18:00
            WED | можно 26.11 на 11:00?                       | 2026-11-26T11:00
            SAT | в эту субботу                               | 2026-11-28T19:30/2026-11-29T00:00
            SAT | в субботу                                   | 2026-12-05T00:00/2026-12-06T00:00
            SAT | на выходных                                 | 2026-11-28T19:30/2026-11-30T00:00
            SAT | в 7 вечера                                  | 2026-11-29T19:00
            SAT | сегодня вечером                             | 2026-11-28T19:30/2026-11-28T21:00
            SAT | вечером                                     | 2026-11-28T19:30/2026-11-28T21:00
            SAT | утром                                       | 2026-11-29T08:00/2026-11-29T12:00
            SAT | завтра                                      | 2026-11-29T00:00/2026-11-30T00:00
            SAT | в пн                                        | 2026-11-30T00:00/2026-12-01T00:00
            SAT | на следующей неделе                         | 2026-11-30T00:00/2026-12-07T00:00
            SAT | в конце недели                              | 2026-11-28T19:30/2026-11-30T00:00
            SAT | через час                                   | 2026-11-28T20:30
            SAT | через 3 часа                                | 2026-11-28T22:30
            SAT | в 9                                         | 2026-11-29T09:00
            SAT | сегодня в 20:00                             | 2026-11-28T20:00
            SAT | на выходных утром                           | 2026-11-29T08:00/2026-11-29T12:00
            SAT | в воскресенье в 12                          | 2026-11-29T12:00
            SAT | в эту пятницу                               | 2026-12-04T00:00/2026-12-05T00:00
            SAT | после 18                                    | 2026-11-28T19:30/2026-11-28T21:00
            SAT | до обеда                                    | 2026-11-29T08:00/2026-11-29T13:00
            EKB | завтра в 15                                 | 2026-11-26T15:00
            EKB | в 7                                         | 2026-11-25T19:00
            EKB | в 8                                         | 2026-11-26T08:00
            EKB | после 18                                    | 2026-11-25T18:00/2026-11-25T20:00
            EKB | через час                                   | 2026-11-25T11:00
            EKB | сегодня вечером                             | 2026-11-25T17:00/2026-11-25T21:00
            EKB | в пятницу в 9 утра                          | 2026-11-27T09:00
            EKB | с 10 до 12                                  | 2026-11-25T10:00/2026-11-25T12:00
            """)
    void resolvesToTheExactInstantOrInterval(String ref, String text, String expected) {
        Extraction e = extract(ref, text);
        String[] parts = expected.split("/");
        ZonedDateTime now = now(ref);
        Instant from = LocalDateTime.parse(parts[0]).atZone(now.getZone()).toInstant();
        Instant to = parts.length == 1 ? null : LocalDateTime.parse(parts[1]).atZone(now.getZone()).toInstant();
        assertThat(e.summary().from()).as("from").isEqualTo(from);
        assertThat(e.summary().to()).as("to").isEqualTo(to);
        List<Entity> times = e.entities().stream().filter(x -> x.type().equals(Entity.DATETIME)).toList();
        assertThat(times).isNotEmpty();
        if (times.size() == 1) {
            assertThat(times.get(0).value()).isEqualTo(expected);
            assertThat(times.get(0).from()).isEqualTo(from);
            assertThat(times.get(0).to()).isEqualTo(to);
        }
    }

    @Test
    void instantsAreInTheTenantsZone() {
        Entities moscow = extract("WED", "завтра в 15").summary();
        Entities yekaterinburg = extract("EKB", "завтра в 15").summary();
        assertThat(moscow.from()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
        assertThat(yekaterinburg.from()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
        // the same message time given in another zone resolves in the tenant's calendar
        ZonedDateTime utc = TestTenants.WEDNESDAY.withZoneSameInstant(java.time.ZoneOffset.UTC);
        assertThat(extractor.extract("завтра в 15", TestTenants.SALON, utc).summary().from())
                .isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
    }

    @Test
    void theSummaryHasADateOnlyWhenADayIsNamedAndATimeOnlyWhenAClockTimeIs() {
        Entities e = extract("WED", "завтра в 15").summary();
        assertThat(e.date()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(e.time()).isEqualTo(LocalTime.of(15, 0));

        e = extract("WED", "в 15").summary();
        assertThat(e.date()).as("no day named").isNull();
        assertThat(e.time()).isEqualTo(LocalTime.of(15, 0));

        e = extract("WED", "послезавтра утром").summary();
        assertThat(e.date()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(e.time()).as("a part of the day is not a clock time").isNull();

        e = extract("WED", "через час").summary();
        assertThat(e.date()).isNull();
        assertThat(e.time()).isNull();
        assertThat(e.from()).isNotNull();

        e = extract("WED", "на выходных").summary();
        assertThat(e.date()).as("a span of days is not one day").isNull();

        e = extract("WED", "на выходных в 12").summary();
        assertThat(e.date()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(e.time()).isEqualTo(LocalTime.NOON);

        assertThat(extract("WED", "с 10 до 12").summary().time()).isEqualTo(LocalTime.of(10, 0));
        assertThat(extract("WED", "до 12").summary().time()).isNull();
        assertThat(extract("WED", "через 2 дня").summary().date()).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void aBareHourBeforeOpeningIsTheAfternoonOneOfThatTenant() {
        assertThat(extract("WED", "в 8").summary().time()).as("salon opens at 09:00").isEqualTo(LocalTime.of(20, 0));
        assertThat(extract("EKB", "в 8").summary().time()).as("clinic opens at 08:00").isEqualTo(LocalTime.of(8, 0));
        assertThat(extract("WED", "в 8 утра").summary().time()).as("said so").isEqualTo(LocalTime.of(8, 0));
        assertThat(extract("WED", "в 08:00").summary().time()).as("24-hour form").isEqualTo(LocalTime.of(8, 0));
    }

    @Test
    void aTimeThatHasPassedTodayMeansTomorrowOnlyWhenNoDayIsNamed() {
        assertThat(extract("WED", "в 9").summary().from()).isEqualTo(at("2026-11-26T09:00"));
        assertThat(extract("WED", "сегодня в 9").summary().from()).isEqualTo(at("2026-11-25T09:00"));
        assertThat(extract("WED", "в 10").summary().from()).as("now is not past").isEqualTo(at("2026-11-25T10:00"));
    }

    @Test
    void theDayWantedIsNotTheOneRefusedNorAPastOneAndTheOneAfterNaWins() {
        assertThat(extract("WED", "Не смогу в четверг, давайте перенесём на субботу").summary().date())
                .isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(extract("WED", "в пятницу не могу, давайте в субботу").summary().date())
                .isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(extract("WED", "перенесите с пятницы на 2 декабря").summary().date())
                .isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(extract("WED", "Вчера не дозвонилась, хочу записаться в пятницу").summary().date())
                .isEqualTo(LocalDate.of(2026, 11, 27));
        Extraction both = extract("WED", "в среду или четверг");
        assertThat(both.entities()).extracting(Entity::text).containsExactly("в среду", "четверг");
        assertThat(both.summary().date()).as("the first").isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void aRefusedDayAloneIsStillReported() {
        assertThat(extract("WED", "не смогу завтра").summary().date()).isEqualTo(LocalDate.of(2026, 11, 26));
    }

    @ParameterizedTest(name = "«{0}»")
    @CsvSource(delimiter = '|', textBlock = """
            2 человека
            стрижка 1500
            цена 2500₽
            за 1500 р
            мне 25 лет
            ребенку 5 лет
            iphone 15 pro
            модель 10.12
            в 2 раза дешевле
            в 10 минутах от метро
            в 2026 году
            на 2 человека
            до 5 человек
            после 18 лет
            с 10 до 12 лет
            на 3 дня
            в 15 000 уложимся?
            1.5 часа
            скидка 10%
            в 10%
            в 3 тона
            массаж в 4 руки
            приду с 2 детьми
            в 5 слоев
            среди мастеров есть Анна?
            средство для волос
            вс
            31.02
            добрый вечер
            доброе утро!
            что на завтрак?
            во сколько вы открываетесь?
            мой номер 8 916 123 45 67
            89161234567
            кабинет 12
            на 17 человек
            в 15 30 человек
            буду в 5 мин
            Номер заказа 12345678
            в 3 кабинете
            дом 15, кв 7
            """)
    void noDayOrTimeInCountsPricesAgesModelsAndPhones(String text) {
        Extraction e = extract("WED", text);
        assertThat(e.entities()).noneMatch(x -> x.type().equals(Entity.DATETIME));
        assertThat(e.summary().from()).isNull();
        assertThat(e.summary().date()).isNull();
        assertThat(e.summary().time()).isNull();
    }

    @Test
    void theSpanIsTheWholeExpressionInTheOriginalText() {
        String text = "Добрый день! Можно ЗАВТРА в 15:00 на стрижку?";
        Entity e = extract("WED", text).entities().stream().filter(x -> x.type().equals(Entity.DATETIME))
                .findFirst().orElseThrow();
        assertThat(e.text()).isEqualTo("ЗАВТРА в 15:00");
        assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
    }

    private static Instant at(String localMoscow) {
        return LocalDateTime.parse(localMoscow).atZone(TestTenants.MOSCOW).toInstant();
    }
}
