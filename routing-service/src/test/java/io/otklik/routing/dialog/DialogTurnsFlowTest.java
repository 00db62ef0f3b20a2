package io.otklik.routing.dialog;

import static io.otklik.routing.Messages.SALON;
import static io.otklik.routing.Messages.classified;
import static io.otklik.routing.Messages.daysAhead;
import static io.otklik.routing.Messages.entities;
import static io.otklik.routing.dialog.DialogFlowTest.WAIT;
import static io.otklik.routing.dialog.DialogFlowTest.moscow;
import static io.otklik.routing.dialog.DialogFlowTest.replyTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.AppointmentBooked;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.Entities;
import io.otklik.events.data.MessageClassified;
import io.otklik.events.data.ReminderSent;
import io.otklik.routing.Messages.Client;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The dialog's multi-turn parts through the real broker and database: a reminder answered with "да" or "не смогу",
 * "2" after an offer (the offer is read back from the conversation), the phone asked on Telegram, a tenant's own
 * template from the templates directory.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_routing_test"))
class DialogTurnsFlowTest {

    static EventEnvelope<ReminderSent> reminder(AppointmentBooked a, String kind) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return EventEnvelope.of(EventTypes.REMINDER_SENT, "reminder-service", now, SALON, a.conversationId(),
                new ReminderSent(UUID.randomUUID(), a.appointmentId(), a.conversationId(), a.channel(), kind,
                        now, now, null));
    }

    /**
     * reminder_sent and message_classified are separate topics: in life the client answers a reminder after reading
     * it; here the test waits until routing has taken the reminder in (the admin API shows it).
     */
    static void awaitRemembered(String conversation, UUID appointment) {
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().header("X-Api-Key", "test-salon-key")
                .get("/api/v1/conversations/" + conversation).then().statusCode(200)
                .body("remindedAppointmentId", equalTo(appointment.toString())));
    }

    @Test
    void yesAfterAReminderConfirmsThatAppointmentAndCannotComeCancelsIt() {
        LocalDate day = daysAhead(4);
        Client vera = Client.whatsApp("Вера");
        String conversation = vera.conversationId();
        try (KafkaEvents.Listener booked = KafkaEvents.listen(EventTypes.APPOINTMENT_BOOKED.topic());
             KafkaEvents.Listener confirmed = KafkaEvents.listen(EventTypes.APPOINTMENT_CONFIRMED.topic());
             KafkaEvents.Listener cancelled = KafkaEvents.listen(EventTypes.APPOINTMENT_CANCELLED.topic());
             KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            EventEnvelope<MessageClassified> book = classified(SALON, vera, "Педикюр " + RussianText.date(day)
                    + " в 12:00", "BOOK", entities("pedicure", day, LocalTime.of(12, 0)));
            KafkaEvents.send(book, conversation);
            AppointmentBooked a = booked.await(EventTypes.APPOINTMENT_BOOKED,
                    e -> conversation.equals(e.data().conversationId()), WAIT).event().data();
            replyTo(replies, book);

            // reminder-service reminds her (the reminder itself went out as its own reply_requested)
            KafkaEvents.send(reminder(a, "before_24h"), conversation);
            awaitRemembered(conversation, a.appointmentId());
            // a greeting in between does not make the reminder forgotten
            EventEnvelope<MessageClassified> thanks = classified(SALON, vera, "Спасибо", "OTHER", Entities.none());
            KafkaEvents.send(thanks, conversation);
            replyTo(replies, thanks);
            EventEnvelope<MessageClassified> yes = classified(SALON, vera, "Да, буду", "CONFIRM", Entities.none());
            KafkaEvents.send(yes, conversation);
            var confirmation = confirmed.await(EventTypes.APPOINTMENT_CONFIRMED,
                    e -> e.data().appointmentId().equals(a.appointmentId()), WAIT);
            assertThat(confirmation.key()).isEqualTo(conversation);
            assertThat(confirmation.event().data().via()).isEqualTo("reminder_reply");
            assertThat(confirmation.event().data().startsAt()).isEqualTo(moscow(day, 12));
            assertThat(replyTo(replies, yes).text()).isEqualTo("Спасибо, что подтвердили! Ждём вас "
                    + RussianText.date(day) + " в 12:00.");

            // the 2-hour reminder, then "не смогу": that appointment is cancelled
            KafkaEvents.send(reminder(a, "before_2h"), conversation);
            awaitRemembered(conversation, a.appointmentId());
            EventEnvelope<MessageClassified> cannot = classified(SALON, vera, "Ой, не смогу прийти", "CANCEL",
                    Entities.none());
            KafkaEvents.send(cannot, conversation);
            var gone = cancelled.await(EventTypes.APPOINTMENT_CANCELLED,
                    e -> e.data().appointmentId().equals(a.appointmentId()), WAIT);
            assertThat(gone.event().data().reason()).isEqualTo("client_request");
            assertThat(replyTo(replies, cannot).text()).startsWith("Запись на " + RussianText.date(day)
                    + " в 12:00 отменена.");
        }
    }

    @Test
    void aBareNumberAfterAnOfferBooksThatSlot() {
        // a day no other test of this module books on (AdminApiTest takes daysAhead(6) at 10:00)
        LocalDate day = daysAhead(11);
        try (KafkaEvents.Listener booked = KafkaEvents.listen(EventTypes.APPOINTMENT_BOOKED.topic());
             KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            // two clients take 10:00 from both haircut specialists
            for (String name : new String[] {"Игорь", "Семён"}) {
                Client c = Client.whatsApp(name);
                KafkaEvents.send(classified(SALON, c, "стрижка в 10", "BOOK", entities("haircut", day,
                        LocalTime.of(10, 0))), c.conversationId());
                booked.await(EventTypes.APPOINTMENT_BOOKED, e -> c.conversationId().equals(e.data().conversationId()),
                        WAIT);
            }
            Client zoya = Client.whatsApp("Зоя");
            EventEnvelope<MessageClassified> want = classified(SALON, zoya, "Можно подстричься в 10?", "BOOK",
                    entities("haircut", day, LocalTime.of(10, 0)));
            KafkaEvents.send(want, zoya.conversationId());
            assertThat(replyTo(replies, want).text()).isEqualTo("На 10:00 свободных мастеров нет. Могу предложить"
                    + " 11:00, 12:00 или 13:00 — какое время удобно?");
            EventEnvelope<MessageClassified> two = classified(SALON, zoya, "2",
                    new io.otklik.events.data.Classification("OTHER", 0.35, false, true, Entities.none(), "m"));
            KafkaEvents.send(two, zoya.conversationId());
            AppointmentBooked a = booked.await(EventTypes.APPOINTMENT_BOOKED,
                    e -> zoya.conversationId().equals(e.data().conversationId()), WAIT).event().data();
            assertThat(a.startsAt()).isEqualTo(moscow(day, 12));
            assertThat(replyTo(replies, two).text()).contains("12:00", "Стрижка");
        }
    }

    @Test
    void onTelegramThePhoneIsAskedBeforeBookingAndTravelsWithTheBooking() {
        LocalDate day = daysAhead(7);
        Client kirill = Client.telegram("Кирилл");
        try (KafkaEvents.Listener booked = KafkaEvents.listen(EventTypes.APPOINTMENT_BOOKED.topic());
             KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            EventEnvelope<MessageClassified> want = classified(SALON, kirill, "Маникюр " + RussianText.date(day)
                    + " в 14:00", "BOOK", entities("manicure", day, LocalTime.of(14, 0)));
            KafkaEvents.send(want, kirill.conversationId());
            assertThat(replyTo(replies, want).text()).isEqualTo("«Маникюр» " + RussianText.dateWithWeekday(day)
                    + " в 14:00 — свободно. Чтобы записать вас, напишите, пожалуйста, номер телефона для связи.");
            EventEnvelope<MessageClassified> phone = classified(SALON, kirill, "8 916 777-12-34", "OTHER",
                    new Entities(null, null, null, "+79167771234", null));
            KafkaEvents.send(phone, kirill.conversationId());
            var booking = booked.await(EventTypes.APPOINTMENT_BOOKED,
                    e -> kirill.conversationId().equals(e.data().conversationId()), WAIT);
            assertThat(booking.event().data().startsAt()).isEqualTo(moscow(day, 14));
            assertThat(booking.event().data().channel()).isEqualTo(Channel.TELEGRAM);
            assertThat(booking.event().data().contact()).isEqualTo(new Contact(kirill.contact().channelUserId(),
                    "Кирилл", "+79167771234"));
            assertThat(replyTo(replies, phone).text()).startsWith("Готово! Записали вас на «Маникюр»");
        }
    }

    @Test
    void aTenantsOwnTemplateFromTheTemplatesDirectoryIsUsed() {
        Client c = new Client(UUID.randomUUID().toString(), new Contact("79220001122", "Павел", "+79220001122"),
                Channel.WHATSAPP, "106540352242999");
        try (KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            EventEnvelope<MessageClassified> hello = classified("demo-clinic", c, "Здравствуйте", "OTHER",
                    Entities.none());
            KafkaEvents.send(hello, c.conversationId());
            // src/test/resources/templates-override/demo-clinic/greeting.txt
            assertThat(replyTo(replies, hello).text()).isEqualTo("Добрый день! Стоматология «Улыбка»: запишем к"
                    + " врачу, подскажем цены и что взять с собой.");
        }
    }
}
