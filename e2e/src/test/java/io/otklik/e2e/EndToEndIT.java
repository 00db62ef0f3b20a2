package io.otklik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otklik.e2e.demo.Conversations;
import io.otklik.e2e.demo.DemoMain;
import io.otklik.e2e.demo.ReminderDay;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The six services together, as processes, on a fresh Kafka broker and PostgreSQL, with WireMock standing in for
 * WhatsApp, Telegram, Instagram, the SMS gateway and Bitrix24: one WhatsApp message travels ingest → nlu → routing → ingest (reply) and
 * crm-sync (Bitrix24 lead) → reminder → metrics. Assertions are on what the fakes received and on metrics-service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    static final Duration WAIT = Duration.ofSeconds(45);
    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    static InfraProcess infra;
    static Fakes fakes;
    static Suite suite;
    static Clients clients;

    static RunningSuite run;

    @BeforeAll
    static void startEverything() throws Exception {
        run = RunningSuite.start("e2e", "e2e-run");
        infra = run.infra();
        fakes = run.fakes();
        suite = run.suite();
        clients = run.clients();
    }

    @AfterAll
    static void stopEverything() {
        if (run != null) {
            run.close();
        }
    }

    static JsonNode metrics() throws Exception {
        return Http.get(suite.url(Suite.Service.METRICS) + "/api/v1/metrics", DemoSecrets.ADMIN_API_KEY);
    }

    static List<JsonNode> leadAddsFor(String phone) {
        return fakes.bitrixLeadAdds().stream()
                .filter(b -> b.path("fields").path("PHONE").path(0).path("VALUE").asText().equals(phone)).toList();
    }

    @Test
    @Order(1)
    void oneWhatsAppMessageBecomesAReplyABitrixLeadABookingAndMetrics() throws Exception {
        String waId = "79161234567";
        Clients.Webhook webhook = Clients.whatsApp(DemoSecrets.SALON_WA_NUMBER, DemoSecrets.SALON_WA_APP_SECRET,
                waId, "Иван",
                "Здравствуйте! Хочу записаться на стрижку завтра в 15:00, мой номер +7 916 123-45-67");
        Instant sent = Instant.now();
        Clients.Answer answer = clients.deliver(webhook);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("accepted").asInt()).isEqualTo(1);

        // ingest → nlu → routing → ingest: the client gets exactly this WhatsApp Cloud API request
        Awaitility.await().atMost(WAIT).until(() -> fakes.whatsAppMessagesTo(waId).size() == 1);
        LocalDate tomorrow = LocalDate.ofInstant(sent, MOSCOW).plusDays(1);
        // Иван's WhatsApp conversation (its id is a name-based UUID of tenant, channel, number and wa_id) falls into
        // variant B of the demo salon's confirm-wording experiment: SHA-256("confirm-wording:" + id) is odd
        String expectedText = Expectations.bookedText("B", "Стрижка", tomorrow, "15:00", "Анна", 1500);
        JsonNode reply = fakes.whatsAppMessagesTo(waId).get(0);
        assertThat(reply).isEqualTo(JSON.readTree("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"79161234567","type":"text",
                 "text":{"preview_url":false,"body":%s}}""".formatted(JSON.writeValueAsString(expectedText))));
        assertThat(fakes.whatsAppRequestsTo(waId).get(0).getHeader("Authorization"))
                .isEqualTo("Bearer demo-wa-token-salon");
        assertThat(fakes.whatsAppRequestsTo(waId).get(0).getUrl())
                .isEqualTo("/whatsapp/v21.0/" + DemoSecrets.SALON_WA_NUMBER + "/messages");

        // routing's lead → crm-sync → Bitrix24 crm.lead.add with the lead's data
        Awaitility.await().atMost(WAIT).until(() -> leadAddsFor("+79161234567").size() == 1);
        JsonNode lead = leadAddsFor("+79161234567").get(0);
        JsonNode appointments = Http.get(suite.url(Suite.Service.ROUTING) + "/api/v1/appointments?from="
                + sent.minus(Duration.ofDays(1)) + "&to=" + sent.plus(Duration.ofDays(3)), DemoSecrets.SALON_API_KEY);
        assertThat(appointments).hasSize(1);
        String leadId = appointments.get(0).path("leadId").asText();
        assertThat(lead.path("fields").path("UF_CRM_OTKLIK_LQS").asInt()).isBetween(1, 5);
        JsonNode withoutScore = lead.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) withoutScore.path("fields")).remove("UF_CRM_OTKLIK_LQS");
        assertThat(withoutScore).isEqualTo(JSON.readTree(Expectations.bitrixLeadAdd(leadId, "Иван", "+79161234567",
                tomorrow)));

        Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            JsonNode m = metrics();
            assertThat(m.path("conversations").asInt()).isEqualTo(1);
            assertThat(m.path("messages").asInt()).isEqualTo(1);
            assertThat(m.path("leads").asInt()).isEqualTo(1);
            assertThat(m.path("booked").asInt()).isEqualTo(1);
            assertThat(m.path("ttfr").path("count").asInt()).isEqualTo(1);
            assertThat(m.path("ttfr").path("p50_ms").asLong()).isPositive().isLessThan(30_000);
        });

        // reminder-service stored the appointment and planned its reminders
        String appointmentId = appointments.get(0).path("id").asText();
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(Http.get(suite.url(Suite.Service.REMINDER)
                + "/api/v1/appointments/" + appointmentId + "/reminders", DemoSecrets.SALON_API_KEY)).isNotEmpty());

        // "Да" confirms: appointment_confirmed → Bitrix24 lead updated with the custom field, metrics count it
        clients.deliver(Clients.whatsApp(DemoSecrets.SALON_WA_NUMBER, DemoSecrets.SALON_WA_APP_SECRET, waId, "Иван",
                "Да"));
        Awaitility.await().atMost(WAIT).until(() -> fakes.whatsAppMessagesTo(waId).size() == 2);
        Awaitility.await().atMost(WAIT).until(() -> fakes.bitrixLeadUpdates().stream()
                .anyMatch(u -> "Y".equals(u.path("fields").path("UF_CRM_APPOINTMENT_CONFIRMED").asText())));
        Awaitility.await().atMost(WAIT).untilAsserted(() ->
                assertThat(metrics().path("confirmed").asInt()).isEqualTo(1));
    }

    @Test
    @Order(2)
    void theSameWebhookDeliveredTwiceMakesOneLeadAndOneReply() throws Exception {
        String waId = "79035550101";
        Clients.Webhook webhook = Clients.whatsApp(DemoSecrets.SALON_WA_NUMBER, DemoSecrets.SALON_WA_APP_SECRET,
                waId, "Мария", "Хочу записаться на маникюр послезавтра в 12:00");
        JsonNode before = metrics();
        assertThat(clients.deliver(webhook).body().path("accepted").asInt()).isEqualTo(1);
        Clients.Answer again = clients.deliver(webhook);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("duplicates").asInt()).isEqualTo(1);

        Awaitility.await().atMost(WAIT).until(() -> fakes.whatsAppMessagesTo(waId).size() >= 1
                && leadAddsFor("+79035550101").size() >= 1);
        Awaitility.await().atMost(WAIT).untilAsserted(() ->
                assertThat(metrics().path("leads").asInt()).isEqualTo(before.path("leads").asInt() + 1));
        // and nothing more arrives afterwards
        Thread.sleep(3000);
        assertThat(fakes.whatsAppMessagesTo(waId)).hasSize(1);
        assertThat(leadAddsFor("+79035550101")).hasSize(1);
        JsonNode after = metrics();
        assertThat(after.path("messages").asInt()).isEqualTo(before.path("messages").asInt() + 1);
        assertThat(after.path("leads").asInt()).isEqualTo(before.path("leads").asInt() + 1);
    }

    @Test
    @Order(3)
    void anInstagramDirectMessageIsAnsweredOnInstagramAndBecomesABitrixLead() throws Exception {
        String igsid = "1234567890999001";
        Clients.Webhook webhook = Clients.instagram(DemoSecrets.SALON_IG_ACCOUNT, DemoSecrets.SALON_IG_APP_SECRET,
                igsid, "Здравствуйте! Хочу записаться на педикюр послезавтра в 11:00", null);
        Clients.Answer answer = clients.deliver(webhook);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("accepted").asInt()).isEqualTo(1);

        Awaitility.await().atMost(WAIT).until(() -> !fakes.instagramMessagesTo(igsid).isEmpty());
        JsonNode reply = fakes.instagramMessagesTo(igsid).get(0);
        assertThat(reply.path("message").path("text").asText()).containsIgnoringCase("педикюр");
        assertThat(reply.path("message").path("text").asText().length()).isLessThan(1000);
        Awaitility.await().atMost(WAIT).until(() -> fakes.bitrixLeadAdds().stream()
                .anyMatch(b -> b.path("fields").path("TITLE").asText().endsWith(" — Instagram")));
        // the signature is checked with the tenant's Instagram app secret: the same body signed otherwise is refused
        Clients.Webhook forged = new Clients.Webhook(webhook.path(), webhook.body(),
                Map.of("X-Hub-Signature-256", Clients.sign(webhook.body(), "not-the-secret"),
                        "Content-Type", "application/json"));
        assertThat(clients.deliver(forged).status()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void theDemoConversationsAllGetAnswersAndTheSummaryAddsUp() throws Exception {
        DemoMain.Demo demo = new DemoMain.Demo(suite, fakes);
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        DemoMain.Demo.Result result = demo.replay(Conversations.all(),
                new PrintStream(transcript, true, StandardCharsets.UTF_8));
        System.out.println(transcript.toString(StandardCharsets.UTF_8));
        assertThat(result.unanswered()).isZero();
        assertThat(result.conversations()).isGreaterThanOrEqualTo(20);
        assertThat(result.duplicates()).isEqualTo(1);
        JsonNode m = demo.settledMetrics(result, Duration.ofSeconds(60));
        assertThat(m.path("conversations").asInt()).isGreaterThanOrEqualTo(20);
        assertThat(m.path("booked").asInt()).isGreaterThanOrEqualTo(1);
        // Роман moves his haircut, Юлия cancels her pedicure
        assertThat(m.path("rescheduled").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(m.path("cancelled").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(m.path("leads").asInt()).isGreaterThanOrEqualTo(1).isEqualTo(fakes.distinctCrmLeads());
        assertThat(transcript.toString(StandardCharsets.UTF_8)).contains("клиент →", "бот    →");
        assertThat(result.byChannel()).containsOnlyKeys("WHATSAPP", "TELEGRAM", "INSTAGRAM", "WEB_FORM")
                .allSatisfy((channel, n) -> assertThat(n).as(channel).isPositive());
    }

    /**
     * The demo's reminder day on the state the conversations left: reminder-service's clock is moved past the last
     * visit; reminders reach the channel fakes through ingest; a Telegram «Подтвердить» press, a WhatsApp «Да» and an
     * «Отменить» press confirm and cancel through routing; staff mark one visit missed and the others (the
     * confirmed ones too) attended but one, which the tenant's timeout makes a no-show.
     */
    @Test
    @Order(5)
    void theReminderDaySendsRemindersAndTheAnswersAndMarksReachMetrics() throws Exception {
        Instant start = Instant.now();
        JsonNode before = metrics();
        ReminderDay.Result day = new ReminderDay(suite, fakes, System.out).run(Conversations.all());
        assertThat(day.sent()).isPositive();
        assertThat(day.answers()).isEqualTo(3);
        assertThat(day.missedMarks()).isEqualTo(1);
        assertThat(day.attendedMarks()).isGreaterThanOrEqualTo(2); // the two confirmed clients came
        // the timeout decides exactly the visits nobody marked: no marked visit becomes a no-show
        assertThat(day.unmarked()).isEqualTo(1);
        assertThat(day.noShows()).isEqualTo(day.unmarked());
        assertThat(day.virtualNow()).isAfter(start.plus(Duration.ofDays(1)));
        String window = "?from=" + start.minus(Duration.ofDays(1)) + "&to=" + day.virtualNow().plusSeconds(60);
        Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            JsonNode m = Http.get(suite.url(Suite.Service.METRICS) + "/api/v1/metrics" + window,
                    DemoSecrets.ADMIN_API_KEY);
            assertThat(m.path("confirmed").asInt()).isGreaterThanOrEqualTo(before.path("confirmed").asInt() + 2);
            assertThat(m.path("cancelled").asInt()).isGreaterThanOrEqualTo(before.path("cancelled").asInt() + 1);
            assertThat(m.path("no_show").asInt()).isEqualTo(day.missedMarks() + day.noShows());
        });
    }
}
