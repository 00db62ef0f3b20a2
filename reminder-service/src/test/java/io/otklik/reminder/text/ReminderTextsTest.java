package io.otklik.reminder.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.data.Button;
import io.otklik.events.data.Template;
import io.otklik.platform.tenant.Tenant;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The Russian reminder text and the WhatsApp template, with days counted in the business's time zone. */
class ReminderTextsTest {

    static final Tenant.MessageTemplate APPROVED = new Tenant.MessageTemplate("appointment_reminder", "ru");

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** 26.11 15:00 in Moscow. */
    static final Instant STARTS = Instant.parse("2026-11-26T12:00:00Z");

    static ReminderTexts.Visit haircut(boolean confirmed) {
        return new ReminderTexts.Visit(STARTS, MOSCOW, "Стрижка", "Анна", "Иван", "salon", confirmed);
    }

    @Test
    void dayBeforeSaysTomorrowWithTheDate() {
        assertThat(ReminderTexts.text(haircut(false), Instant.parse("2026-11-25T12:01:00Z"))).isEqualTo(
                "Напоминаем: завтра, 26.11 в 15:00 вы записаны на «Стрижка», мастер Анна. Чтобы подтвердить, ответьте"
                        + " «Да» или нажмите «Подтвердить». Если планы изменились, ответьте «Перенести» или"
                        + " «Отменить».");
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
                + " Если планы изменились, ответьте «Перенести» или «Отменить».");
        assertThat(ReminderTexts.text(new ReminderTexts.Visit(STARTS, MOSCOW, "Консультация", "Доктор Петров", null,
                "clinic", false), Instant.parse("2026-11-25T12:00:00Z"))).contains(", специалист Доктор Петров.");
    }

    @Test
    void whatsAppTemplateCarriesNameLocalTimeAndService() {
        assertThat(ReminderTexts.whatsAppTemplate(haircut(false), APPROVED)).isEqualTo(
                new Template("appointment_reminder", "ru", java.util.List.of("Иван", "26.11 15:00", "Стрижка")));
        Template anonymous = ReminderTexts.whatsAppTemplate(new ReminderTexts.Visit(STARTS, MOSCOW, "Маникюр", null,
                " ", "salon", false), APPROVED);
        assertThat(anonymous.parameters()).containsExactly("клиент", "26.11 15:00", "Маникюр");
    }

    @Test
    void withoutAnApprovedReminderTemplateThereIsNoneAndTheNameAndLanguageAreTheTenants() {
        assertThat(ReminderTexts.whatsAppTemplate(haircut(false), null)).isNull();
        assertThat(ReminderTexts.whatsAppTemplate(haircut(false), new Tenant.MessageTemplate(" ", "ru"))).isNull();
        Template own = ReminderTexts.whatsAppTemplate(haircut(false), new Tenant.MessageTemplate("visit_soon", "kk"));
        assertThat(own.name()).isEqualTo("visit_soon");
        assertThat(own.language()).isEqualTo("kk");
    }

    @Test
    void anUnconfirmedVisitOffersConfirmRescheduleAndCancelButtons() {
        assertThat(ReminderTexts.buttons(haircut(false))).containsExactly(
                new Button("intent:CONFIRM", "Подтвердить"),
                new Button("intent:RESCHEDULE", "Перенести"),
                new Button("intent:CANCEL", "Отменить"));
    }

    @Test
    void aConfirmedVisitIsNotOfferedConfirmAgain() {
        assertThat(ReminderTexts.buttons(haircut(true))).containsExactly(
                new Button("intent:RESCHEDULE", "Перенести"),
                new Button("intent:CANCEL", "Отменить"));
        // every title fits WhatsApp's 20 characters and every id Telegram's 64 bytes
        assertThat(ReminderTexts.buttons(haircut(false))).allSatisfy(b -> {
            assertThat(b.title().length()).isLessThanOrEqualTo(20);
            assertThat(b.id().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
        });
    }

    @Test
    void theTenantsNoteEndsTheText() {
        String note = "Возьмите, пожалуйста, паспорт и полис ОМС или ДМС.";
        ReminderTexts.Visit visit = new ReminderTexts.Visit(STARTS, MOSCOW, "Чистка зубов", null, "Ольга", "clinic",
                false, " " + note + " ");
        assertThat(ReminderTexts.text(visit, Instant.parse("2026-11-25T12:00:00Z"))).isEqualTo(
                "Напоминаем: завтра, 26.11 в 15:00 вы записаны на «Чистка зубов». Чтобы подтвердить, ответьте «Да»"
                        + " или нажмите «Подтвердить». Если планы изменились, ответьте «Перенести» или «Отменить». "
                        + note);
        ReminderTexts.Visit confirmed = new ReminderTexts.Visit(STARTS, MOSCOW, "Чистка зубов", null, null, "clinic",
                true, note);
        assertThat(ReminderTexts.text(confirmed, Instant.parse("2026-11-25T12:00:00Z")))
                .endsWith("Ждём вас! Если планы изменились, ответьте «Перенести» или «Отменить». " + note);
        // without a note nothing is added; the WhatsApp template does not change with it
        assertThat(ReminderTexts.text(haircut(false), Instant.parse("2026-11-25T12:00:00Z")))
                .endsWith("«Отменить».");
        assertThat(ReminderTexts.whatsAppTemplate(visit, APPROVED).parameters())
                .containsExactly("Ольга", "26.11 15:00", "Чистка зубов");
    }
}
