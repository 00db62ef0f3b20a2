package io.otklik.metrics.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.AppointmentConfirmed;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Classification;
import io.otklik.events.data.Contact;
import io.otklik.events.data.Entities;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.MessageClassified;
import io.otklik.events.data.MessageReceived;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplySent;
import io.otklik.events.data.Utm;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FactTest {

    static final Instant T = Instant.parse("2020-03-14T10:00:00Z");

    static MessageReceived message(String conversation, Channel channel, Utm utm) {
        return new MessageReceived(UUID.randomUUID(), conversation, channel, "acc", "ext-1",
                new Contact("u1", "Иван", "+79161234567"), "Записаться", T, T, utm);
    }

    @Test
    void aMessageGivesItsConversationChannelAndUtmSource() {
        var event = EventEnvelope.of(EventTypes.MESSAGE_RECEIVED, "ingest-service", T, "demo-salon", "c1",
                message("c1", Channel.WEB_FORM, new Utm("instagram", "cpc", null, null, null)));
        Fact fact = Fact.of(event);
        assertThat(fact.eventId()).isEqualTo(event.id());
        assertThat(fact.tenantId()).isEqualTo("demo-salon");
        assertThat(fact.type()).isEqualTo("message_received");
        assertThat(fact.subject()).isEqualTo("c1");
        assertThat(fact.occurredAt()).isEqualTo(T);
        assertThat(fact.conversationId()).isEqualTo("c1");
        assertThat(fact.channel()).isEqualTo(Channel.WEB_FORM);
        assertThat(fact.answer()).isNull();
    }

    @Test
    void aClassificationTakesItsMessagesConversation() {
        var event = EventEnvelope.of(EventTypes.MESSAGE_CLASSIFIED, "nlu-service", T, "demo-salon", "c2",
                new MessageClassified(message("c2", Channel.TELEGRAM, new Utm(" ", null, null, null, null)),
                        new Classification("BOOK", 0.4, false, true, Entities.none(), "test-1")));
        Fact fact = Fact.of(event);
        assertThat(fact.conversationId()).isEqualTo("c2");
        assertThat(fact.channel()).isEqualTo(Channel.TELEGRAM);
    }

    @Test
    void onlyAnAnswerWithItsQuestionsArrivalHasAResponseTime() {
        UUID reply = UUID.randomUUID();
        Fact answer = Fact.of(EventEnvelope.of(EventTypes.REPLY_SENT, "ingest-service", T, "demo-salon", "c3",
                new ReplySent(reply, "c3", Channel.WHATSAPP, "wamid.1", ReplyKind.ANSWER, UUID.randomUUID(),
                        T.minusMillis(1200), T)));
        assertThat(answer.answer()).isEqualTo(new Fact.Answer(reply, T.minusMillis(1200), T, 1200));
        assertThat(answer.channel()).isEqualTo(Channel.WHATSAPP);

        Fact followUp = Fact.of(EventEnvelope.of(EventTypes.REPLY_SENT, "ingest-service", T, "demo-salon", "c3",
                new ReplySent(UUID.randomUUID(), "c3", Channel.WHATSAPP, "wamid.2", ReplyKind.FOLLOW_UP, null,
                        T.minusSeconds(60), T)));
        assertThat(followUp.answer()).isNull();

        Fact unknownArrival = Fact.of(EventEnvelope.of(EventTypes.REPLY_SENT, "ingest-service", T, "demo-salon",
                "c3", new ReplySent(UUID.randomUUID(), "c3", Channel.WHATSAPP, "wamid.3", ReplyKind.ANSWER, null,
                        null, T)));
        assertThat(unknownArrival.answer()).isNull();
    }

    @Test
    void appointmentEventsNameAConversationButNoChannel() {
        Fact confirmed = Fact.of(EventEnvelope.of(EventTypes.APPOINTMENT_CONFIRMED, "routing-service", T,
                "demo-salon", "a1", new AppointmentConfirmed(UUID.randomUUID(), "c4", null, T.plusSeconds(86400),
                        T, "client_reply")));
        assertThat(confirmed.conversationId()).isEqualTo("c4");
        assertThat(confirmed.channel()).isNull();
        assertThat(confirmed.subject()).isEqualTo("a1");
    }

    @Test
    void aLeadCarriesItsOwnUtm() {
        Fact lead = Fact.of(EventEnvelope.of(EventTypes.LEAD_CREATED, "routing-service", T, "demo-salon", "c5",
                new LeadCreated(UUID.randomUUID(), "c5", "client-1", Channel.INSTAGRAM,
                        new Contact("u5", null, null), new Utm("vk", null, null, null, null), "BOOK", "Запись",
                        false, T)));
        assertThat(lead.channel()).isEqualTo(Channel.INSTAGRAM);
    }
}
