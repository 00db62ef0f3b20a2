package io.otklik.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Classification;
import io.otklik.events.data.MessageClassified;
import io.otklik.events.data.MessageReceived;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** message_received → classification row → message_classified, on the real broker and database. */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_nlu_test"))
class MessageClassificationTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @Test
    void aBookingIsClassifiedStoredAndAnnouncedOnceKeyedByConversation() {
        EventEnvelope<MessageReceived> event = Messages.received("demo-salon",
                "Здравствуйте! Хочу записаться на стрижку завтра в 15:00, мой номер +7 916 123-45-67",
                Messages.SALON_MORNING);
        MessageReceived message = event.data();
        try (KafkaEvents.Listener classified = KafkaEvents.listen(EventTypes.MESSAGE_CLASSIFIED.topic())) {
            KafkaEvents.send(event, message.conversationId());

            var received = classified.await(EventTypes.MESSAGE_CLASSIFIED,
                    e -> e.data().message().messageId().equals(message.messageId()), WAIT);
            MessageClassified data = received.event().data();
            Classification c = data.classification();
            assertThat(c.intent()).isEqualTo("BOOK");
            assertThat(c.fallback()).isFalse();
            assertThat(c.urgent()).isFalse();
            assertThat(c.confidence()).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
            assertThat(c.model()).as("the model version is recorded").matches("embedded-maxent-[0-9a-f]{10}");
            assertThat(c.alternatives()).hasSizeLessThanOrEqualTo(3).allSatisfy(a -> {
                assertThat(a.intent()).isNotEqualTo("BOOK");
                assertThat(a.confidence()).isLessThanOrEqualTo(c.confidence());
            });
            assertThat(c.entities().from()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
            assertThat(c.entities().service()).isEqualTo("haircut");
            assertThat(c.entities().date()).isEqualTo(LocalDate.of(2026, 11, 26));
            assertThat(c.entities().time()).isEqualTo(LocalTime.of(15, 0));
            assertThat(c.entities().phone()).isEqualTo("+79161234567");
            assertThat(data.message()).as("the message travels along unchanged").isEqualTo(message);
            assertThat(received.key()).isEqualTo(message.conversationId());
            assertThat(received.event().subject()).isEqualTo(message.conversationId());
            assertThat(received.event().tenantId()).isEqualTo("demo-salon");
            assertThat(received.event().source()).isEqualTo("nlu-service");
            assertThat(received.headers()).containsEntry("ce_type", "message_classified")
                    .containsEntry("ce_id", received.event().id().toString());

            List<List<Object>> rows = Messages.rows(jdbcUrl, dbUser, "select tenant_id, conversation_id, channel,"
                    + " text, intent, urgent, fallback, entities::text, model from classification"
                    + " where message_id = ?", message.messageId());
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).subList(0, 7)).containsExactly("demo-salon", message.conversationId(),
                    "WHATSAPP", message.text(), "BOOK", false, false);
            assertThat((String) rows.get(0).get(7)).as("entities stored as a JSON object")
                    .startsWith("{").contains("\"service\": \"haircut\"")
                    .contains("\"date\": \"2026-11-26\"").contains("\"time\": \"15:00:00\"")
                    .contains("\"phone\": \"+79161234567\"");
            assertThat(rows.get(0).get(8)).isEqualTo(c.model());
        }
    }

    @Test
    void aButtonThatNamesItsIntentIsThatIntentWhateverTheTitleSays() {
        // the title says «Перенести», the button id says CANCEL: the id wins
        EventEnvelope<MessageReceived> typed = Messages.received("demo-salon", "Перенести", Messages.SALON_MORNING);
        MessageReceived t = typed.data();
        EventEnvelope<MessageReceived> pressed = EventEnvelope.of(EventTypes.MESSAGE_RECEIVED, "ingest-service",
                typed.time(), "demo-salon", t.conversationId(), new MessageReceived(t.messageId(),
                        t.conversationId(), t.channel(), t.channelAccountId(), t.externalMessageId(), t.contact(),
                        "Перенести", t.sentAt(), t.receivedAt(), null, null, "button", List.of(), null,
                        "intent:CANCEL"));
        EventEnvelope<MessageReceived> unknown = Messages.received("demo-salon", "Да", Messages.SALON_MORNING);
        MessageReceived u = unknown.data();
        EventEnvelope<MessageReceived> otherButton = EventEnvelope.of(EventTypes.MESSAGE_RECEIVED, "ingest-service",
                unknown.time(), "demo-salon", u.conversationId(), new MessageReceived(u.messageId(),
                        u.conversationId(), u.channel(), u.channelAccountId(), u.externalMessageId(), u.contact(),
                        "Да", u.sentAt(), u.receivedAt(), null, null, "button", List.of(), null, "intent:DANCE"));
        try (KafkaEvents.Listener classified = KafkaEvents.listen(EventTypes.MESSAGE_CLASSIFIED.topic())) {
            KafkaEvents.send(pressed, t.conversationId());
            KafkaEvents.send(otherButton, u.conversationId());
            Classification c = classified.await(EventTypes.MESSAGE_CLASSIFIED,
                    e -> e.data().message().messageId().equals(t.messageId()), WAIT).event().data().classification();
            assertThat(c.intent()).isEqualTo("CANCEL");
            assertThat(c.confidence()).isEqualTo(1.0);
            assertThat(c.fallback()).isFalse();
            assertThat(c.model()).isEqualTo("button");
            Classification read = classified.await(EventTypes.MESSAGE_CLASSIFIED,
                    e -> e.data().message().messageId().equals(u.messageId()), WAIT).event().data().classification();
            assertThat(read.intent()).as("an id that names no intent: the title is read like text")
                    .isEqualTo("CONFIRM");
            assertThat(read.model()).matches("embedded-maxent-[0-9a-f]{10}");
        }
    }

    @Test
    void aRedeliveredEventOrARepublishedMessageIsNotClassifiedTwice() {
        EventEnvelope<MessageReceived> event = Messages.received("demo-salon", "Отмените мою запись на пятницу",
                Messages.SALON_MORNING);
        UUID messageId = event.data().messageId();
        try (KafkaEvents.Listener classified = KafkaEvents.listen(EventTypes.MESSAGE_CLASSIFIED.topic())) {
            KafkaEvents.send(event, event.subject());
            var first = classified.await(EventTypes.MESSAGE_CLASSIFIED,
                    e -> e.data().message().messageId().equals(messageId), WAIT);
            assertThat(first.event().data().classification().intent()).isEqualTo("CANCEL");
            assertThat(first.event().data().classification().entities().date()).isEqualTo(LocalDate.of(2026, 11, 27));

            // the same envelope again (a consumer restart), and the same message under a new event id
            KafkaEvents.send(event, event.subject());
            EventEnvelope<MessageReceived> republished = new EventEnvelope<>(UUID.randomUUID(), event.type(),
                    event.source(), Instant.now(), event.tenantId(), event.subject(), event.schemaVersion(),
                    event.data());
            KafkaEvents.send(republished, event.subject());
            // a later message on the same key shows the two duplicates were consumed before it
            EventEnvelope<MessageReceived> later = new EventEnvelope<>(UUID.randomUUID(), event.type(),
                    event.source(), Instant.now(), event.tenantId(), event.subject(), event.schemaVersion(),
                    new MessageReceived(UUID.randomUUID(), event.data().conversationId(), event.data().channel(),
                            event.data().channelAccountId(), "wamid." + UUID.randomUUID(), event.data().contact(),
                            "Да", event.data().sentAt(), event.data().receivedAt(), null));
            KafkaEvents.send(later, event.subject());
            classified.await(EventTypes.MESSAGE_CLASSIFIED,
                    e -> e.data().message().messageId().equals(later.data().messageId()), WAIT);

            assertThat(classified.drain(Duration.ofSeconds(2)))
                    .filteredOn(json -> json.contains(messageId.toString())).hasSize(1);
            assertThat(Messages.rows(jdbcUrl, dbUser, "select count(*) from classification where message_id = ?",
                    messageId)).containsExactly(List.of(1L));
        }
    }

    @Test
    void theTenantsTimeZoneDecidesWhatTomorrowIs() {
        // 20:30 UTC is 23:30 in Moscow but already 01:30 of the next day in Yekaterinburg.
        Instant lateEvening = Instant.parse("2026-11-25T20:30:00Z");
        EventEnvelope<MessageReceived> event = Messages.received("demo-clinic",
                "Болит зуб, хочу на осмотр завтра в 10 утра", lateEvening);
        try (KafkaEvents.Listener classified = KafkaEvents.listen(EventTypes.MESSAGE_CLASSIFIED.topic())) {
            KafkaEvents.send(event, event.subject());
            Classification c = classified.await(EventTypes.MESSAGE_CLASSIFIED,
                    e -> e.data().message().messageId().equals(event.data().messageId()), WAIT)
                    .event().data().classification();
            assertThat(c.intent()).isEqualTo("BOOK");
            assertThat(c.urgent()).isTrue();
            assertThat(c.urgencyReason()).isEqualTo("боль");
            assertThat(c.entities().service()).isEqualTo("consultation");
            assertThat(c.entities().date()).isEqualTo(LocalDate.of(2026, 11, 27));
            assertThat(c.entities().time()).isEqualTo(LocalTime.of(10, 0));
        }
    }

    @Test
    void aMessageOfAnUnknownTenantIsSkippedWithoutBlockingTheChannel() {
        EventEnvelope<MessageReceived> unknown = Messages.received("no-such-tenant", "Хочу записаться",
                Messages.SALON_MORNING);
        EventEnvelope<MessageReceived> known = Messages.received("demo-salon", "Сколько стоит маникюр?",
                Messages.SALON_MORNING);
        try (KafkaEvents.Listener classified = KafkaEvents.listen(EventTypes.MESSAGE_CLASSIFIED.topic());
             KafkaEvents.Listener dlq = KafkaEvents.listen(EventTypes.MESSAGE_RECEIVED.deadLetterTopic())) {
            // same key, so the known tenant's message is consumed after the unknown one
            KafkaEvents.send(unknown, "shared-" + unknown.subject());
            KafkaEvents.send(known, "shared-" + unknown.subject());
            var price = classified.await(EventTypes.MESSAGE_CLASSIFIED,
                    e -> e.data().message().messageId().equals(known.data().messageId()), WAIT);
            assertThat(price.event().data().classification().intent()).isEqualTo("PRICE");
            assertThat(price.event().data().classification().entities().service()).isEqualTo("manicure");

            String unknownId = unknown.data().messageId().toString();
            assertThat(classified.drain(Duration.ofSeconds(1))).noneMatch(json -> json.contains(unknownId));
            assertThat(dlq.drain(Duration.ofSeconds(1))).noneMatch(json -> json.contains(unknownId));
            assertThat(Messages.rows(jdbcUrl, dbUser, "select count(*) from classification where message_id = ?",
                    unknown.data().messageId())).containsExactly(List.of(0L));
        }
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicWithTheReason() {
        try (KafkaEvents.Listener dlq = KafkaEvents.listen(EventTypes.MESSAGE_RECEIVED.deadLetterTopic())) {
            String marker = UUID.randomUUID().toString();
            KafkaEvents.sendRaw(EventTypes.MESSAGE_RECEIVED.topic(), marker, "{\"broken\":\"" + marker + "\"");
            var dead = dlq.awaitRaw(json -> json.contains(marker), WAIT);
            assertThat(dead.headers()).hasEntrySatisfying("dead-letter-reason",
                    reason -> assertThat(reason).contains("not JSON"));
            assertThat(dead.key()).isEqualTo(marker);
        }
    }
}
