package io.otklik.routing;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Classification;
import io.otklik.events.data.Contact;
import io.otklik.events.data.Entities;
import io.otklik.events.data.MessageClassified;
import io.otklik.events.data.MessageReceived;
import io.otklik.events.data.Utm;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Builds the message_classified events nlu-service would publish, for the tests against the real broker. */
public final class Messages {

    public static final String SALON = "demo-salon";
    public static final String SALON_WHATSAPP = "106540352242922";
    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private Messages() {
    }

    /** A WhatsApp client of the salon with a fresh number and conversation. */
    public record Client(String conversationId, Contact contact, Channel channel, String account) {

        public static Client whatsApp(String name) {
            String waId = "7916" + (1_000_000 + (long) (Math.random() * 8_999_999));
            return new Client(UUID.randomUUID().toString(), new Contact(waId, name, "+" + waId), Channel.WHATSAPP,
                    SALON_WHATSAPP);
        }

        public static Client telegram(String name) {
            String chatId = Long.toString(300_000_000L + (long) (Math.random() * 100_000_000));
            return new Client(UUID.randomUUID().toString(), new Contact(chatId, name, null), Channel.TELEGRAM,
                    "lyon_salon_bot");
        }
    }

    /** A day some days ahead in Moscow, so tests never book in the past. */
    public static LocalDate daysAhead(int days) {
        return LocalDate.now(MOSCOW).plusDays(days);
    }

    public static Entities entities(String service, LocalDate date, LocalTime time) {
        return new Entities(service, date, time, null, null);
    }

    public static EventEnvelope<MessageClassified> classified(String tenant, Client client, String text,
                                                              String intent, Entities entities) {
        return classified(tenant, client, text, new Classification(intent, 0.92, false, false, entities,
                "test-model@1"));
    }

    public static EventEnvelope<MessageClassified> classified(String tenant, Client client, String text,
                                                              Classification classification) {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        MessageReceived message = new MessageReceived(UUID.randomUUID(), client.conversationId(), client.channel(),
                client.account(), "ext." + UUID.randomUUID(), client.contact(), text, receivedAt.minusSeconds(1),
                receivedAt, Utm.none());
        return EventEnvelope.of(EventTypes.MESSAGE_CLASSIFIED, "nlu-service", receivedAt, tenant,
                client.conversationId(), new MessageClassified(message, classification));
    }

    /**
     * Who is on duty at the salon now by its rota in tenants.yaml (Марина 09:00–21:00 Moscow time, Ольга the rest),
     * written out here independently of the rota code.
     */
    public static String[] salonOnDutyNow() {
        int hour = java.time.LocalTime.now(MOSCOW).getHour();
        return hour >= 9 && hour < 21 ? new String[] {"marina", "Марина"} : new String[] {"olga", "Ольга"};
    }
}
