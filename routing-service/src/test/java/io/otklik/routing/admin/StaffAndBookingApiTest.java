package io.otklik.routing.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.AppointmentBooked;
import io.otklik.events.data.AppointmentCancelled;
import io.otklik.events.data.AppointmentConfirmed;
import io.otklik.events.data.AppointmentRescheduled;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.Entities;
import io.otklik.events.data.MessageClassified;
import io.otklik.platform.schedule.ProductionCalendar;
import io.otklik.routing.Messages;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Staff, services, schedules, days off, slots and staff bookings of the Vladivostok studio (demo-fitness in
 * tenants.yaml), through the HTTP API on the real PostgreSQL, with the events read back from the real broker.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_routing_test"))
class StaffAndBookingApiTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String KEY = "test-fitness-key";
    static final String TENANT = "demo-fitness";
    static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");

    /**
     * The weekday of the first week starting at least {@code weeksAhead} weeks from now that is ordinary (no holiday,
     * no transferred day, no closed date).
     */
    static LocalDate ordinary(DayOfWeek day, int weeksAhead) {
        LocalDate monday = LocalDate.now(VLADIVOSTOK).plusWeeks(weeksAhead).with(TemporalAdjusters.next(
                DayOfWeek.MONDAY));
        while (true) {
            boolean plain = true;
            for (int i = 0; i < 7; i++) {
                LocalDate d = monday.plusDays(i);
                plain &= !ProductionCalendar.russia().dayOff(d) && !ProductionCalendar.russia().workingWeekend(d)
                        && !d.equals(LocalDate.of(2026, 12, 30));
            }
            if (plain) {
                return monday.with(TemporalAdjusters.nextOrSame(day));
            }
            monday = monday.plusWeeks(1);
        }
    }

    static Instant local(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(VLADIVOSTOK).toInstant();
    }

    @Test
    void staffWithRolesSkillsAndWeeklyScheduleAndTheCatalogue() {
        JsonPath staff = given().header("X-Api-Key", KEY).get("/api/v1/staff")
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
        assertThat(staff.getList("id", String.class)).containsExactly("pavel", "darya", "ivan", "olesya");
        Map<String, Object> ivan = staff.getMap("find { it.id == 'ivan' }");
        assertThat(ivan).containsEntry("role", "specialist").containsEntry("skills", List.of("training", "trial"))
                .containsEntry("daysOff", List.of("WEDNESDAY"));
        assertThat(staff.getList("find { it.id == 'ivan' }.week.day", String.class))
                .containsExactly("MONDAY", "TUESDAY", "THURSDAY", "FRIDAY", "SATURDAY");
        assertThat(staff.getString("find { it.id == 'ivan' }.week.find { it.day == 'MONDAY' }.from"))
                .isEqualTo("12:00:00");
        assertThat(staff.getString("find { it.id == 'ivan' }.week.find { it.day == 'SATURDAY' }.to"))
                .isEqualTo("18:00:00");
        assertThat(staff.getString("find { it.id == 'ivan' }.week[0].breaks[0].from")).isEqualTo("14:00:00");
        assertThat(staff.getList("find { it.id == 'darya' }.onDuty.from", String.class))
                .containsExactly("07:00:00", "10:00:00");
        assertThat(staff.getList("find { it.id == 'pavel' }.onDuty.to", String.class)).containsExactly("07:00:00");

        given().header("X-Api-Key", KEY).get("/api/v1/services")
                .then().statusCode(200)
                .body("code", equalTo(List.of("training", "trial", "stretching")))
                .body("find { it.code == 'training' }.price", equalTo(2500))
                .body("find { it.code == 'training' }.durationMinutes", equalTo(60))
                .body("find { it.code == 'training' }.specialists", equalTo(List.of("ivan", "olesya")))
                .body("find { it.code == 'trial' }.durationMinutes", equalTo(90));
        // another tenant's key sees its own staff only
        given().header("X-Api-Key", "test-salon-key").get("/api/v1/staff")
                .then().statusCode(200).body("id", equalTo(List.of("olga", "marina", "anna", "katya")));
        given().get("/api/v1/services").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aDayOffIsStoredShownInTheScheduleSkippedByTheSlotSearchAndRemoved() {
        LocalDate thursday = ordinary(DayOfWeek.THURSDAY, 2);
        // stretching is Олеся's alone: her first free slot that day, before the day off
        given().header("X-Api-Key", KEY).queryParam("service", "stretching").queryParam("from", thursday.toString())
                .queryParam("limit", "2").get("/api/v1/slots")
                .then().statusCode(200).body("", hasSize(2))
                .body("[0].staff", equalTo("olesya"))
                .body("[0].localStart", equalTo(thursday + "T07:00:00"))
                .body("[0].startsAt", equalTo(local(thursday, 7, 0).toString()));

        given().header("X-Api-Key", KEY).contentType(ContentType.JSON)
                .body(Map.of("date", thursday.toString(), "reason", "отпуск"))
                .post("/api/v1/staff/olesya/days-off")
                .then().statusCode(201).body("staff", equalTo("olesya")).body("date", equalTo(thursday.toString()));
        given().header("X-Api-Key", KEY).contentType(ContentType.JSON).body(Map.of("date", thursday.toString()))
                .post("/api/v1/staff/olesya/days-off")
                .then().statusCode(409).contentType("application/problem+json").body("field", equalTo("date"));

        given().header("X-Api-Key", KEY).queryParam("from", thursday.minusDays(1).toString())
                .queryParam("to", thursday.toString()).get("/api/v1/staff/olesya/schedule")
                .then().statusCode(200).body("timezone", equalTo("Asia/Vladivostok"))
                .body("days", hasSize(2))
                .body("days[0].working.from", equalTo(List.of("07:00:00", "13:30:00")))
                .body("days[0].working.to", equalTo(List.of("13:00:00", "22:00:00")))
                .body("days[1].dayOff", equalTo("day off"))
                .body("days[1].working", hasSize(0));
        given().header("X-Api-Key", KEY).queryParam("service", "stretching").queryParam("from", thursday.toString())
                .queryParam("limit", "1").get("/api/v1/slots")
                .then().statusCode(200).body("[0].localStart", equalTo(thursday.plusDays(1) + "T07:00:00"));
        given().header("X-Api-Key", KEY).get("/api/v1/staff")
                .then().statusCode(200)
                .body("find { it.id == 'olesya' }.datesOff", hasItem(thursday.toString()));

        given().header("X-Api-Key", KEY).delete("/api/v1/staff/olesya/days-off/" + thursday)
                .then().statusCode(204);
        given().header("X-Api-Key", KEY).delete("/api/v1/staff/olesya/days-off/" + thursday)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("X-Api-Key", KEY).queryParam("service", "stretching").queryParam("from", thursday.toString())
                .queryParam("limit", "1").get("/api/v1/slots")
                .then().statusCode(200).body("[0].localStart", equalTo(thursday + "T07:00:00"));
    }

    @Test
    void badScheduleAndDayOffAndSlotRequestsAre4xxProblems() {
        given().header("X-Api-Key", KEY).contentType(ContentType.JSON).body(Map.of("date", "2020-01-01"))
                .post("/api/v1/staff/olesya/days-off")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("date"));
        given().header("X-Api-Key", KEY).contentType(ContentType.JSON).body(Map.of("date", "завтра"))
                .post("/api/v1/staff/olesya/days-off")
                .then().statusCode(400).body("field", equalTo("date")).body("detail", containsString("завтра"));
        given().header("X-Api-Key", KEY).contentType(ContentType.JSON).body(Map.of("date", "2030-01-10"))
                .post("/api/v1/staff/nobody/days-off")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("X-Api-Key", KEY).get("/api/v1/staff/nobody/schedule?from=2030-01-01&to=2030-01-02")
                .then().statusCode(404);
        given().header("X-Api-Key", KEY).get("/api/v1/staff/ivan/schedule?from=2030-01-05&to=2030-01-01")
                .then().statusCode(400).body("field", equalTo("to"));
        given().header("X-Api-Key", KEY).get("/api/v1/staff/ivan/schedule?from=2030-01-01&to=2030-06-01")
                .then().statusCode(400).body("field", equalTo("to"));
        given().header("X-Api-Key", KEY).get("/api/v1/staff/ivan/schedule?to=2030-01-01")
                .then().statusCode(400).body("field", equalTo("from"));
        given().header("X-Api-Key", KEY).get("/api/v1/slots?service=massage")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("service"));
        given().header("X-Api-Key", KEY).get("/api/v1/slots?service=stretching&staff=ivan")
                .then().statusCode(400).body("field", equalTo("staff"));
        given().header("X-Api-Key", KEY).get("/api/v1/slots?service=training&limit=many")
                .then().statusCode(400).body("field", equalTo("limit"));
        given().header("X-Api-Key", KEY).get("/api/v1/slots?service=training&after=evening")
                .then().statusCode(400).body("field", equalTo("after"));
    }

    /** A conversation of the studio with a client known to the service (a greeting went through the dialog). */
    static String conversation(String name, String phone) {
        Messages.Client client = new Messages.Client(UUID.randomUUID().toString(),
                new Contact(phone.substring(1), name, phone), Channel.WHATSAPP, "fitness-wa");
        EventEnvelope<MessageClassified> hello = Messages.classified(TENANT, client, "Здравствуйте", "OTHER",
                Entities.none());
        try (KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            KafkaEvents.send(hello, client.conversationId());
            replies.await(EventTypes.REPLY_REQUESTED,
                    e -> hello.data().message().messageId().equals(e.data().inReplyTo()), WAIT);
        }
        return client.conversationId();
    }

    @Test
    void parallelStaffBookingsOfOneSlotYieldOne201AndOnly409s() throws Exception {
        String conversation = conversation("Лев", "+79140000001");
        LocalDate tuesday = ordinary(DayOfWeek.TUESDAY, 4);
        int attempts = 6;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (KafkaEvents.Listener booked = KafkaEvents.listen(EventTypes.APPOINTMENT_BOOKED.topic())) {
            for (int i = 0; i < attempts; i++) {
                statuses.add(pool.submit(() -> {
                    go.await();
                    return given().header("X-Api-Key", KEY).contentType(ContentType.JSON)
                            .body(Map.of("conversationId", conversation, "service", "stretching", "staff", "olesya",
                                    "startsAt", tuesday + "T09:00"))
                            .post("/api/v1/appointments").then().extract().statusCode();
                }));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : statuses) {
                codes.add(f.get());
            }
            pool.shutdown();
            assertThat(codes).containsOnlyOnce(201).containsOnly(201, 409);
            AppointmentBooked a = booked.await(EventTypes.APPOINTMENT_BOOKED,
                    e -> conversation.equals(e.data().conversationId()), WAIT).event().data();
            assertThat(a.staffId()).isEqualTo("olesya");
            assertThat(a.startsAt()).isEqualTo(local(tuesday, 9, 0));
        }
        given().header("X-Api-Key", KEY).queryParam("from", tuesday.toString()).queryParam("to", tuesday.toString())
                .get("/api/v1/staff/olesya/schedule")
                .then().statusCode(200).body("days[0].appointments", hasSize(1));
    }

    @Test
    void staffBookMoveConfirmAndCancelWithTheirEvents() {
        Messages.Client client = new Messages.Client(UUID.randomUUID().toString(),
                new Contact("79140000000", "Вера", "+79140000000"), Channel.WHATSAPP, "fitness-wa");
        String conversation = client.conversationId();
        EventEnvelope<MessageClassified> hello = Messages.classified(TENANT, client, "Здравствуйте", "OTHER",
                Entities.none());
        try (KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            KafkaEvents.send(hello, conversation);
            replies.await(EventTypes.REPLY_REQUESTED,
                    e -> hello.data().message().messageId().equals(e.data().inReplyTo()), WAIT);
        }
        LocalDate monday = ordinary(DayOfWeek.MONDAY, 3);
        // Иван's Monday: 12:00–14:00 and 15:00–20:00; his first slot
        given().header("X-Api-Key", KEY).queryParam("service", "training").queryParam("staff", "ivan")
                .queryParam("from", monday.toString()).queryParam("limit", "3").get("/api/v1/slots")
                .then().statusCode(200).body("localStart", equalTo(List.of(monday + "T12:00:00",
                        monday + "T13:00:00", monday + "T15:00:00")));

        String id;
        try (KafkaEvents.Listener booked = KafkaEvents.listen(EventTypes.APPOINTMENT_BOOKED.topic())) {
            id = given().header("X-Api-Key", KEY).contentType(ContentType.JSON)
                    .body(Map.of("conversationId", conversation, "service", "training", "staff", "ivan",
                            "startsAt", monday + "T12:00"))
                    .post("/api/v1/appointments")
                    .then().statusCode(201).contentType("application/json")
                    .body("staff", equalTo("ivan")).body("status", equalTo("BOOKED"))
                    .body("startsAt", equalTo(local(monday, 12, 0).toString()))
                    .body("conversationId", equalTo(conversation))
                    .extract().path("id");
            AppointmentBooked a = booked.await(EventTypes.APPOINTMENT_BOOKED,
                    e -> e.data().appointmentId().toString().equals(id), WAIT).event().data();
            assertThat(a.conversationId()).isEqualTo(conversation);
            assertThat(a.staffId()).isEqualTo("ivan");
            assertThat(a.serviceName()).isEqualTo("Персональная тренировка");
            assertThat(a.startsAt()).isEqualTo(local(monday, 12, 0));
            assertThat(a.endsAt()).isEqualTo(local(monday, 13, 0));
            assertThat(a.timezone()).isEqualTo("Asia/Vladivostok");
            assertThat(a.channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(a.channelAccountId()).isEqualTo("fitness-wa");
            assertThat(a.contact().phone()).isEqualTo("+79140000000");
        }

        // the same specialist and time again: taken, with alternatives; lunch and his day off are not bookable
        given().header("X-Api-Key", KEY).contentType(ContentType.JSON)
                .body(Map.of("conversationId", conversation, "service", "training", "staff", "ivan",
                        "startsAt", monday + "T12:30"))
                .post("/api/v1/appointments")
                .then().statusCode(409).contentType("application/problem+json").body("field", equalTo("startsAt"))
                .body("detail", containsString(monday + "T13:00"));
        given().header("X-Api-Key", KEY).contentType(ContentType.JSON)
                .body(Map.of("conversationId", conversation, "service", "training", "staff", "ivan",
                        "startsAt", monday + "T14:00"))
                .post("/api/v1/appointments").then().statusCode(409);
        given().header("X-Api-Key", KEY).contentType(ContentType.JSON)
                .body(Map.of("conversationId", conversation, "service", "training", "staff", "ivan",
                        "startsAt", monday.plusDays(2) + "T12:00"))
                .post("/api/v1/appointments").then().statusCode(409);
        given().header("X-Api-Key", KEY).contentType(ContentType.JSON)
                .body(Map.of("conversationId", conversation, "service", "training", "staff", "ivan",
                        "startsAt", monday + "T23:00"))
                .post("/api/v1/appointments").then().statusCode(400).body("field", equalTo("startsAt"));
        given().header("X-Api-Key", KEY).contentType(ContentType.JSON)
                .body(Map.of("conversationId", conversation, "service", "massage", "staff", "ivan",
                        "startsAt", monday + "T16:00"))
                .post("/api/v1/appointments").then().statusCode(400).body("field", equalTo("service"));
        given().header("X-Api-Key", KEY).contentType(ContentType.JSON)
                .body(Map.of("conversationId", "nope", "service", "training", "staff", "ivan",
                        "startsAt", monday + "T16:00"))
                .post("/api/v1/appointments").then().statusCode(400).body("field", equalTo("conversationId"));
        given().header("X-Api-Key", KEY).contentType(ContentType.JSON)
                .body(Map.of("conversationId", conversation, "service", "training", "staff", "ivan",
                        "startsAt", "в полдень"))
                .post("/api/v1/appointments").then().statusCode(400).body("field", equalTo("startsAt"));

        given().header("X-Api-Key", KEY).queryParam("from", monday.toString()).queryParam("to", monday.toString())
                .get("/api/v1/staff/ivan/schedule")
                .then().statusCode(200)
                .body("days[0].working.from", equalTo(List.of("12:00:00", "15:00:00")))
                .body("days[0].free.from", equalTo(List.of("13:00:00", "15:00:00")))
                .body("days[0].appointments.id", equalTo(List.of(id)));

        try (KafkaEvents.Listener moved = KafkaEvents.listen(EventTypes.APPOINTMENT_RESCHEDULED.topic())) {
            given().header("X-Api-Key", KEY).contentType(ContentType.JSON)
                    .body(Map.of("startsAt", local(monday, 16, 0).toString()))
                    .post("/api/v1/appointments/" + id + "/reschedule")
                    .then().statusCode(200).body("startsAt", equalTo(local(monday, 16, 0).toString()))
                    .body("staff", equalTo("ivan"));
            AppointmentRescheduled r = moved.await(EventTypes.APPOINTMENT_RESCHEDULED,
                    e -> e.data().appointmentId().toString().equals(id), WAIT).event().data();
            assertThat(r.via()).isEqualTo("staff");
            assertThat(r.previousStartsAt()).isEqualTo(local(monday, 12, 0));
            assertThat(r.startsAt()).isEqualTo(local(monday, 16, 0));
            assertThat(r.staffId()).isNull();

            given().header("X-Api-Key", KEY).contentType(ContentType.JSON)
                    .body(Map.of("startsAt", monday + "T17:00", "staff", "olesya"))
                    .post("/api/v1/appointments/" + id + "/reschedule")
                    .then().statusCode(200).body("staff", equalTo("olesya")).body("staffName", equalTo("Олеся"));
            AppointmentRescheduled toOlesya = moved.await(EventTypes.APPOINTMENT_RESCHEDULED,
                    e -> e.data().appointmentId().toString().equals(id) && "olesya".equals(e.data().staffId()),
                    WAIT).event().data();
            assertThat(toOlesya.previousStartsAt()).isEqualTo(local(monday, 16, 0));
        }

        try (KafkaEvents.Listener confirmed = KafkaEvents.listen(EventTypes.APPOINTMENT_CONFIRMED.topic())) {
            given().header("X-Api-Key", KEY).post("/api/v1/appointments/" + id + "/confirm")
                    .then().statusCode(200).body("status", equalTo("CONFIRMED"));
            AppointmentConfirmed c = confirmed.await(EventTypes.APPOINTMENT_CONFIRMED,
                    e -> e.data().appointmentId().toString().equals(id), WAIT).event().data();
            assertThat(c.via()).isEqualTo("staff");
            assertThat(c.startsAt()).isEqualTo(local(monday, 17, 0));
        }
        given().header("X-Api-Key", KEY).post("/api/v1/appointments/" + id + "/confirm")
                .then().statusCode(409).contentType("application/problem+json");

        try (KafkaEvents.Listener cancelled = KafkaEvents.listen(EventTypes.APPOINTMENT_CANCELLED.topic())) {
            given().header("X-Api-Key", KEY).post("/api/v1/appointments/" + id + "/cancel")
                    .then().statusCode(200).body("status", equalTo("CANCELLED"));
            AppointmentCancelled c = cancelled.await(EventTypes.APPOINTMENT_CANCELLED,
                    e -> e.data().appointmentId().toString().equals(id), WAIT).event().data();
            assertThat(c.reason()).isEqualTo("staff");
        }
        given().header("X-Api-Key", KEY).post("/api/v1/appointments/" + id + "/cancel").then().statusCode(409);
        given().header("X-Api-Key", KEY).post("/api/v1/appointments/" + UUID.randomUUID() + "/cancel")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("X-Api-Key", "test-salon-key").post("/api/v1/appointments/" + id + "/confirm")
                .then().statusCode(404);
        // the cancelled visit frees the slot: Иван's 12:00 is offered again
        given().header("X-Api-Key", KEY).queryParam("service", "training").queryParam("staff", "ivan")
                .queryParam("from", monday.toString()).queryParam("limit", "1").get("/api/v1/slots")
                .then().statusCode(200).body("[0].localStart", equalTo(monday + "T12:00:00"));
    }
}
