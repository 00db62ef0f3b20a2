package io.otklik.nlu.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.data.Intent;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Urgency and its reason; negations and «не срочно» are not urgent. Now is Wednesday 10:00 at the clinic. */
class UrgencyTest {

    final EntityExtractor extractor = new EntityExtractor();

    Urgency urgency(String text, Intent intent) {
        ZonedDateTime now = TestTenants.WEDNESDAY_YEKATERINBURG;
        return Urgency.of(text, intent, extractor.extract(text, TestTenants.CLINIC, now), now);
    }

    @ParameterizedTest(name = "«{0}» ({1}) -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            болит зуб                                  | -          | боль
            зуб болит, можно сегодня?                  | BOOK       | боль
            очень больно                               | -          | боль
            острая боль справа                         | -          | боль
            десна опухла                               | -          | боль
            щека опухшая                               | -          | боль
            отёк после удаления                        | -          | боль
            кровь из десны                             | -          | боль
            кровоточат десны                           | -          | боль
            флюс                                       | -          | боль
            болит невыносимо                           | -          | боль
            сломался зуб                               | -          | поломка
            сломал коронку                             | -          | поломка
            выпала пломба                              | -          | поломка
            машина не заводится                        | -          | поломка
            течёт кран                                 | -          | поломка
            протекает крыша                            | -          | поломка
            срочно нужно к врачу                       | -          | срочно
            СРОЧНО!!!                                  | -          | срочно
            срочная запись                             | BOOK       | срочно
            как можно скорее                           | -          | срочно
            как можно раньше запишите                  | BOOK       | срочно
            очень нужно сегодня                        | -          | срочно
            поскорее бы                                | -          | срочно
            прямо сейчас можно?                        | -          | срочно
            можно сегодня?                             | BOOK       | сегодня
            можно через час?                           | BOOK       | сегодня
            можно через 3 часа?                        | BOOK       | сегодня
            сегодня вечером                            | BOOK       | сегодня
            в 7                                        | BOOK       | сегодня
            перенесите на сегодня                      | RESCHEDULE | сегодня
            сегодня в 15                               | -          | сегодня
            мне испортили волосы                       | COMPLAINT  | жалоба
            ждала 40 минут                             | COMPLAINT  | жалоба
            """)
    void urgentWithTheFirstReasonThatFired(String text, Intent intent, String reason) {
        assertThat(urgency(text, intent)).isEqualTo(new Urgency(true, reason));
    }

    @ParameterizedTest(name = "«{0}» ({1})")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            не срочно                                  | -
            несрочно, когда будет время                | -
            не очень срочно                            | -
            срочности нет                              | -
            не к спеху                                 | -
            не горит, можно на следующей неделе        | BOOK
            не срочно, но болит                        | -
            зуб не болит, хочу чистку                  | BOOK
            ничего не болит                            | -
            уже не болит                               | -
            без боли можно?                            | INFO
            а отбеливание это больно?                  | INFO
            будет больно?                              | INFO
            сдать анализ крови                         | -
            выпал снег                                 | -
            вы сегодня работаете?                      | INFO
            отмените запись на сегодня                 | CANCEL
            завтра в 15                                | BOOK
            на этой неделе                             | BOOK
            на следующей неделе                        | BOOK
            спасибо                                    | OTHER
            хочу записаться на чистку                  | BOOK
            """)
    void notUrgent(String text, Intent intent) {
        assertThat(urgency(text, intent)).isEqualTo(Urgency.NOT_URGENT);
    }

    @Test
    void aComplaintStaysUrgentEvenWhenTheClientSaysItCanWait() {
        assertThat(urgency("не срочно, но мастер нахамил", Intent.COMPLAINT)).isEqualTo(new Urgency(true, "жалоба"));
    }

    @Test
    void painComesBeforeTheOtherReasons() {
        assertThat(urgency("срочно! болит зуб, можно сегодня?", Intent.BOOK)).isEqualTo(new Urgency(true, "боль"));
        assertThat(urgency("срочно, можно сегодня?", Intent.BOOK)).isEqualTo(new Urgency(true, "срочно"));
        assertThat(urgency("сегодня можно? ужасно обслужили в прошлый раз", Intent.COMPLAINT))
                .isEqualTo(new Urgency(true, "жалоба"));
    }

    @Test
    void withinFourHoursCountsAcrossMidnight() {
        ZonedDateTime lateEvening = ZonedDateTime.of(2026, 11, 25, 23, 0, 0, 0, TestTenants.MOSCOW);
        Extraction e = extractor.extract("через 2 часа", TestTenants.SALON, lateEvening);
        assertThat(Urgency.of("через 2 часа", Intent.BOOK, e, lateEvening)).isEqualTo(new Urgency(true, "сегодня"));
        e = extractor.extract("завтра вечером", TestTenants.SALON, lateEvening);
        assertThat(Urgency.of("завтра вечером", Intent.BOOK, e, lateEvening).urgent()).isFalse();
    }

    @Test
    void nullTextAndNoExtractionAreNotUrgent() {
        assertThat(Urgency.of(null, null, null, TestTenants.WEDNESDAY)).isEqualTo(Urgency.NOT_URGENT);
    }
}
