package io.otklik.e2e;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** What the fakes must receive, written out independently of the services' code. */
final class Expectations {

    private static final Map<DayOfWeek, String> WEEKDAYS = Map.of(DayOfWeek.MONDAY, "пн", DayOfWeek.TUESDAY, "вт",
            DayOfWeek.WEDNESDAY, "ср", DayOfWeek.THURSDAY, "чт", DayOfWeek.FRIDAY, "пт", DayOfWeek.SATURDAY, "сб",
            DayOfWeek.SUNDAY, "вс");

    private Expectations() {
    }

    /**
     * routing-service's answer to a booked slot at the demo salon in one variant of its confirm-wording experiment
     * (tenants.yaml): A keeps the bundled text, B asks for the confirmation its own way.
     */
    static String bookedText(String arm, String service, LocalDate date, String time, String master, int price) {
        return bookedStart(service, date, time, master, price) + (arm.equals("A")
                ? "Подтвердите, пожалуйста, ответом «Да»."
                : "Если время подходит, ответьте «Да» — и мы будем вас ждать.");
    }

    private static String bookedStart(String service, LocalDate date, String time, String master, int price) {
        return "Готово! Записали вас на «" + service + "» " + date.format(DateTimeFormatter.ofPattern("dd.MM"))
                + " (" + WEEKDAYS.get(date.getDayOfWeek()) + ") в " + time + ", мастер " + master + ". Стоимость "
                + price + " ₽. ";
    }

    /**
     * crm-sync-service's crm.lead.add for a new WhatsApp client booked for a haircut at 15:00, without the Lead
     * Quality Score field (its value is routing's business, checked apart).
     */
    static String bitrixLeadAdd(String leadId, String name, String phone, LocalDate date) {
        return """
                {"fields":{"TITLE":"Стрижка — WhatsApp","NAME":"%s",
                  "PHONE":[{"VALUE":"%s","VALUE_TYPE":"WORK"}],
                  "SOURCE_ID":"OTHER","SOURCE_DESCRIPTION":"Отклик: WhatsApp",
                  "COMMENTS":"Запись: Стрижка %s 15:00; WhatsApp; клиент новый",
                  "ORIGINATOR_ID":"otklik","ORIGIN_ID":"%s"},
                 "params":{"REGISTER_SONET_EVENT":"Y"}}""".formatted(name, phone,
                date.format(DateTimeFormatter.ofPattern("dd.MM")), leadId);
    }
}
