package io.otklik.routing.rules;

import static io.otklik.routing.Messages.SALON;
import static io.otklik.routing.Messages.classified;
import static io.otklik.routing.Messages.entities;
import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.Entities;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.LeadRouted;
import io.otklik.events.data.MessageClassified;
import io.otklik.routing.Messages;
import io.otklik.routing.Messages.Client;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Leads routed by the tenants' rules through the real broker and database: seed 004's rule on the demo salon (its
 * WhatsApp, repeat-client, Instagram and no-match branches) and the default rules on the demo clinic, with the Lead
 * Quality Score on lead_created.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_routing_test"))
class RoutingFlowTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    record Lead(LeadCreated created, LeadRouted routed) {
    }

    static Lead leadOf(KafkaEvents.Listener leads, KafkaEvents.Listener routed, Client client) {
        LeadCreated created = leads.await(EventTypes.LEAD_CREATED,
                e -> e.data().conversationId().equals(client.conversationId()), WAIT).event().data();
        var route = routed.await(EventTypes.LEAD_ROUTED, e -> e.data().leadId().equals(created.leadId()), WAIT);
        assertThat(route.key()).isEqualTo(client.conversationId());
        return new Lead(created, route.event().data());
    }

    @Test
    void seedRuleBranchesOnTheDemoSalon() {
        Client newOnTelegram = Client.telegram("Пётр");
        Client repeat = Client.telegram("Нина");
        Client again = new Client(UUID.randomUUID().toString(), repeat.contact(), Channel.TELEGRAM,
                repeat.account());
        Client instagram = new Client(UUID.randomUUID().toString(), new Contact(
                "1784" + (100_000_000 + (long) (Math.random() * 800_000_000)), "Алина", null), Channel.INSTAGRAM,
                "17841400000000000");
        try (KafkaEvents.Listener leads = KafkaEvents.listen(EventTypes.LEAD_CREATED.topic());
             KafkaEvents.Listener routed = KafkaEvents.listen(EventTypes.LEAD_ROUTED.topic());
             KafkaEvents.Listener replies = KafkaEvents.listen(EventTypes.REPLY_REQUESTED.topic())) {
            // no branch matches a new Telegram client: the bot, P3; "сколько стоит" alone scores 2
            KafkaEvents.send(classified(SALON, newOnTelegram, "Сколько стоит?", "PRICE", Entities.none()),
                    newOnTelegram.conversationId());
            Lead none = leadOf(leads, routed, newOnTelegram);
            assertThat(none.routed()).extracting(LeadRouted::ruleId, LeadRouted::assignee, LeadRouted::assigneeRole,
                    LeadRouted::priority, LeadRouted::notifyAssignee).containsExactly("default", "bot", "bot", "P3",
                    false);
            assertThat(none.created().qualityScore()).isEqualTo(2);
            assertThat(none.created().qualitySignals()).containsExactly("intent");

            // branch 2: the client wrote before (another conversation) → the owner
            EventEnvelope<MessageClassified> hello = classified(SALON, repeat, "Здравствуйте", "OTHER",
                    Entities.none());
            KafkaEvents.send(hello, repeat.conversationId());
            replies.await(EventTypes.REPLY_REQUESTED,
                    e -> hello.data().message().messageId().equals(e.data().inReplyTo()), WAIT);
            KafkaEvents.send(classified(SALON, again, "Сколько стоит стрижка?", "PRICE",
                    entities("haircut", null, null)), again.conversationId());
            Lead owner = leadOf(leads, routed, again);
            assertThat(owner.routed()).extracting(LeadRouted::ruleId, LeadRouted::assignee, LeadRouted::assigneeRole,
                    LeadRouted::priority).containsExactly("rule-2", "olga", "owner", "P2");
            assertThat(owner.routed().reason()).startsWith("Правило 2 (строка 1): клиент повторный → владелец Ольга");
            assertThat(owner.created().qualityScore()).isEqualTo(4);
            assertThat(owner.created().qualitySignals()).containsExactly("intent", "service", "repeat");

            // branch 3: Instagram between 09:00 and 18:00 in Moscow → the bot offers a booking (outside: no match)
            KafkaEvents.send(classified(SALON, instagram, "Хочу подстричься", "BOOK",
                    entities("haircut", null, null)), instagram.conversationId());
            Lead bot = leadOf(leads, routed, instagram);
            int hour = ZonedDateTime.now(Messages.MOSCOW).getHour();
            boolean inWindow = hour >= 9 && hour < 18;
            assertThat(bot.routed()).extracting(LeadRouted::ruleId, LeadRouted::assignee, LeadRouted::priority)
                    .containsExactly(inWindow ? "rule-3" : "default", "bot", "P3");
            assertThat(bot.created().qualityScore()).isEqualTo(3);
        }
    }

    @Test
    void aTenantWithoutRulesSendsComplaintsToTheOwnerWithPriorityOneAndANotification() {
        Client patient = new Client(UUID.randomUUID().toString(), new Contact("79261234567", "Анна", "+79261234567"),
                Channel.WHATSAPP, "106540352242999");
        try (KafkaEvents.Listener leads = KafkaEvents.listen(EventTypes.LEAD_CREATED.topic());
             KafkaEvents.Listener routed = KafkaEvents.listen(EventTypes.LEAD_ROUTED.topic())) {
            KafkaEvents.send(classified("demo-clinic", patient, "Мне нагрубили на ресепшене", "COMPLAINT",
                    Entities.none()), patient.conversationId());
            Lead lead = leadOf(leads, routed, patient);
            assertThat(lead.routed()).extracting(LeadRouted::ruleId, LeadRouted::assignee, LeadRouted::assigneeRole,
                    LeadRouted::priority, LeadRouted::notifyAssignee)
                    .containsExactly("rule-1", "sergey", "owner", "P1", true);
            // the alert ingest-service sends carries the lead's summary, without the client's phone or name
            assertThat(lead.routed().summary()).isEqualTo(lead.created().summary()).startsWith("Жалоба")
                    .doesNotContain("79261234567").doesNotContain("Анна");
            assertThat(lead.created().qualityScore()).isEqualTo(2);
            assertThat(lead.created().qualitySignals()).containsExactly("phone");
        }
    }

    @Test
    void aWhatsAppBookingWithServiceTimeAndPhoneScoresFiveAndGoesToTheOnDutyManager() {
        Client ivan = Client.whatsApp("Иван");
        try (KafkaEvents.Listener leads = KafkaEvents.listen(EventTypes.LEAD_CREATED.topic());
             KafkaEvents.Listener routed = KafkaEvents.listen(EventTypes.LEAD_ROUTED.topic())) {
            KafkaEvents.send(classified(SALON, ivan, "Маникюр послезавтра в 12:00", "BOOK",
                    entities("manicure", Messages.daysAhead(2), LocalTime.of(12, 0))), ivan.conversationId());
            Lead lead = leadOf(leads, routed, ivan);
            String[] onDuty = Messages.salonOnDutyNow();
            assertThat(lead.routed()).extracting(LeadRouted::ruleId, LeadRouted::assignee, LeadRouted::assigneeRole)
                    .containsExactly("rule-1", onDuty[0], "on-duty");
            assertThat(lead.routed().reason()).isEqualTo("Правило 1 (строка 1): время ожидания < 5 мин и источник"
                    + " whatsapp → дежурный администратор " + onDuty[1] + ", приоритет P2");
            assertThat(lead.created().qualityScore()).isEqualTo(5);
        }
    }
}
