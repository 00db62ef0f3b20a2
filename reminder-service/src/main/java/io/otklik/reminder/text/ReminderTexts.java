package io.otklik.reminder.text;

import io.otklik.events.data.Button;
import io.otklik.events.data.Template;
import io.otklik.platform.tenant.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What a reminder says to the client (Russian), with local dates and times in the business's time zone. */
public final class ReminderTexts {


    /** Button ids nlu-service reads as that intent with full confidence. */
    public static final Button CONFIRM = new Button("intent:CONFIRM", "Подтвердить");
    public static final Button RESCHEDULE = new Button("intent:RESCHEDULE", "Перенести");
    public static final Button CANCEL = new Button("intent:CANCEL", "Отменить");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private ReminderTexts() {
    }

    /**
     * The visit as the client should hear about it.
     *
     * @param zone       the time zone the client and the business live in
     * @param staffName  the specialist, if one was chosen
     * @param clientName the name the client gave, if any
     * @param segment    the tenant's segment (salon, clinic, fitness, services): decides "мастер" or "тренер"
     * @param confirmed  the client already confirmed, so the reminder does not ask again
     * @param note       the tenant's {@code reminders.note} added at the end (a clinic's "bring your passport"), if any
     */
    public record Visit(Instant startsAt, ZoneId zone, String serviceName, String staffName, String clientName,
                        String segment, boolean confirmed, String note) {

        /** Without a tenant note. */
        public Visit(Instant startsAt, ZoneId zone, String serviceName, String staffName, String clientName,
                     String segment, boolean confirmed) {
            this(startsAt, zone, serviceName, staffName, clientName, segment, confirmed, null);
        }
    }

    /**
     * "Напоминаем: завтра, 26.11 в 15:00 вы записаны на «Стрижка», мастер Анна. Чтобы подтвердить, ответьте «Да»
     * или нажмите «Подтвердить». Если планы изменились, ответьте «Перенести» или «Отменить»." and the tenant's note.
     * The words work typed as well as pressed, since an SMS fallback carries no buttons.
     */
    public static String text(Visit visit, Instant now) {
        StringBuilder text = new StringBuilder("Напоминаем: ")
                .append(when(visit.startsAt(), visit.zone(), now))
                .append(" вы записаны");
        if (present(visit.serviceName())) {
            text.append(" на «").append(visit.serviceName().strip()).append('»');
        }
        if (present(visit.staffName())) {
            text.append(", ").append(role(visit.segment())).append(' ').append(visit.staffName().strip());
        }
        text.append(". ");
        text.append(visit.confirmed()
                ? "Ждём вас! Если планы изменились, ответьте «Перенести» или «Отменить»."
                : "Чтобы подтвердить, ответьте «Да» или нажмите «Подтвердить». Если планы изменились, ответьте"
                        + " «Перенести» или «Отменить».");
        if (present(visit.note())) {
            text.append(' ').append(visit.note().strip());
        }
        return text.toString();
    }

    /**
     * The quick replies offered with the reminder: «Подтвердить» while the visit is not confirmed, then «Перенести»
     * and «Отменить» (three at most, as WhatsApp allows).
     */
    public static List<Button> buttons(Visit visit) {
        return visit.confirmed() ? List.of(RESCHEDULE, CANCEL) : List.of(CONFIRM, RESCHEDULE, CANCEL);
    }

    /** "сегодня в 15:00", "завтра, 26.11 в 15:00" or "26.11 в 15:00", the day counted in the visit's zone. */
    public static String when(Instant startsAt, ZoneId zone, Instant now) {
        ZonedDateTime local = startsAt.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        String time = local.format(TIME);
        LocalDate day = local.toLocalDate();
        if (day.equals(today)) {
            return "сегодня в " + time;
        }
        if (day.equals(today.plusDays(1))) {
            return "завтра, " + local.format(DATE) + " в " + time;
        }
        return local.format(DATE) + " в " + time;
    }

    /**
     * The template WhatsApp needs outside the 24-hour customer-service window, which a reminder usually is: the
     * tenant's approved reminder template ({@code channels.whatsapp.reminderTemplate}, e.g. {@code
     * appointment_reminder} in ru) with the client's name (or "клиент"), "26.11 15:00" and the service. Null when
     * the tenant has approved none: ingest-service then takes the tenant's reply template, else the SMS fallback.
     */
    public static Template whatsAppTemplate(Visit visit, Tenant.MessageTemplate approved) {
        if (approved == null || approved.name() == null || approved.name().isBlank()) {
            return null;
        }
        ZonedDateTime local = visit.startsAt().atZone(visit.zone());
        String name = present(visit.clientName()) ? visit.clientName().strip() : "клиент";
        String service = present(visit.serviceName()) ? visit.serviceName().strip() : "визит";
        return new Template(approved.name(), approved.language() == null ? "ru" : approved.language(),
                List.of(name, local.format(DATE) + " " + local.format(TIME), service));
    }

    /** The word before the staff member's name for the tenant's segment: мастер, тренер or специалист. */
    public static String role(String segment) {
        if ("salon".equals(segment)) {
            return "мастер";
        }
        if ("fitness".equals(segment)) {
            return "тренер";
        }
        return "специалист";
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
