package io.otklik.reminder;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.AppointmentBooked;
import io.otklik.events.data.AppointmentCancelled;
import io.otklik.events.data.AppointmentConfirmed;
import io.otklik.events.data.AppointmentRescheduled;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.otklik.reminder.schedule.ReminderExperiments;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test helpers: routing-service's appointment events as it would publish them, and the API reads. */
final class Appointments {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final String SALON = "demo-salon";
    static final String SALON_KEY = "test-salon-key";
    static final String CLINIC_KEY = "test-clinic-key";
    static final String WA_ACCOUNT = "106540352242922";
    /** The tenants file the service under test reads (%test.otklik.tenants.file). */
    static final TenantRegistry TENANTS = new TenantRegistry("../tenants.yaml", null);

    private Appointments() {
    }

    /** The given day from today at hh:00 in Moscow. */
    static Instant moscow(int daysAhead, int hour) {
        return LocalDate.now(MOSCOW).plusDays(daysAhead).atTime(hour, 0).atZone(MOSCOW).toInstant();
    }

    /**
     * A fresh conversation id (topics are shared, so every test uses its own) in arm A of the salon's reminder-timing
     * experiment (tenants.yaml), whose offsets are the policy's 24 h and 2 h.
     */
    static String conversation() {
        return conversation("wa:", "A");
    }

    /** A fresh conversation id with the prefix, in the given arm of the salon's reminder experiment (if it runs one). */
    static String conversation(String prefix, String arm) {
        Tenant salon = TENANTS.require(SALON);
        for (int i = 0; i < 1000; i++) {
            String conversation = prefix + UUID.randomUUID();
            if (ReminderExperiments.arm(salon, conversation, null).map(a -> a.variant().equals(arm)).orElse(true)) {
                return conversation;
            }
        }
        throw new IllegalStateException("no conversation lands in arm " + arm + " of the salon's reminder experiment");
    }

    static EventEnvelope<AppointmentBooked> booked(UUID id, String conversation, Instant startsAt) {
        return booked(SALON, id, conversation, startsAt, Channel.WHATSAPP, WA_ACCOUNT,
                new Contact("79161234567", "Иван", "+79161234567"));
    }

    static EventEnvelope<AppointmentBooked> booked(String tenant, UUID id, String conversation, Instant startsAt,
                                                   Channel channel, String account, Contact contact) {
        AppointmentBooked data = new AppointmentBooked(id, conversation, UUID.randomUUID(), "client-" + id, channel,
                account, contact, "haircut", "Стрижка", "anna", "Анна", startsAt, startsAt.plus(Duration.ofHours(1)),
                "Europe/Moscow");
        return EventEnvelope.of(EventTypes.APPOINTMENT_BOOKED, "routing-service", Instant.now(), tenant, conversation,
                data);
    }

    static EventEnvelope<AppointmentConfirmed> confirmed(UUID id, String conversation, Instant startsAt) {
        return EventEnvelope.of(EventTypes.APPOINTMENT_CONFIRMED, "routing-service", Instant.now(), SALON,
                conversation, new AppointmentConfirmed(id, conversation, null, startsAt, Instant.now(),
                        "client_reply"));
    }

    static EventEnvelope<AppointmentCancelled> cancelled(UUID id, String conversation, Instant startsAt) {
        return EventEnvelope.of(EventTypes.APPOINTMENT_CANCELLED, "routing-service", Instant.now(), SALON,
                conversation, new AppointmentCancelled(id, conversation, null, startsAt, Instant.now(),
                        "client asked"));
    }

    static EventEnvelope<AppointmentRescheduled> rescheduled(UUID id, String conversation, Instant from,
                                                             Instant to) {
        return EventEnvelope.of(EventTypes.APPOINTMENT_RESCHEDULED, "routing-service", Instant.now(), SALON,
                conversation, new AppointmentRescheduled(id, conversation, null, from, to,
                        to.plus(Duration.ofHours(1))));
    }

    static Response get(String path, UUID id) {
        return given().header("X-Api-Key", SALON_KEY).get(path, id);
    }

    /** Waits until the appointment is readable (its booking was consumed) with the wanted status; returns it. */
    static Map<String, Object> awaitAppointment(UUID id, String status) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Response r = get("/api/v1/appointments/{id}", id);
                    return r.statusCode() == 200 ? r.jsonPath().<String, Object>getMap("$") : Map.<String, Object>of();
                }, a -> status.equals(a.get("status")));
    }

    /** Waits until the appointment's reminders satisfy the check (its events were consumed); returns them. */
    static List<Map<String, Object>> awaitReminders(UUID id, java.util.function.Predicate<List<Map<String, Object>>>
            check) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Response r = get("/api/v1/appointments/{id}/reminders", id);
                    return r.statusCode() == 200 ? r.jsonPath().<Map<String, Object>>getList("$") : null;
                }, list -> list != null && check.test(list));
    }

    static Instant instant(Object json) {
        return Instant.parse((String) json);
    }
}
