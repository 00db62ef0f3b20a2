package io.otklik.routing.experiment;

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
import io.otklik.events.data.ReplyRequested;
import io.otklik.routing.Messages;
import io.otklik.routing.Messages.Client;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A/B script variants end to end on the real broker and database: a salon (src/test/resources/tenants-experiments.yaml)
 * runs {@code confirm-wording}, whose variant B replaces the greeting and the booking text. Conversations in either
 * arm get exactly their arm's texts, keep the arm over every turn, and every event of the conversation — including an
 * admin-API cancellation — names the arm.
 */
@QuarkusTest
@TestProfile(ExperimentsFlowTest.WithExperiments.class)
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_routing_test"))
class ExperimentsFlowTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String TENANT = "test-ab";
    static final String ACCOUNT = "106540352299001";
    static final String KEY = "test-ab-key";
    static final String EXPERIMENT = "confirm-wording";

    /** The routing tests' settings with the experiments' tenants file. */
    public static class WithExperiments implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("otklik.tenants.file", "src/test/resources/tenants-experiments.yaml",
                    "OTKLIK_TEST_AB_API_KEY", KEY);
        }
    }

    private static final Map<DayOfWeek, String> WEEKDAYS = Map.of(DayOfWeek.MONDAY, "пн", DayOfWeek.TUESDAY, "вт",
            DayOfWeek.WEDNESDAY, "ср", DayOfWeek.THURSDAY, "чт", DayOfWeek.FRIDAY, "пт", DayOfWeek.SATURDAY, "сб",
            DayOfWeek.SUNDAY, "вс");

    /** The arm written out independently of the code: SHA-256("confirm-wording:" + id), 8 bytes, mod 1 + 1. */
    static String armOf(String conversationId) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256")
                .digest((EXPERIMENT + ":" + conversationId).getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (d[i] & 0xff);
        }
        return Long.remainderUnsigned(h, 2) == 0 ? "A" : "B";
    }

    static String greeting(String arm) {
        return arm.equals("A")
                ? "Здравствуйте! Вас приветствует Салон «Проба». Могу записать вас на услугу или подсказать цены. Чем"
                + " помочь?"
                : "Добрый день! Это Салон «Проба». Подскажу цены или запишу — что вам удобнее?";
    }

    static String booked(String arm, LocalDate day, int hour) {
        String when = day.format(DateTimeFormatter.ofPattern("dd.MM")) + " (" + WEEKDAYS.get(day.getDayOfWeek())
                + ") в " + hour + ":00";
        return arm.equals("A")
                ? "Готово! Записали вас на «Стрижка» " + when + ", мастер Анна. Стоимость 1500 ₽. Подтвердите,"
                + " пожалуйста, ответом «Да»."
                : "Записали вас на «Стрижка» " + when + ", мастер Анна. Если время подходит, ответьте «Да» — и мы"
                + " будем вас ждать.";
    }

    static Client client() {
        String waId = "7915" + (1_000_000 + (long) (Math.random() * 8_999_999));
        return new Client(UUID.randomUUID().toString(), new Contact(waId, "Клиент", "+" + waId), Channel.WHATSAPP,
                ACCOUNT);
    }

    static ReplyRequested replyTo(KafkaEvents.Listener replies, EventEnvelope<MessageClassified> in) {
        return replies.await(EventTypes.REPLY_REQUESTED,
                e -> in.data().message().messageId().equals(e.data().inReplyTo()), WAIT).event().data();
    }

    @Test
    void eachConversationGetsItsArmsTextsAndEveryEventNamesTheArm() throws Exception {
        // two conversations in each arm
        List<Client> clients = new ArrayList<>();
        List<String> arms = new ArrayList<>();
        int a = 0;
        int b = 0;
        while (a < 2 || b < 2) {
            Client c = client();
            String arm = armOf(c.conversationId());
            if (arm.equals("A") ? a++ < 2 : b++ < 2) {
                clients.add(c);
                arms.add(arm);
            }
        }
        LocalDate day = Messages.daysAhead(4);

        try (KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic());
             KafkaEvents.Listener leads = KafkaEvents.listen(EventTypes.LEAD_CREATED.topic());
             KafkaEvents.Listener booked = KafkaEvents.listen(EventTypes.APPOINTMENT_BOOKED.topic());
             KafkaEvents.Listener confirmed = KafkaEvents.listen(EventTypes.APPOINTMENT_CONFIRMED.topic());
             KafkaEvents.Listener cancelled = KafkaEvents.listen(EventTypes.APPOINTMENT_CANCELLED.topic());
             KafkaEvents.Listener handoffs = KafkaEvents.listen(EventTypes.HANDOFF_REQUESTED.topic())) {
            for (int i = 0; i < clients.size(); i++) {
                Client c = clients.get(i);
                String arm = arms.get(i);
                Map<String, String> variants = Map.of(EXPERIMENT, arm);
                String conversation = c.conversationId();
                int hour = 10 + i;

                EventEnvelope<MessageClassified> hello = Messages.classified(TENANT, c, "Здравствуйте", "OTHER",
                        Entities.none());
                KafkaEvents.send(hello, conversation);
                ReplyRequested greeting = replyTo(replies, hello);
                assertThat(greeting.text()).as(arm).isEqualTo(greeting(arm));
                assertThat(greeting.variants()).isEqualTo(variants);

                EventEnvelope<MessageClassified> book = Messages.classified(TENANT, c,
                        "Запишите на стрижку в " + hour + ":00", "BOOK",
                        Messages.entities("haircut", day, LocalTime.of(hour, 0)));
                KafkaEvents.send(book, conversation);
                ReplyRequested bookedReply = replyTo(replies, book);
                assertThat(bookedReply.text()).as(arm).isEqualTo(booked(arm, day, hour));
                assertThat(bookedReply.variants()).isEqualTo(variants);
                assertThat(leads.await(EventTypes.LEAD_CREATED, e -> conversation.equals(e.data().conversationId()),
                        WAIT).event().data().variants()).isEqualTo(variants);
                AppointmentBooked appointment = booked.await(EventTypes.APPOINTMENT_BOOKED,
                        e -> conversation.equals(e.data().conversationId()), WAIT).event().data();
                assertThat(appointment.variants()).isEqualTo(variants);

                // the next turn keeps the arm
                EventEnvelope<MessageClassified> yes = Messages.classified(TENANT, c, "да", "CONFIRM",
                        Entities.none());
                KafkaEvents.send(yes, conversation);
                ReplyRequested thanks = replyTo(replies, yes);
                assertThat(thanks.text()).startsWith("Спасибо, запись подтверждена!");
                assertThat(thanks.variants()).isEqualTo(variants);
                assertThat(confirmed.await(EventTypes.APPOINTMENT_CONFIRMED,
                        e -> appointment.appointmentId().equals(e.data().appointmentId()), WAIT).event().data()
                        .variants()).isEqualTo(variants);

                // staff cancel it through the admin API: the event names the conversation's arm too
                given().header("X-Api-Key", KEY).post("/api/v1/appointments/" + appointment.appointmentId()
                        + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
                var cancel = cancelled.await(EventTypes.APPOINTMENT_CANCELLED,
                        e -> appointment.appointmentId().equals(e.data().appointmentId()), WAIT).event().data();
                assertThat(cancel.reason()).isEqualTo("staff");
                assertThat(cancel.variants()).isEqualTo(variants);

                EventEnvelope<MessageClassified> complaint = Messages.classified(TENANT, c,
                        "Почему отменили?! Я недовольна", "COMPLAINT", Entities.none());
                KafkaEvents.send(complaint, conversation);
                assertThat(handoffs.await(EventTypes.HANDOFF_REQUESTED,
                        e -> conversation.equals(e.data().conversationId()), WAIT).event().data().variants())
                        .isEqualTo(variants);
                assertThat(replyTo(replies, complaint).variants()).isEqualTo(variants);
            }
        }
        assertThat(arms).containsExactlyInAnyOrder("A", "A", "B", "B");
    }
}
