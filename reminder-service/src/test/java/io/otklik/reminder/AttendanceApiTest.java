package io.otklik.reminder;

import static io.otklik.reminder.Appointments.WAIT;
import static io.otklik.reminder.Appointments.awaitAppointment;
import static io.otklik.reminder.Appointments.booked;
import static io.otklik.reminder.Appointments.instant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.AppointmentCancelled;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.NoShow;
import io.otklik.reminder.schedule.DispatchResult;
import io.otklik.reminder.schedule.ReminderDispatcher;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The attendance API and the no-show decisions (staff mark and timeout), against the real broker and database. */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_reminder_test"))
class AttendanceApiTest {

    @Inject
    ReminderDispatcher dispatcher;

    static ValidatableResponse mark(String apiKey, Object id, String body) {
        var request = given().contentType("application/json").body(body);
        if (apiKey != null) {
            request = request.header("X-Api-Key", apiKey);
        }
        return request.post("/api/v1/appointments/{id}/attendance", id).then();
    }

    /** Books a salon appointment that started an hour ago and waits until it is stored. */
    static UUID startedAnHourAgo(String conversation) {
        UUID id = UUID.randomUUID();
        Instant startsAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        KafkaEvents.send(booked(id, conversation, startsAt), conversation);
        awaitAppointment(id, "BOOKED");
        return id;
    }

