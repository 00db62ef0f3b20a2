package io.otklik.reminder;

import static io.otklik.reminder.Appointments.SALON;
import static io.otklik.reminder.Appointments.WAIT;
import static io.otklik.reminder.Appointments.awaitAppointment;
import static io.otklik.reminder.Appointments.awaitReminders;
import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.AppointmentBooked;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.LeadStatus;
import io.otklik.events.data.LeadStatusChanged;
import io.otklik.events.data.NoShow;
import io.otklik.platform.experiment.Experiments;
import io.otklik.platform.tenant.TenantRegistry;
import io.otklik.reminder.schedule.ReminderDispatcher;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * No-show by CRM status through the real broker and database: a manager's NO_SHOW (origin crm) on lead_status_changed
 * marks the lead's appointment once; our own echo (origin otklik) and unknown leads change nothing.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_reminder_test"))
class CrmNoShowTest {

    @Inject
    TenantRegistry tenants;

    @Inject
    ReminderDispatcher dispatcher;

    /** Books a salon appointment of {@code lead} starting at {@code startsAt}; waits until it is stored. */
    static UUID book(UUID lead, String conversation, Instant startsAt) {
        UUID id = UUID.randomUUID();
        AppointmentBooked data = new AppointmentBooked(id, conversation, lead, "client-" + id, Channel.WHATSAPP,
                Appointments.WA_ACCOUNT, new Contact("79161234567", "Иван", "+79161234567"), "haircut", "Стрижка",
                "anna", "Анна", startsAt, startsAt.plus(Duration.ofHours(1)), "Europe/Moscow");
        KafkaEvents.send(EventEnvelope.of(EventTypes.APPOINTMENT_BOOKED, "routing-service", Instant.now(), SALON,
                conversation, data), conversation);
        awaitAppointment(id, "BOOKED");
        return id;
    }

    static void statusChanged(UUID lead, String conversation, LeadStatus status, String origin) {
        KafkaEvents.send(EventEnvelope.of(EventTypes.LEAD_STATUS_CHANGED, "crm-sync-service", Instant.now(), SALON,
                conversation, new LeadStatusChanged(lead, conversation, "bitrix24", "4711", status,
                        LeadStatus.CONFIRMED, Instant.now(), origin)), conversation);
    }

