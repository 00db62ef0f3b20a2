package io.otklik.routing.admin;

import static io.otklik.routing.Messages.SALON;
import static io.otklik.routing.Messages.classified;
import static io.otklik.routing.Messages.daysAhead;
import static io.otklik.routing.Messages.entities;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.AppointmentBooked;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.Entities;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.MessageClassified;
import io.otklik.routing.Messages;
import io.otklik.routing.Messages.Client;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin API over what the dialog stored: a tenant's appointments and one conversation, scoped by API key. */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_routing_test"))
class AdminApiTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String KEY = "test-salon-key";

    @Test
    void appointmentsAndTheConversationShowWhatTheDialogBooked() {
        LocalDate day = daysAhead(6);
        Client maria = Client.whatsApp("Мария");
        String conversation = maria.conversationId();
        EventEnvelope<MessageClassified> booking = classified(SALON, maria, "Запишите на окрашивание в 10:00",
                "BOOK", entities("coloring", day, LocalTime.of(10, 0)));
        AppointmentBooked a;
        LeadCreated lead;
        try (KafkaEvents.Listener leads = KafkaEvents.listen(EventTypes.LEAD_CREATED.topic());
             KafkaEvents.Listener booked = KafkaEvents.listen(EventTypes.APPOINTMENT_BOOKED.topic())) {
            KafkaEvents.send(booking, conversation);
            a = booked.await(EventTypes.APPOINTMENT_BOOKED, e -> conversation.equals(e.data().conversationId()),
                    WAIT).event().data();
            lead = leads.await(EventTypes.LEAD_CREATED, e -> e.data().conversationId().equals(conversation), WAIT)
                    .event().data();
        }

        JsonPath list = given().header("X-Api-Key", KEY)
                .queryParam("from", day.toString())
                .queryParam("to", day.plusDays(1).atStartOfDay(Messages.MOSCOW).toInstant().toString())
                .get("/api/v1/appointments")
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
        List<Map<String, Object>> mine = list.getList("findAll { it.conversationId == '" + conversation + "' }");
        assertThat(mine).hasSize(1);
        Map<String, Object> row = mine.get(0);
        assertThat(row).containsEntry("id", a.appointmentId().toString())
                .containsEntry("leadId", lead.leadId().toString())
                .containsEntry("clientId", lead.clientId())
                .containsEntry("service", "coloring")
                .containsEntry("serviceName", "Окрашивание")
                .containsEntry("staff", "anna")
                .containsEntry("staffName", "Анна")
                .containsEntry("status", "BOOKED");
        assertThat(Instant.parse((String) row.get("startsAt")))
                .isEqualTo(ZonedDateTime.of(day, LocalTime.of(10, 0), Messages.MOSCOW).toInstant());
        assertThat(Instant.parse((String) row.get("endsAt")))
                .isEqualTo(ZonedDateTime.of(day, LocalTime.of(12, 0), Messages.MOSCOW).toInstant());
        assertThat(list.getList("startsAt", String.class)).isSorted();

        // a range that ends before the visit does not contain it
        given().header("X-Api-Key", KEY).queryParam("from", day.minusDays(1).toString())
                .queryParam("to", day.toString()).get("/api/v1/appointments")
                .then().statusCode(200).body("findAll { it.conversationId == '" + conversation + "' }.size()",
                        equalTo(0));

        given().header("X-Api-Key", KEY).get("/api/v1/conversations/" + conversation)
                .then().statusCode(200).contentType("application/json")
                .body("id", equalTo(conversation))
                .body("channel", equalTo("WHATSAPP"))
                .body("channelAccountId", equalTo(Messages.SALON_WHATSAPP))
                .body("state", equalTo("BOOKED"))
                .body("clientId", equalTo(lead.clientId()))
                .body("leadId", equalTo(lead.leadId().toString()))
                .body("appointmentIds", equalTo(List.of(a.appointmentId().toString())));
    }

    @Test
    void aConversationInProgressShowsWhatIsPending() {
        Client oleg = Client.telegram("Олег");
        EventEnvelope<MessageClassified> partial = classified(SALON, oleg, "Хочу на педикюр", "BOOK",
                entities("pedicure", null, null));
        try (KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            KafkaEvents.send(partial, oleg.conversationId());
            replies.await(EventTypes.REPLY_REQUESTED,
                    e -> partial.data().message().messageId().equals(e.data().inReplyTo()), WAIT);
        }
        given().header("X-Api-Key", KEY).get("/api/v1/conversations/" + oleg.conversationId())
                .then().statusCode(200)
                .body("state", equalTo("COLLECTING"))
                .body("pendingService", equalTo("pedicure"))
                .body("appointmentIds", equalTo(List.of()));
    }

    @Test
    void withoutAValidKeyIts401ProblemJson() {
        given().get("/api/v1/appointments?from=2026-01-01&to=2026-01-02")
                .then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401)).body("detail", containsString("X-Api-Key"));
        given().header("X-Api-Key", "guess").get("/api/v1/conversations/x")
                .then().statusCode(401).contentType("application/problem+json")
                .body("title", equalTo("Unauthorized"));
    }

    @Test
    void anotherTenantsOrAnUnknownConversationIs404() {
        Client clinicPatient = new Client(UUID.randomUUID().toString(),
                new Contact("79120000001", "Павел", "+79120000001"),
                Channel.WHATSAPP, "106540352242999");
        EventEnvelope<MessageClassified> hello = classified("demo-clinic", clinicPatient, "Здравствуйте",
                "OTHER", Entities.none());
        try (KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            KafkaEvents.send(hello, clinicPatient.conversationId());
            replies.await(EventTypes.REPLY_REQUESTED,
                    e -> hello.data().message().messageId().equals(e.data().inReplyTo()), WAIT);
        }
        given().header("X-Api-Key", "test-clinic-key").get("/api/v1/conversations/" + clinicPatient.conversationId())
                .then().statusCode(200).body("state", equalTo("IDLE")).body("leadId", equalTo(null));
        given().header("X-Api-Key", KEY).get("/api/v1/conversations/" + clinicPatient.conversationId())
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString(clinicPatient.conversationId()));
        given().header("X-Api-Key", KEY).get("/api/v1/conversations/no-such-conversation")
                .then().statusCode(404);
    }

    @Test
    void badRangesAre400WithTheField() {
        given().header("X-Api-Key", KEY).get("/api/v1/appointments?to=2026-01-02")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("from"));
        given().header("X-Api-Key", KEY).get("/api/v1/appointments?from=yesterday&to=2026-01-02")
                .then().statusCode(400).body("field", equalTo("from"))
                .body("detail", containsString("yesterday"));
        given().header("X-Api-Key", KEY).get("/api/v1/appointments?from=2026-01-02&to=2026-01-01")
                .then().statusCode(400).body("field", equalTo("to"));
        given().header("X-Api-Key", KEY).get("/api/v1/appointments?from=2026-01-01&to=2028-01-01")
                .then().statusCode(400).body("field", equalTo("to"));
    }
}
