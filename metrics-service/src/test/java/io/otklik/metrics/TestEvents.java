package io.otklik.metrics;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventJson;
import io.otklik.events.EventTypes;
import io.otklik.events.data.AppointmentBooked;
import io.otklik.events.data.AppointmentCancelled;
import io.otklik.events.data.AppointmentConfirmed;
import io.otklik.events.data.AppointmentRescheduled;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Classification;
import io.otklik.events.data.Contact;
import io.otklik.events.data.DraftReviewed;
import io.otklik.events.data.Entities;
import io.otklik.events.data.IntentFeedback;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.MessageClassified;
import io.otklik.events.data.MessageReceived;
import io.otklik.events.data.NoShow;
import io.otklik.events.data.ReplyFailed;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplySent;
import io.otklik.events.data.Utm;
import io.otklik.testkit.KafkaEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Schema-valid events of one tenant as the other services publish them, and the API and Prometheus readers. */
final class TestEvents {

    static final String SALON_KEY = "test-salon-key";
    static final String CLINIC_KEY = "test-clinic-key";
    static final String ADMIN_KEY = "test-admin-key";

    final String tenant;
    final List<EventEnvelope<?>> published = new ArrayList<>();

    TestEvents(String tenant) {
        this.tenant = tenant;
    }

    /** The start of a random hour between 2001 and 2020: a window no other test's events fall into. */
    static Instant randomPastHour() {
        return Instant.parse("2001-01-01T00:00:00Z")
                .plus(Duration.ofHours(ThreadLocalRandom.current().nextLong(20L * 365 * 24)));
    }

    static String conversation() {
        return "conv-" + UUID.randomUUID();
    }

    MessageReceived message(String conversation, Channel channel, String utmSource, Instant receivedAt) {
        return new MessageReceived(UUID.randomUUID(), conversation, channel, "account-1",
                "ext-" + UUID.randomUUID(), new Contact("user-" + conversation, "Иван", "+79161234567"),
                "Хочу записаться на стрижку", receivedAt.minusMillis(300), receivedAt,
                utmSource == null ? null : new Utm(utmSource, "cpc", "spring", null, null));
    }

    MessageReceived received(String conversation, Channel channel, String utmSource, Instant at) {
        MessageReceived m = message(conversation, channel, utmSource, at);
        publish(EventEnvelope.of(EventTypes.MESSAGE_RECEIVED, "ingest-service", at, tenant, conversation, m),
                conversation);
        return m;
    }

    void classified(MessageReceived m, String intent, boolean fallback) {
        Instant at = m.receivedAt().plusMillis(100);
        publish(EventEnvelope.of(EventTypes.MESSAGE_CLASSIFIED, "nlu-service", at, tenant, m.conversationId(),
                new MessageClassified(m, new Classification(intent, fallback ? 0.3 : 0.9, false, fallback,
                        Entities.none(), "test-model-1"))), m.conversationId());
    }

    EventEnvelope<ReplySent> replied(MessageReceived m, ReplyKind kind, long afterMs) {
        Instant sent = m.receivedAt().plusMillis(afterMs);
        EventEnvelope<ReplySent> event = EventEnvelope.of(EventTypes.REPLY_SENT, "ingest-service", sent, tenant,
                m.conversationId(), new ReplySent(UUID.randomUUID(), m.conversationId(), m.channel(),
                        "wamid." + UUID.randomUUID(), kind, m.messageId(), m.receivedAt(), sent));
        publish(event, m.conversationId());
        return event;
    }

    void replyFailed(MessageReceived m, Instant at) {
        publish(EventEnvelope.of(EventTypes.REPLY_FAILED, "ingest-service", at, tenant, m.conversationId(),
                new ReplyFailed(UUID.randomUUID(), m.conversationId(), m.channel(), ReplyKind.FOLLOW_UP, "131047",
                        "outside the 24 h window", false, at)), m.conversationId());
    }

    EventEnvelope<LeadCreated> lead(MessageReceived m, String utmSource, Instant at) {
        EventEnvelope<LeadCreated> event = EventEnvelope.of(EventTypes.LEAD_CREATED, "routing-service", at, tenant,
                m.conversationId(), new LeadCreated(UUID.randomUUID(), m.conversationId(), "client-1", m.channel(),
                        m.contact(), utmSource == null ? null : new Utm(utmSource, null, null, null, null),
                        "BOOK", "Клиент хочет записаться на стрижку", false, m.receivedAt()));
        publish(event, m.conversationId());
        return event;
    }

    /** A lead with a quality score, without UTM of its own (it counts under its conversation's). */
    void scoredLead(MessageReceived m, int score, Instant at) {
        publish(EventEnvelope.of(EventTypes.LEAD_CREATED, "routing-service", at, tenant, m.conversationId(),
                new LeadCreated(UUID.randomUUID(), m.conversationId(), "client-1", m.channel(), m.contact(), null,
                        "BOOK", "Клиент хочет записаться на стрижку", false, m.receivedAt(), score,
                        List.of("service_named"))), m.conversationId());
    }

    /** A booking of the staff member for [startsAt, endsAt), made at {@code at}; returns the appointment id. */
    UUID appointment(MessageReceived m, String staffId, Instant startsAt, Instant endsAt, Instant at) {
        UUID appointment = UUID.randomUUID();
        publish(EventEnvelope.of(EventTypes.APPOINTMENT_BOOKED, "routing-service", at, tenant,
                appointment.toString(), new AppointmentBooked(appointment, m.conversationId(), null, "client-1",
                        m.channel(), "account-1", m.contact(), "haircut", "Стрижка", staffId, staffId, startsAt,
                        endsAt, "Europe/Moscow")), m.conversationId());
        return appointment;
    }