    static Instant anHourAgo() {
        return Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void aManagersNoShowMarksTheStartedAppointmentOnceAndARepeatChangesNothing() {
        UUID lead = UUID.randomUUID();
        String conversation = Appointments.conversation();
        UUID started = book(lead, conversation, anHourAgo());
        UUID ahead = book(lead, conversation, Appointments.moscow(3, 12));
        awaitReminders(ahead, list -> list.size() == 2);

        try (KafkaEvents.Listener noShows = KafkaEvents.listen(EventTypes.NO_SHOW.topic())) {
            statusChanged(lead, conversation, LeadStatus.NO_SHOW, LeadStatusChanged.ORIGIN_CRM);
            var received = noShows.await(EventTypes.NO_SHOW, e -> started.equals(e.data().appointmentId()), WAIT);
            NoShow n = received.event().data();
            assertThat(n.markedBy()).isEqualTo("crm");
            assertThat(n.leadId()).isEqualTo(lead);
            assertThat(n.conversationId()).isEqualTo(conversation);
            assertThat(n.variants()).isEqualTo(Experiments.variants(tenants.byId(SALON).orElseThrow(), conversation))
                    .containsKey("confirm-wording");
            assertThat(received.key()).isEqualTo(conversation);
            assertThat(received.event().source()).isEqualTo("reminder-service");
            awaitAppointment(started, "NO_SHOW");

            // the same change again (a new event): the started visit is settled; ordered on the same key, the
            // marker after it is consumed after it
            statusChanged(lead, conversation, LeadStatus.NO_SHOW, LeadStatusChanged.ORIGIN_CRM);
            UUID markerLead = UUID.randomUUID();
            UUID marker = book(markerLead, conversation, anHourAgo());
            statusChanged(markerLead, conversation, LeadStatus.NO_SHOW, LeadStatusChanged.ORIGIN_CRM);
            noShows.await(EventTypes.NO_SHOW, e -> marker.equals(e.data().appointmentId()), WAIT);

            assertThat(noShows.drain(Duration.ofSeconds(2))).filteredOn(json -> json.contains(started.toString()))
                    .hasSize(1);
        }
        // the visit ahead: the started one was the one the manager meant; the repeat did not spill over to it
        awaitAppointment(ahead, "BOOKED");
    }

    @Test
    void withoutAStartedVisitTheLatestOpenOneIsMarkedItsRemindersSayNoShowAndItsFollowUpIsDisarmed() {
        UUID lead = UUID.randomUUID();
        String conversation = Appointments.conversation();
        Instant startsAt = Appointments.moscow(3, 13);
        UUID id = book(lead, conversation, startsAt);
        awaitReminders(id, list -> list.size() == 2);

        try (KafkaEvents.Listener noShows = KafkaEvents.listen(EventTypes.NO_SHOW.topic());
             KafkaEvents.Listener handoffs = KafkaEvents.listen(EventTypes.HANDOFF_REQUESTED.topic())) {
            statusChanged(lead, conversation, LeadStatus.NO_SHOW, LeadStatusChanged.ORIGIN_CRM);
            assertThat(noShows.await(EventTypes.NO_SHOW, e -> id.equals(e.data().appointmentId()), WAIT)
                    .event().data().markedBy()).isEqualTo("crm");
            awaitAppointment(id, "NO_SHOW");
            assertThat(awaitReminders(id, list -> true)).hasSize(2).allSatisfy(r -> assertThat(r)
                    .containsEntry("status", "SKIPPED").containsEntry("skipReason", "no_show"));

            // the follow-up deadline passes: a no-show is not followed up
            assertThat(dispatcher.dispatchDue(startsAt.minus(Duration.ofHours(3)).plusSeconds(60)).await()
                    .atMost(Duration.ofSeconds(30)).followUps()).doesNotContain(id);
            assertThat(handoffs.drain(Duration.ofSeconds(2))).noneMatch(json -> json.contains(conversation));
        }
    }

    @Test
    void ourOwnEchoAndUnknownLeadsChangeNothing() {
        UUID lead = UUID.randomUUID();
        String conversation = Appointments.conversation();
        UUID id = book(lead, conversation, anHourAgo());

        try (KafkaEvents.Listener noShows = KafkaEvents.listen(EventTypes.NO_SHOW.topic());
             KafkaEvents.Listener dlq = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.deadLetterTopic())) {
            statusChanged(lead, conversation, LeadStatus.NO_SHOW, LeadStatusChanged.ORIGIN_OTKLIK);
            statusChanged(lead, conversation, LeadStatus.NO_SHOW, null);
            statusChanged(lead, conversation, LeadStatus.WON, LeadStatusChanged.ORIGIN_CRM);
            UUID unknownLead = UUID.randomUUID();
            statusChanged(unknownLead, conversation, LeadStatus.NO_SHOW, LeadStatusChanged.ORIGIN_CRM);
            // consumed in order on the same key: once the marker's no-show is out, the events above were handled
            UUID markerLead = UUID.randomUUID();
            UUID marker = book(markerLead, conversation, anHourAgo());
            statusChanged(markerLead, conversation, LeadStatus.NO_SHOW, LeadStatusChanged.ORIGIN_CRM);
            noShows.await(EventTypes.NO_SHOW, e -> marker.equals(e.data().appointmentId()), WAIT);

            assertThat(noShows.drain(Duration.ofSeconds(2))).noneMatch(json -> json.contains(id.toString()));
            assertThat(dlq.drain(Duration.ofSeconds(1))).noneMatch(json -> json.contains(unknownLead.toString()));
        }
        awaitAppointment(id, "BOOKED");
    }

    @Test
    void aStatusChangeOfAnUnknownTenantIsADeadLetter() {
        String conversation = Appointments.conversation();
        UUID lead = UUID.randomUUID();
        try (KafkaEvents.Listener dlq = KafkaEvents.listen(EventTypes.LEAD_STATUS_CHANGED.deadLetterTopic())) {
            KafkaEvents.send(EventEnvelope.of(EventTypes.LEAD_STATUS_CHANGED, "crm-sync-service", Instant.now(),
                    "no-such-tenant", conversation, new LeadStatusChanged(lead, conversation, "bitrix24", "1",
                            LeadStatus.NO_SHOW, null, Instant.now(), LeadStatusChanged.ORIGIN_CRM)), conversation);
            var dead = dlq.awaitRaw(json -> json.contains(lead.toString()), WAIT);
            assertThat(dead.headers()).hasEntrySatisfying("dead-letter-reason",
                    reason -> assertThat(reason).contains("unknown tenant 'no-such-tenant'"));
        }
    }
}