    @Test
    void notAttendedEmitsNoShowOnceAndASecondMarkIsAConflict() {
        String conversation = Appointments.conversation();
        UUID id = startedAnHourAgo(conversation);
        try (KafkaEvents.Listener noShows = KafkaEvents.listen(EventTypes.NO_SHOW.topic())) {
            mark(Appointments.SALON_KEY, id, "{\"attended\": false, \"markedBy\": \"anna\"}")
                    .statusCode(200)
                    .body("appointmentId", equalTo(id.toString()))
                    .body("attended", equalTo(false))
                    .body("markedBy", equalTo("anna"))
                    .body("status", equalTo("NO_SHOW"));

            var received = noShows.await(EventTypes.NO_SHOW, e -> id.equals(e.data().appointmentId()), WAIT);
            NoShow n = received.event().data();
            assertThat(n.markedBy()).isEqualTo("anna");
            assertThat(n.conversationId()).isEqualTo(conversation);
            assertThat(n.leadId()).isNotNull();
            assertThat(n.startsAt()).isEqualTo(instant(awaitAppointment(id, "NO_SHOW").get("startsAt")));
            assertThat(received.key()).isEqualTo(conversation).isEqualTo(received.event().subject());
            assertThat(received.event().source()).isEqualTo("reminder-service");

            mark(Appointments.SALON_KEY, id, "{\"attended\": true, \"markedBy\": \"olga\"}")
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("status", equalTo(409))
                    .body("detail", containsString("already marked not attended by anna"));
            // the timeout sees a marked appointment and leaves it alone
            DispatchResult later = dispatcher.dispatchDue(Instant.now().plus(Duration.ofHours(6)))
                    .await().atMost(Duration.ofSeconds(30));
            assertThat(later.noShows()).doesNotContain(id);
            assertThat(noShows.drain(Duration.ofSeconds(2))).filteredOn(json -> json.contains(id.toString()))
                    .hasSize(1);
        }
        Map<String, Object> appointment = awaitAppointment(id, "NO_SHOW");
        Map<?, ?> attendance = (Map<?, ?>) appointment.get("attendance");
        assertThat(attendance.get("attended")).isEqualTo(false);
        assertThat(attendance.get("markedBy")).isEqualTo("anna");
        assertThat(instant(attendance.get("markedAt"))).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void attendedSettlesTheAppointmentWithoutANoShow() {
        String conversation = Appointments.conversation();
        UUID id = startedAnHourAgo(conversation);
        try (KafkaEvents.Listener noShows = KafkaEvents.listen(EventTypes.NO_SHOW.topic())) {
            mark(Appointments.SALON_KEY, id, "{\"attended\": true, \"markedBy\": \"katya\"}")
                    .statusCode(200).body("attended", equalTo(true)).body("status", equalTo("ATTENDED"));
            DispatchResult later = dispatcher.dispatchDue(Instant.now().plus(Duration.ofHours(6)))
                    .await().atMost(Duration.ofSeconds(30));
            assertThat(later.noShows()).doesNotContain(id);
            assertThat(noShows.drain(Duration.ofSeconds(2))).noneMatch(json -> json.contains(id.toString()));
        }
        awaitAppointment(id, "ATTENDED");
    }

    @Test
    void theTimeoutDecidesANoShowOnceAfterTheEndPlusGraceAndALaterStaffMarkAddsNoSecondEvent() {
        // demo-fitness enables the timeout: noShowAfterHours 2, counted from the visit's end (start + 1 h here)
        String conversation = "tg:" + UUID.randomUUID();
        UUID id = fitnessStartedAnHourAgo(conversation);
        UUID cancelled = fitnessStartedAnHourAgo(conversation);
        Instant cancelledStart = instant(awaitFitness(cancelled, "BOOKED").get("startsAt"));
        Instant end = instant(awaitFitness(id, "BOOKED").get("endsAt"));
        KafkaEvents.send(EventEnvelope.of(EventTypes.APPOINTMENT_CANCELLED, "routing-service", Instant.now(),
                FITNESS, conversation, new AppointmentCancelled(cancelled, conversation, null, cancelledStart,
                        Instant.now(), "client asked")), conversation);
        awaitFitness(cancelled, "CANCELLED");

        try (KafkaEvents.Listener noShows = KafkaEvents.listen(EventTypes.NO_SHOW.topic())) {
            // past start + 2 h, but not yet end + 2 h
            DispatchResult early = dispatcher.dispatchDue(end.plus(Duration.ofHours(2)).minusSeconds(60))
                    .await().atMost(Duration.ofSeconds(30));
            assertThat(early.noShows()).doesNotContain(id);

            DispatchResult due = dispatcher.dispatchDue(end.plus(Duration.ofHours(2)))
                    .await().atMost(Duration.ofSeconds(30));
            assertThat(due.noShows()).contains(id).doesNotContain(cancelled);
            var received = noShows.await(EventTypes.NO_SHOW, e -> id.equals(e.data().appointmentId()), WAIT);
            assertThat(received.event().data().markedBy()).isEqualTo("reminder-service");
            assertThat(received.event().tenantId()).isEqualTo(FITNESS);
            awaitFitness(id, "NO_SHOW");

            DispatchResult again = dispatcher.dispatchDue(end.plus(Duration.ofHours(5)))
                    .await().atMost(Duration.ofSeconds(30));
            assertThat(again.noShows()).doesNotContain(id);
            // staff confirm it: the mark is stored, the event is not repeated
            mark(FITNESS_KEY, id, "{\"attended\": false, \"markedBy\": \"darya\"}")
                    .statusCode(200).body("status", equalTo("NO_SHOW")).body("markedBy", equalTo("darya"));
            assertThat(noShows.drain(Duration.ofSeconds(2))).filteredOn(json -> json.contains(id.toString()))
                    .hasSize(1);
        }
        mark(FITNESS_KEY, cancelled, "{\"attended\": false, \"markedBy\": \"darya\"}")
                .statusCode(409).body("detail", containsString("cancelled"));
    }

    static final String FITNESS = "demo-fitness";
    static final String FITNESS_KEY = "test-fitness-key";

    /** Books a fitness appointment (Telegram) that started an hour ago and ends now; waits until it is stored. */
    static UUID fitnessStartedAnHourAgo(String conversation) {
        UUID id = UUID.randomUUID();
        Instant startsAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        KafkaEvents.send(Appointments.booked(FITNESS, id, conversation, startsAt, Channel.TELEGRAM, "priboy_bot",
                new Contact("500600701", "Олег", null)), conversation);
        awaitFitness(id, "BOOKED");
        return id;
    }

    /** Like {@link Appointments#awaitAppointment} for another tenant's key. */
    static Map<String, Object> awaitFitness(UUID id, String status) {
        return org.awaitility.Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    var r = given().header("X-Api-Key", FITNESS_KEY).get("/api/v1/appointments/{id}", id);
                    return r.statusCode() == 200 ? r.jsonPath().<String, Object>getMap("$") : Map.<String, Object>of();
                }, a -> status.equals(a.get("status")));
    }

    @Test
    void aMissedVisitCannotBeMarkedBeforeItStarts() {
        String conversation = Appointments.conversation();
        UUID id = UUID.randomUUID();
        KafkaEvents.send(booked(id, conversation, Appointments.moscow(3, 15)), conversation);
        awaitAppointment(id, "BOOKED");
        mark(Appointments.SALON_KEY, id, "{\"attended\": false, \"markedBy\": \"anna\"}")
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("once it has started"));
        awaitAppointment(id, "BOOKED");
    }

    @Test
    void keysScopeTheApiToOneTenantAndBadInputNamesTheField() {
        String conversation = Appointments.conversation();
        UUID id = startedAnHourAgo(conversation);
        String valid = "{\"attended\": false, \"markedBy\": \"anna\"}";

        mark(null, id, valid).statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("X-Api-Key"));
        mark("wrong-key", id, valid).statusCode(401);
        given().get("/api/v1/appointments/{id}/reminders", id).then().statusCode(401);

        // another tenant's appointment looks exactly like a missing one
        mark(Appointments.CLINIC_KEY, id, valid).statusCode(404).contentType("application/problem+json");
        given().header("X-Api-Key", Appointments.CLINIC_KEY).get("/api/v1/appointments/{id}/reminders", id)
                .then().statusCode(404);
        mark(Appointments.SALON_KEY, UUID.randomUUID(), valid).statusCode(404)
                .body("detail", containsString("no appointment"));

        mark(Appointments.SALON_KEY, id, "{\"markedBy\": \"anna\"}").statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("attended"));
        mark(Appointments.SALON_KEY, id, "{\"attended\": \"yes\", \"markedBy\": \"anna\"}").statusCode(400)
                .body("field", equalTo("attended")).body("detail", containsString("true or false"));
        mark(Appointments.SALON_KEY, id, "{\"attended\": false}").statusCode(400).body("field", equalTo("markedBy"));
        mark(Appointments.SALON_KEY, id, "[]").statusCode(400).body("field", equalTo("body"));
        mark(Appointments.SALON_KEY, id, "{\"attended\": ").statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("body"))
                .body("detail", containsString("not valid JSON"));
        mark(Appointments.SALON_KEY, "not-a-uuid", valid).statusCode(400).body("field", equalTo("id"));

        // none of that left a mark: the first valid one is accepted
        mark(Appointments.SALON_KEY, id, valid).statusCode(200).body("status", equalTo("NO_SHOW"));
    }
}