    void rescheduled(MessageReceived m, UUID appointment, Instant previous, Instant startsAt, Instant endsAt,
                     Instant at) {
        publish(EventEnvelope.of(EventTypes.APPOINTMENT_RESCHEDULED, "routing-service", at, tenant,
                appointment.toString(), new AppointmentRescheduled(appointment, m.conversationId(), null, previous,
                        startsAt, endsAt)), m.conversationId());
    }

    void cancelled(MessageReceived m, UUID appointment, Instant startsAt, Instant at) {
        publish(EventEnvelope.of(EventTypes.APPOINTMENT_CANCELLED, "routing-service", at, tenant,
                appointment.toString(), new AppointmentCancelled(appointment, m.conversationId(), null, startsAt, at,
                        "client")), m.conversationId());
    }

    /** A manager's label of a classified message (nlu-service's intent_feedback). */
    void feedback(MessageReceived m, String predicted, String correct, Instant at) {
        publish(EventEnvelope.of(EventTypes.INTENT_FEEDBACK, "nlu-service", at, tenant, m.conversationId(),
                new IntentFeedback(m.messageId(), m.conversationId(), predicted, correct, "test-model-1", at)),
                m.conversationId());
    }

    /** A staff member approved the sandbox draft of the conversation's reply. */
    void draftApproved(MessageReceived m, Instant at) {
        publish(EventEnvelope.of(EventTypes.DRAFT_REVIEWED, "ingest-service", at, tenant, m.conversationId(),
                new DraftReviewed(UUID.randomUUID(), DraftReviewed.Decision.APPROVED, "marina", at,
                        m.conversationId())), m.conversationId());
    }

    /** Books and, if asked, confirms an appointment; the confirmation names the conversation but no channel. */
    void booked(MessageReceived m, Instant at, boolean confirm) {
        UUID appointment = UUID.randomUUID();
        Instant startsAt = at.plus(Duration.ofDays(1));
        publish(EventEnvelope.of(EventTypes.APPOINTMENT_BOOKED, "routing-service", at, tenant,
                appointment.toString(), new AppointmentBooked(appointment, m.conversationId(), null, "client-1",
                        m.channel(), "account-1", m.contact(), "haircut", "Стрижка", "anna", "Анна", startsAt,
                        startsAt.plus(Duration.ofHours(1)), "Europe/Moscow")), m.conversationId());
        if (confirm) {
            publish(EventEnvelope.of(EventTypes.APPOINTMENT_CONFIRMED, "routing-service", at.plusSeconds(60),
                    tenant, appointment.toString(), new AppointmentConfirmed(appointment, m.conversationId(), null,
                            startsAt, at.plusSeconds(60), "client_reply")), m.conversationId());
        }
    }

    /**
     * An appointment booked in the given arms (what routing writes on appointment_booked), then, if asked, confirmed
     * and/or marked a no-show in the same arms.
     */
    void bookedInArms(MessageReceived m, Instant at, Map<String, String> arms, boolean confirm, boolean noShow) {
        UUID appointment = UUID.randomUUID();
        Instant startsAt = at.plus(Duration.ofHours(2));
        publish(EventEnvelope.of(EventTypes.APPOINTMENT_BOOKED, "routing-service", at, tenant,
                appointment.toString(), new AppointmentBooked(appointment, m.conversationId(), null, "client-1",
                        m.channel(), "account-1", m.contact(), "haircut", "Стрижка", "anna", "Анна", startsAt,
                        startsAt.plus(Duration.ofHours(1)), "Europe/Moscow", arms)), m.conversationId());
        if (confirm) {
            publish(EventEnvelope.of(EventTypes.APPOINTMENT_CONFIRMED, "routing-service", at.plusSeconds(60),
                    tenant, appointment.toString(), new AppointmentConfirmed(appointment, m.conversationId(), null,
                            startsAt, at.plusSeconds(60), "client_reply", arms)), m.conversationId());
        }
        if (noShow) {
            publish(EventEnvelope.of(EventTypes.NO_SHOW, "reminder-service", at.plusSeconds(120), tenant,
                    appointment.toString(), new NoShow(appointment, m.conversationId(), null, startsAt,
                            at.plusSeconds(120), "marina", arms)), m.conversationId());
        }
    }

    void publish(EventEnvelope<?> event, String key) {
        KafkaEvents.send(event, key);
        published.add(event);
    }

    // ---- readers ----

    static JsonNode report(String apiKey, Instant from, Instant to, String... params) {
        var request = given().header("X-Api-Key", apiKey).queryParam("from", from.toString())
                .queryParam("to", to.toString());
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.queryParam(params[i], params[i + 1]);
        }
        String body = request.get("/api/v1/metrics").then().statusCode(200).contentType("application/json")
                .extract().asString();
        return json(body);
    }

    static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** A sample's value in the Prometheus text at /q/metrics, 0 when the series does not exist yet. */
    static double prometheus(String name, Map<String, String> labels) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : text.split("\n")) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            String labelPart = line.substring(name.length(), line.lastIndexOf('}') + 1);
            if (labels.entrySet().stream().allMatch(l -> labelPart.contains(l.getKey() + "=\"" + l.getValue() + "\""))
                    && (labels.containsKey("le") || !labelPart.contains("le="))) {
                return Double.parseDouble(line.substring(line.lastIndexOf('}') + 1).trim().split(" ")[0]);
            }
        }
        return 0;
    }
}
