package io.otklik.routing.dialog;

import static io.otklik.routing.Messages.SALON;
import static io.otklik.routing.Messages.classified;
import static io.otklik.routing.Messages.daysAhead;
import static io.otklik.routing.Messages.entities;
import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.AppointmentBooked;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Classification;
import io.otklik.events.data.Entities;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.MessageClassified;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplyRequested;
import io.otklik.routing.Messages;
import io.otklik.routing.Messages.Client;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * message_classified in, the dialog's events out, against the real broker and database: booking, confirmation,
 * specialists running out, redelivery, complaints, rescheduling, cancelling, repeat clients and poison messages.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_routing_test"))
class DialogFlowTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    static Instant moscow(LocalDate day, int hour) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), Messages.MOSCOW).toInstant();
    }

    static String ddMM(LocalDate day) {
        return RussianText.date(day);
    }

    /** The reply to one inbound message, checked against the message it answers. */
    static ReplyRequested replyTo(KafkaEvents.Listener replies, EventEnvelope<MessageClassified> in) {
        var received = replies.await(EventTypes.REPLY_REQUESTED,
                e -> in.data().message().messageId().equals(e.data().inReplyTo()), WAIT);
        ReplyRequested r = received.event().data();
        String conversation = in.data().message().conversationId();
        assertThat(received.key()).isEqualTo(conversation);
        assertThat(received.event().subject()).isEqualTo(conversation);
        assertThat(received.event().source()).isEqualTo("routing-service");
        assertThat(received.event().tenantId()).isEqualTo(in.tenantId());
        assertThat(r.conversationId()).isEqualTo(conversation);
        assertThat(r.kind()).isEqualTo(ReplyKind.ANSWER);
        assertThat(r.channel()).isEqualTo(in.data().message().channel());
        assertThat(r.channelAccountId()).isEqualTo(in.data().message().channelAccountId());
        assertThat(r.recipient()).isEqualTo(in.data().message().contact());
        assertThat(r.inboundReceivedAt()).isEqualTo(in.data().message().receivedAt());
        return r;
    }

    @Test
    void bookingLeadConfirmationSpecialistsRunningOutAndRedelivery() {
        LocalDate day = daysAhead(3);
        Client ivan = Client.whatsApp("Иван");
        EventEnvelope<MessageClassified> booking = classified(SALON, ivan,
                "Хочу записаться на стрижку " + ddMM(day) + " в 15:00", "BOOK",
                entities("haircut", day, LocalTime.of(15, 0)));
        String conversation = ivan.conversationId();

        try (KafkaEvents.Listener leads = KafkaEvents.listen(EventTypes.LEAD_CREATED.topic());
             KafkaEvents.Listener routed = KafkaEvents.listen(EventTypes.LEAD_ROUTED.topic());
             KafkaEvents.Listener booked = KafkaEvents.listen(EventTypes.APPOINTMENT_BOOKED.topic());
             KafkaEvents.Listener confirmed = KafkaEvents.listen(EventTypes.APPOINTMENT_CONFIRMED.topic());
             KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            KafkaEvents.send(booking, conversation);

            var lead = leads.await(EventTypes.LEAD_CREATED, e -> e.data().conversationId().equals(conversation), WAIT);
            LeadCreated l = lead.event().data();
            assertThat(lead.key()).isEqualTo(conversation);
            assertThat(lead.event().subject()).isEqualTo(conversation);
            assertThat(l.clientId()).isNotBlank();
            assertThat(l.channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(l.contact()).isEqualTo(ivan.contact());
            assertThat(l.intent()).isEqualTo("BOOK");
            assertThat(l.summary()).isEqualTo("Запись: Стрижка " + ddMM(day) + " 15:00; WhatsApp; клиент новый");
            assertThat(l.urgent()).isFalse();
            assertThat(l.firstMessageAt()).isEqualTo(booking.data().message().receivedAt());
            assertThat(l.qualityScore()).isEqualTo(5);
            assertThat(l.qualitySignals()).containsExactly("intent", "phone", "service", "time");
            // the CRM lead's title names the service (crm-sync-service)
            assertThat(l.serviceCode()).isEqualTo("haircut");
            assertThat(l.serviceName()).isEqualTo("Стрижка");

            var route = routed.await(EventTypes.LEAD_ROUTED, e -> e.data().leadId().equals(l.leadId()), WAIT);
            assertThat(route.key()).isEqualTo(conversation);
            // seed 004's first branch: a WhatsApp request answered within 5 minutes → the on-duty manager; the bot
            // still answers and books at once
            assertThat(route.event().data().assignee()).isEqualTo(Messages.salonOnDutyNow()[0]);
            assertThat(route.event().data().assigneeRole()).isEqualTo("on-duty");
            assertThat(route.event().data().ruleId()).isEqualTo("rule-1");
            assertThat(route.event().data().priority()).isEqualTo("P2");

            var appointment = booked.await(EventTypes.APPOINTMENT_BOOKED,
                    e -> conversation.equals(e.data().conversationId()), WAIT);
            AppointmentBooked a = appointment.event().data();
            assertThat(appointment.key()).isEqualTo(conversation);
            assertThat(appointment.event().subject()).isEqualTo(conversation);
            assertThat(a.startsAt()).isEqualTo(moscow(day, 15));
            assertThat(a.endsAt()).isEqualTo(moscow(day, 16));
            assertThat(a.staffId()).isIn("anna", "katya");
            assertThat(a.staffName()).isEqualTo(a.staffId().equals("anna") ? "Анна" : "Екатерина");
            assertThat(a.serviceCode()).isEqualTo("haircut");
            assertThat(a.serviceName()).isEqualTo("Стрижка");
            assertThat(a.timezone()).isEqualTo("Europe/Moscow");
            assertThat(a.leadId()).isEqualTo(l.leadId());
            assertThat(a.clientId()).isEqualTo(l.clientId());
            assertThat(a.channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(a.channelAccountId()).isEqualTo(Messages.SALON_WHATSAPP);
            assertThat(a.contact()).isEqualTo(ivan.contact());

            ReplyRequested reply = replyTo(replies, booking);
            assertThat(reply.text()).contains("15:00", "Стрижка");
            // the demo salon's confirm-wording experiment (tenants.yaml): B asks for the confirmation its own way
            String arm = reply.variants().get("confirm-wording");
            assertThat(arm).isIn("A", "B");
            assertThat(a.variants()).isEqualTo(reply.variants());
            assertThat(l.variants()).isEqualTo(reply.variants());
            assertThat(reply.text()).isEqualTo("Готово! Записали вас на «Стрижка» "
                    + RussianText.dateWithWeekday(day) + " в 15:00, мастер " + a.staffName()
                    + ". Стоимость 1500 ₽. " + (arm.equals("A") ? "Подтвердите, пожалуйста, ответом «Да»."
                    : "Если время подходит, ответьте «Да» — и мы будем вас ждать."));

            // "да" confirms the appointment
            EventEnvelope<MessageClassified> yes = classified(SALON, ivan, "да", "CONFIRM", Entities.none());
            KafkaEvents.send(yes, conversation);
            var confirmation = confirmed.await(EventTypes.APPOINTMENT_CONFIRMED,
                    e -> e.data().appointmentId().equals(a.appointmentId()), WAIT);
            assertThat(confirmation.key()).isEqualTo(conversation);
            assertThat(confirmation.event().data().via()).isEqualTo("client_reply");
            assertThat(confirmation.event().data().startsAt()).isEqualTo(a.startsAt());
            assertThat(confirmation.event().data().leadId()).isEqualTo(l.leadId());
            assertThat(replyTo(replies, yes).text())
                    .isEqualTo("Спасибо, запись подтверждена! Ждём вас " + ddMM(day) + " в 15:00.");

            // two more clients want the same slot: the second specialist takes one, the third gets alternatives
            Client petr = Client.whatsApp("Пётр");
            EventEnvelope<MessageClassified> second = classified(SALON, petr, "Хочу подстричься в 15:00", "BOOK",
                    entities("haircut", day, LocalTime.of(15, 0)));
            KafkaEvents.send(second, petr.conversationId());
            var other = booked.await(EventTypes.APPOINTMENT_BOOKED,
                    e -> petr.conversationId().equals(e.data().conversationId()), WAIT);
            assertThat(other.event().data().staffId()).isIn("anna", "katya").isNotEqualTo(a.staffId());
            assertThat(other.event().data().startsAt()).isEqualTo(a.startsAt());
            replyTo(replies, second);

            Client dmitry = Client.whatsApp("Дмитрий");
            EventEnvelope<MessageClassified> third = classified(SALON, dmitry, "Хочу на стрижку в 15:00", "BOOK",
                    entities("haircut", day, LocalTime.of(15, 0)));
            KafkaEvents.send(third, dmitry.conversationId());
            assertThat(replyTo(replies, third).text()).isEqualTo("На 15:00 свободных мастеров нет. Могу предложить"
                    + " 16:00, 17:00 или 18:00 — какое время удобно?");

            // "Давайте в 16:00" — just a time — books the offered slot
            EventEnvelope<MessageClassified> sixteen = classified(SALON, dmitry, "Давайте в 16:00", "OTHER",
                    entities(null, null, LocalTime.of(16, 0)));
            KafkaEvents.send(sixteen, dmitry.conversationId());
            var later = booked.await(EventTypes.APPOINTMENT_BOOKED,
                    e -> dmitry.conversationId().equals(e.data().conversationId()), WAIT);
            assertThat(later.event().data().startsAt()).isEqualTo(moscow(day, 16));
            assertThat(replyTo(replies, sixteen).text()).contains("16:00", "Стрижка");
            assertThat(booked.drain(Duration.ZERO)).filteredOn(json -> json.contains(dmitry.conversationId()))
                    .as("the refused request booked nothing").hasSize(1);

            // the first event again (same envelope id): nothing changes, nothing is sent
            KafkaEvents.send(booking, conversation);
            EventEnvelope<MessageClassified> marker = classified(SALON, ivan, "Привет", "OTHER", Entities.none());
            KafkaEvents.send(marker, conversation);
            replyTo(replies, marker); // same key, same partition: the redelivery was handled before it
            String firstMessage = booking.data().message().messageId().toString();
            assertThat(replies.drain(Duration.ofMillis(500)))
                    .filteredOn(json -> json.contains(firstMessage)).hasSize(1);
            assertThat(leads.drain(Duration.ZERO)).filteredOn(json -> json.contains(conversation)).hasSize(1);
            assertThat(booked.drain(Duration.ZERO)).filteredOn(json -> json.contains(conversation)).hasSize(1);
        }
    }

    @Test
    void complaintAndUrgentMessagesAreHandedToThePeopleTheirRulesName() {
        Client svetlana = Client.whatsApp("Светлана");
        Client sergey = Client.whatsApp("Сергей");
        try (KafkaEvents.Listener handoffs = KafkaEvents.listen(EventTypes.HANDOFF_REQUESTED.topic());
             KafkaEvents.Listener routed = KafkaEvents.listen(EventTypes.LEAD_ROUTED.topic());
             KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            EventEnvelope<MessageClassified> complaint = classified(SALON, svetlana,
                    "Вчера мне испортили стрижку, я очень недовольна!", "COMPLAINT", Entities.none());
            KafkaEvents.send(complaint, svetlana.conversationId());
            var handoff = handoffs.await(EventTypes.HANDOFF_REQUESTED,
                    e -> e.data().conversationId().equals(svetlana.conversationId()), WAIT);
            assertThat(handoff.key()).isEqualTo(svetlana.conversationId());
            assertThat(handoff.event().data().staffId()).isEqualTo("olga");
            assertThat(handoff.event().data().staffRole()).isEqualTo("owner");
            assertThat(handoff.event().data().telegramChatId()).isEqualTo("100200300");
            assertThat(handoff.event().data().urgent()).isFalse();
            List<String> summary = handoff.event().data().summary().lines().toList();
            assertThat(summary).hasSize(5);
            assertThat(summary.get(0)).isEqualTo("Кто: Светлана, " + svetlana.contact().phone() + " (новый)");
            assertThat(summary.get(1)).isEqualTo("Что: Жалоба — жалоба клиента");
            assertThat(summary.get(2)).startsWith("Когда: " + java.time.format.DateTimeFormatter.ofPattern(
                    "dd.MM HH:mm").format(complaint.data().message().receivedAt().atZone(Messages.MOSCOW))
                    + ", ждёт ответа ");
            assertThat(summary.get(3)).isEqualTo("Канал: WhatsApp");
            assertThat(summary.get(4)).isEqualTo("Последние сообщения: «Вчера мне испортили стрижку, я очень"
                    + " недовольна!»");
            // the lead is routed by the salon's rules (a fresh WhatsApp request: the on-duty manager), the
            // handoff by the dialog (a complaint: the owner)
            var route = routed.await(EventTypes.LEAD_ROUTED,
                    e -> e.data().leadId().equals(handoff.event().data().leadId()), WAIT);
            assertThat(route.event().data().assignee()).isEqualTo(Messages.salonOnDutyNow()[0]);
            assertThat(route.event().data().ruleId()).isEqualTo("rule-1");
            assertThat(replyTo(replies, complaint).text()).isEqualTo("Передал ваше обращение администратору Ольга —"
                    + " с вами свяжутся в ближайшее время.");

            EventEnvelope<MessageClassified> urgent = classified(SALON, sergey, "Срочно перезвоните!",
                    new Classification("OTHER", 0.7, true, false, Entities.none(), "test-model@1"));
            KafkaEvents.send(urgent, sergey.conversationId());
            var onDuty = handoffs.await(EventTypes.HANDOFF_REQUESTED,
                    e -> e.data().conversationId().equals(sergey.conversationId()), WAIT);
            // the rota: Марина 09:00–21:00 Moscow time, Ольга after hours
            String[] now = Messages.salonOnDutyNow();
            assertThat(onDuty.event().data().staffId()).isEqualTo(now[0]);
            assertThat(onDuty.event().data().staffRole()).isEqualTo("on-duty");
            assertThat(onDuty.event().data().telegramChatId()).isEqualTo(now[0].equals("marina") ? "100200301"
                    : "100200300");
            assertThat(onDuty.event().data().urgent()).isTrue();
            assertThat(routed.await(EventTypes.LEAD_ROUTED,
                    e -> e.data().leadId().equals(onDuty.event().data().leadId()), WAIT).event().data().ruleId())
                    .isEqualTo("rule-1");
            assertThat(replyTo(replies, urgent).text()).startsWith("Передал ваше обращение администратору " + now[1]);
        }
    }

    @Test
    void rescheduleAndCancelMoveAndFreeTheAppointmentAndARepeatClientIsRecognisedByPhone() {
        LocalDate day = daysAhead(5);
        Client olga = Client.whatsApp("Ольга");
        String conversation = olga.conversationId();
        try (KafkaEvents.Listener leads = KafkaEvents.listen(EventTypes.LEAD_CREATED.topic());
             KafkaEvents.Listener booked = KafkaEvents.listen(EventTypes.APPOINTMENT_BOOKED.topic());
             KafkaEvents.Listener moved = KafkaEvents.listen(EventTypes.APPOINTMENT_RESCHEDULED.topic());
             KafkaEvents.Listener cancelled = KafkaEvents.listen(EventTypes.APPOINTMENT_CANCELLED.topic());
             KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            // asked piece by piece: service first, then day and time
            EventEnvelope<MessageClassified> want = classified(SALON, olga, "Хочу на маникюр", "BOOK",
                    entities("manicure", null, null));
            KafkaEvents.send(want, conversation);
            assertThat(replyTo(replies, want).text()).isEqualTo("На какой день и время вам удобно?");
            EventEnvelope<MessageClassified> when = classified(SALON, olga, "в 11:00", "OTHER",
                    entities(null, day, LocalTime.of(11, 0)));
            KafkaEvents.send(when, conversation);
            AppointmentBooked a = booked.await(EventTypes.APPOINTMENT_BOOKED,
                    e -> conversation.equals(e.data().conversationId()), WAIT).event().data();
            assertThat(a.staffId()).isEqualTo("katya");
            assertThat(a.startsAt()).isEqualTo(moscow(day, 11));
            LeadCreated first = leads.await(EventTypes.LEAD_CREATED,
                    e -> e.data().conversationId().equals(conversation), WAIT).event().data();
            assertThat(first.summary()).isEqualTo("Запись: Маникюр; WhatsApp; клиент новый");

            EventEnvelope<MessageClassified> move = classified(SALON, olga, "Перенесите на 13:00", "RESCHEDULE",
                    entities(null, null, LocalTime.of(13, 0)));
            KafkaEvents.send(move, conversation);
            var rescheduled = moved.await(EventTypes.APPOINTMENT_RESCHEDULED,
                    e -> e.data().appointmentId().equals(a.appointmentId()), WAIT);
            assertThat(rescheduled.key()).isEqualTo(conversation);
            assertThat(rescheduled.event().data().previousStartsAt()).isEqualTo(moscow(day, 11));
            assertThat(rescheduled.event().data().startsAt()).isEqualTo(moscow(day, 13));
            assertThat(rescheduled.event().data().endsAt()).isEqualTo(moscow(day, 14));
            assertThat(rescheduled.event().data().leadId()).isEqualTo(first.leadId());
            assertThat(replyTo(replies, move).text()).isEqualTo("Готово! Перенесли вашу запись на «Маникюр» на "
                    + RussianText.dateWithWeekday(day) + " в 13:00, мастер Екатерина. Подтвердите, пожалуйста,"
                    + " ответом «Да».");

            EventEnvelope<MessageClassified> cancel = classified(SALON, olga, "Отмените, пожалуйста", "CANCEL",
                    Entities.none());
            KafkaEvents.send(cancel, conversation);
            var gone = cancelled.await(EventTypes.APPOINTMENT_CANCELLED,
                    e -> e.data().appointmentId().equals(a.appointmentId()), WAIT);
            assertThat(gone.key()).isEqualTo(conversation);
            assertThat(gone.event().data().startsAt()).isEqualTo(moscow(day, 13));
            assertThat(gone.event().data().cancelledAt()).isNotNull();
            assertThat(replyTo(replies, cancel).text()).isEqualTo("Запись на " + ddMM(day) + " в 13:00 отменена."
                    + " Если захотите выбрать другое время — напишите.");

            // the same person on Telegram, giving her phone in the text: the same client, now a repeat one
            Client telegram = Client.telegram("Ольга");
            EventEnvelope<MessageClassified> price = classified(SALON, telegram, "Сколько стоит маникюр? Мой номер "
                    + olga.contact().phone(), "PRICE", new Entities("manicure", null, null, olga.contact().phone(),
                    null));
            KafkaEvents.send(price, telegram.conversationId());
            LeadCreated again = leads.await(EventTypes.LEAD_CREATED,
                    e -> e.data().conversationId().equals(telegram.conversationId()), WAIT).event().data();
            assertThat(again.clientId()).isEqualTo(first.clientId());
            assertThat(again.summary()).isEqualTo("Вопрос о цене: Маникюр; Telegram; клиент повторный");
            assertThat(again.contact().phone()).isEqualTo(olga.contact().phone());
            assertThat(replyTo(replies, price).text()).isEqualTo("«Маникюр» — 1800 ₽, 60 мин. Записать вас?");
        }
    }

    @Test
    void unknownTenantIsSkippedAndAGreetingOpensNoLead() {
        Client client = Client.whatsApp("Аноним");
        try (KafkaEvents.Listener leads = KafkaEvents.listen(EventTypes.LEAD_CREATED.topic());
             KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            EventEnvelope<MessageClassified> stranger = classified("no-such-tenant", client, "Хочу стрижку",
                    "BOOK", entities("haircut", daysAhead(2), LocalTime.of(12, 0)));
            KafkaEvents.send(stranger, client.conversationId());
            EventEnvelope<MessageClassified> hello = classified(SALON, client, "Здравствуйте", "OTHER",
                    Entities.none());
            KafkaEvents.send(hello, client.conversationId());
            assertThat(replyTo(replies, hello).text()).isEqualTo("Здравствуйте! Вас приветствует Салон красоты «Лён»."
                    + " Могу записать вас на услугу или подсказать цены. Чем помочь?");
            String strangerId = stranger.data().message().messageId().toString();
            assertThat(replies.drain(Duration.ofMillis(500))).noneMatch(json -> json.contains(strangerId));
            assertThat(leads.drain(Duration.ZERO)).noneMatch(json -> json.contains(client.conversationId()));
        }
    }

    @Test
    void aMessageTheClassifierIsUnsureOfGoesToAPerson() {
        Client alina = Client.whatsApp("Алина");
        try (KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            EventEnvelope<MessageClassified> gibberish = classified(SALON, alina, "ывапролд",
                    new Classification("OTHER", 0.1, false, true, Entities.none(), "test-model@1"));
            KafkaEvents.send(gibberish, alina.conversationId());
            assertThat(replyTo(replies, gibberish).text()).isEqualTo("Передал ваше обращение администратору "
                    + Messages.salonOnDutyNow()[1] + " — с вами свяжутся в ближайшее время.");
        }
    }

    @Test
    void unreadableEventsGoToTheDeadLetterTopicWithTheReason() {
        try (KafkaEvents.Listener dlq = KafkaEvents.listen(EventTypes.MESSAGE_CLASSIFIED.deadLetterTopic())) {
            String marker = UUID.randomUUID().toString();
            KafkaEvents.sendRaw(EventTypes.MESSAGE_CLASSIFIED.topic(), marker, "{broken " + marker);
            var dead = dlq.awaitRaw(json -> json.contains(marker), WAIT);
            assertThat(dead.headers()).hasEntrySatisfying("dead-letter-reason",
                    reason -> assertThat(reason).contains("not JSON"));
            assertThat(dead.key()).isEqualTo(marker);

            // readable JSON of the right type but without the message: also a dead letter, with the reason
            String noMessage = """
                    {"id":"%s","type":"message_classified","source":"nlu-service","time":"2026-11-25T09:00:00Z",
                     "tenantId":"demo-salon","subject":"%s","schemaVersion":1,
                     "data":{"classification":{"intent":"OTHER","confidence":0.5,"urgent":false,"fallback":true,
                     "entities":{},"model":"m"}}}""".formatted(UUID.randomUUID(), marker + "-2");
            KafkaEvents.sendRaw(EventTypes.MESSAGE_CLASSIFIED.topic(), marker + "-2", noMessage);
            var missing = dlq.awaitRaw(json -> json.contains(marker + "-2"), WAIT);
            assertThat(missing.headers()).hasEntrySatisfying("dead-letter-reason",
                    reason -> assertThat(reason).contains("without message"));
        }
    }
}
