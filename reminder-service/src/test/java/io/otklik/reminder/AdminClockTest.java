package io.otklik.reminder;

import static io.otklik.reminder.Appointments.WAIT;
import static io.otklik.reminder.Appointments.awaitReminders;
import static io.otklik.reminder.Appointments.booked;
import static io.otklik.reminder.Appointments.instant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.otklik.events.EventTypes;
import io.otklik.events.data.ReplyKind;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * POST/GET /api/v1/admin/clock with the adjustable clock on, against the real broker and database: moving the clock
 * runs the tick at the new time. Every test works relative to the clock's current time (it never goes back).
 */
@QuarkusTest
@TestProfile(AdjustableClockProfile.class)
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_reminder_test"))
class AdminClockTest {

    static final String ADMIN_KEY = "test-admin-key";

    static RequestSpecification admin() {
        return given().header("X-Api-Key", ADMIN_KEY);
    }

    static Instant clockNow() {
        return instant(admin().get("/api/v1/admin/clock").then().statusCode(200).extract().path("now"));
    }

    static JsonPath post(String body) {
        return admin().contentType("application/json").body(body).post("/api/v1/admin/clock")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void onlyTheAdminKeyMayReadOrMoveTheClock() {
        given().get("/api/v1/admin/clock").then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("admin key"));
        given().header("X-Api-Key", "wrong").get("/api/v1/admin/clock").then().statusCode(401);
        // a tenant's key is not the admin key
        given().header("X-Api-Key", Appointments.SALON_KEY).contentType("application/json")
                .body("{\"advance\":\"PT1H\"}").post("/api/v1/admin/clock").then().statusCode(401);
        Instant before = Instant.now();
        Instant now = clockNow();
        assertThat(now).isAfterOrEqualTo(before.minusSeconds(1));
    }

    @Test
    void movingTheClockSendsTheRemindersThatCameDueAndAdvanceAddsToIt() {
        Instant start = clockNow();
        // a visit at 15:00 Moscow two days after the clock's today: its 24 h reminder is due at 15:00 the day
        // before, in the salon's daytime (not quiet hours)
        LocalDate day = start.atZone(Appointments.MOSCOW).toLocalDate().plusDays(2);
        Instant startsAt = day.atTime(15, 0).atZone(Appointments.MOSCOW).toInstant();
        UUID id = UUID.randomUUID();
        String conversation = Appointments.conversation();
        KafkaEvents.send(booked(id, conversation, startsAt), conversation);
        List<Map<String, Object>> planned = awaitReminders(id, list -> list.size() == 2);
        UUID first = UUID.fromString((String) planned.get(0).get("id"));
        UUID second = UUID.fromString((String) planned.get(1).get("id"));
        Instant firstDue = instant(planned.get(0).get("dueAt"));
        assertThat(firstDue).isEqualTo(startsAt.minus(Duration.ofHours(24)));
        // the operator's list names it (ids and time, no contact data)
        JsonPath listed = admin().get("/api/v1/admin/appointments").then().statusCode(200).extract().jsonPath();
        Map<String, Object> row = listed.getMap("find { it.id == '" + id + "' }");
        assertThat(row).containsEntry("tenantId", Appointments.SALON).containsEntry("status", "BOOKED")
                .containsEntry("conversationId", conversation).containsEntry("timezone", "Europe/Moscow")
                .doesNotContainKeys("contactName", "contactPhone");
        assertThat(instant(row.get("startsAt"))).isEqualTo(startsAt);
        given().header("X-Api-Key", Appointments.SALON_KEY).get("/api/v1/admin/appointments").then()
                .statusCode(401);
        admin().queryParam("limit", "0").get("/api/v1/admin/appointments").then().statusCode(400)
                .body("field", equalTo("limit"));

        try (KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            Instant target = firstDue.plusSeconds(60);
            JsonPath moved = post("{\"to\":\"" + target + "\"}");
            Instant now = instant(moved.get("now"));
            assertThat(now).isAfterOrEqualTo(target).isBefore(target.plusSeconds(60));
            assertThat(Duration.parse(moved.getString("offset"))).isGreaterThan(Duration.ofHours(20));
            assertThat(moved.getList("sent", String.class)).contains(first.toString())
                    .doesNotContain(second.toString());
            assertThat(moved.getList("skipped", String.class)).doesNotContain(first.toString());
            assertThat(moved.getList("noShows")).isNotNull();
            assertThat(moved.getList("followUps")).isNotNull();
            assertThat(moved.getList("held")).isNotNull();

            var reply = replies.await(EventTypes.REPLY_REQUESTED,
                    e -> conversation.equals(e.data().conversationId()), WAIT);
            assertThat(reply.event().data().kind()).isEqualTo(ReplyKind.REMINDER);
        }
        awaitReminders(id, list -> "SENT".equals(list.get(0).get("status")));

        // the clock keeps running from there; advance adds to it, and the sent reminder is not sent again
        Instant before = clockNow();
        JsonPath later = post("{\"advance\":\"PT1H\"}");
        Instant after = instant(later.get("now"));
        assertThat(after).isAfterOrEqualTo(before.plus(Duration.ofHours(1)))
                .isBefore(before.plus(Duration.ofHours(1)).plusSeconds(60));
        assertThat(later.getList("sent", String.class)).doesNotContain(first.toString(), second.toString());
        assertThat(clockNow()).isAfterOrEqualTo(after);
    }

    @Test
    void badBodiesAndGoingBackAre400AndLeaveTheClockAlone() {
        Instant before = clockNow();
        bad("{\"to\":\"" + before.minus(Duration.ofHours(1)) + "\"}", "to", "only moves forward");
        bad("{\"advance\":\"-PT1H\"}", "advance", "only moves forward");
        bad("{\"advance\":\"an hour\"}", "advance", "ISO-8601 duration");
        bad("{\"advance\":3600}", "advance", "ISO-8601 duration");
        bad("{\"to\":\"tomorrow\"}", "to", "ISO-8601 instant");
        bad("{\"advance\":\"PT1H\",\"to\":\"" + before.plus(Duration.ofDays(1)) + "\"}", "to", "exactly one");
        bad("{}", "advance", "exactly one");
        bad("[]", "body", "JSON object");
        bad("{not json", "body", "not valid JSON");
        bad("", "body", "JSON object");
        Instant after = clockNow();
        assertThat(Duration.between(before, after)).isLessThan(Duration.ofMinutes(1));
    }

    private static void bad(String body, String field, String detail) {
        admin().contentType("application/json").body(body).post("/api/v1/admin/clock").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(field))
                .body("detail", containsString(detail));
    }
}
