package io.otklik.reminder.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.data.Template;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The Russian reminder text and the WhatsApp template, with days counted in the business's time zone. */
class ReminderTextsTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** 26.11 15:00 in Moscow. */
    static final Instant STARTS = Instant.parse("2026-11-26T12:00:00Z");

    static ReminderTexts.Visit haircut(boolean confirmed) {
        return new ReminderTexts.Visit(STARTS, MOSCOW, "Стрижка", "Анна", "Иван", "salon", confirmed);
    }

    @Test
    void dayBeforeSaysTomorrowWithTheDate() {
        assertThat(ReminderTexts.text(haircut(false), Instant.parse("2026-11-25T12:01:00Z"))).isEqualTo(
                "Напоминаем: завтра, 26.11 в 15:00 вы записаны на «Стрижка», мастер Анна. Ответьте «Да», чтобы"
                        + " подтвердить, или напишите, если планы изменились.");
    }

    @Test
    void sameDaySaysToday() {
        assertThat(ReminderTexts.text(haircut(false), Instant.parse("2026-11-26T10:00:00Z")))
                .startsWith("Напоминаем: сегодня в 15:00 вы записаны на «Стрижка», мастер Анна.");
    }

    @Test
    void furtherAheadSaysTheDate() {
        assertThat(ReminderTexts.text(haircut(false), Instant.parse("2026-11-23T09:00:00Z")))
                .startsWith("Напоминаем: 26.11 в 15:00 вы записаны");
    }

    @Test
    void theDayIsCountedInTheTenantsZoneNotInUtc() {
        ZoneId yekaterinburg = ZoneId.of("Asia/Yekaterinburg"); // UTC+5
        Instant startsAt = Instant.parse("2026-11-26T19:30:00Z"); // 27.11 00:30 local, still 26.11 in UTC
        Instant now = Instant.parse("2026-11-26T18:00:00Z"); // 26.11 23:00 local
        assertThat(ReminderTexts.when(startsAt, yekaterinburg, now)).isEqualTo("завтра, 27.11 в 00:30");
        assertThat(ReminderTexts.when(startsAt, yekaterinburg, Instant.parse("2026-11-26T19:05:00Z")))
                .isEqualTo("сегодня в 00:30");
    }

    @Test
    void aConfirmedClientIsNotAskedToConfirmAgainAndStaffIsOptional() {
        String text = ReminderTexts.text(new ReminderTexts.Visit(STARTS, MOSCOW, "Чистка зубов", null, null, "clinic",
                true), Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(text).isEqualTo("Напоминаем: завтра, 26.11 в 15:00 вы записаны на «Чистка зубов». Ждём вас!"
                + " Если планы изменились, напишите нам.");
        assertThat(ReminderTexts.text(new ReminderTexts.Visit(STARTS, MOSCOW, "Консультация", "Доктор Петров", null,
                "clinic", false), Instant.parse("2026-11-25T12:00:00Z"))).contains(", специалист Доктор Петров.");
    }

    @Test
    void whatsAppTemplateCarriesNameLocalTimeAndService() {
        assertThat(ReminderTexts.whatsAppTemplate(haircut(false))).isEqualTo(
                new Template("appointment_reminder", "ru", java.util.List.of("Иван", "26.11 15:00", "Стрижка")));
        Template anonymous = ReminderTexts.whatsAppTemplate(new ReminderTexts.Visit(STARTS, MOSCOW, "Маникюр", null,
                " ", "salon", false));
        assertThat(anonymous.parameters()).containsExactly("клиент", "26.11 15:00", "Маникюр");
    }
}
