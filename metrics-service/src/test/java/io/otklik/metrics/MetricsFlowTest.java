package io.otklik.metrics;

import static io.otklik.metrics.TestEvents.ADMIN_KEY;
import static io.otklik.metrics.TestEvents.CLINIC_KEY;
import static io.otklik.metrics.TestEvents.SALON_KEY;
import static io.otklik.metrics.TestEvents.conversation;
import static io.otklik.metrics.TestEvents.json;
import static io.otklik.metrics.TestEvents.prometheus;
import static io.otklik.metrics.TestEvents.report;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.otklik.events.data.Channel;
import io.otklik.events.data.MessageReceived;
import io.otklik.events.data.ReplyKind;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Events published on the real broker become exact numbers: one known hour of traffic in a past window nobody else
 * writes to, read back per tenant, per channel, as the operator, and on /q/metrics.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_metrics_test"))
class MetricsFlowTest {

    static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void eachExperimentArmGetsItsBookingsConfirmationsAndNoShows() {
        Instant from = TestEvents.randomPastHour();
        Instant to = from.plus(Duration.ofHours(1));
        TestEvents salon = new TestEvents("demo-salon");
        MessageReceived c1 = salon.received(conversation(), Channel.WHATSAPP, null, from.plusSeconds(60));
        salon.bookedInArms(c1, from.plusSeconds(70), Map.of("reminder-timing", "A", "confirm-wording", "B"),
                true, false);
        MessageReceived c2 = salon.received(conversation(), Channel.TELEGRAM, null, from.plusSeconds(80));
        salon.bookedInArms(c2, from.plusSeconds(90), Map.of("reminder-timing", "A", "confirm-wording", "A"),
                false, true);
        MessageReceived c3 = salon.received(conversation(), Channel.WHATSAPP, null, from.plusSeconds(100));
        salon.bookedInArms(c3, from.plusSeconds(110), Map.of("reminder-timing", "B", "confirm-wording", "A"),
                true, false);
        MessageReceived c4 = salon.received(conversation(), Channel.TELEGRAM, null, from.plusSeconds(120));
        salon.bookedInArms(c4, from.plusSeconds(130), Map.of("reminder-timing", "B"), false, false);
        MessageReceived c5 = salon.received(conversation(), Channel.TELEGRAM, null, from.plusSeconds(140));
        salon.bookedInArms(c5, from.plusSeconds(150), Map.of(), true, true); // in no experiment
        TestEvents clinic = new TestEvents("demo-clinic");
        MessageReceived c6 = clinic.received(conversation(), Channel.WHATSAPP, null, from.plusSeconds(160));
        clinic.bookedInArms(c6, from.plusSeconds(170), Map.of("reminder-timing", "B"), true, true);

        // by hand: reminder-timing A = c1 (confirmed), c2 (no-show); B = c3 (confirmed), c4;
        // confirm-wording A = c2 (no-show), c3 (confirmed); B = c1 (confirmed); c5 and the clinic's c6 count nowhere
        JsonNode expected = json("""
                {"confirm-wording":{
                   "A":{"booked":2,"confirmed":1,"no_show":1,"confirmed_share":0.5,"no_show_rate":0.5},
                   "B":{"booked":1,"confirmed":1,"no_show":0,"confirmed_share":1.0,"no_show_rate":0.0}},
                 "reminder-timing":{
                   "A":{"booked":2,"confirmed":1,"no_show":1,"confirmed_share":0.5,"no_show_rate":0.5},
                   "B":{"booked":2,"confirmed":1,"no_show":0,"confirmed_share":0.5,"no_show_rate":0.0}}}""");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode r = report(SALON_KEY, from, to);
            assertThat(r.get("booked").asLong()).isEqualTo(5);
            assertThat(r.get("no_show").asLong()).isEqualTo(2);
            assertThat(r.get("by_variant")).isEqualTo(expected);
        });
        // WhatsApp only: c1 and c3, both confirmed
        assertThat(report(SALON_KEY, from, to, "channel", "WHATSAPP").get("by_variant")).isEqualTo(json("""
                {"confirm-wording":{
                   "A":{"booked":1,"confirmed":1,"no_show":0,"confirmed_share":1.0,"no_show_rate":0.0},
                   "B":{"booked":1,"confirmed":1,"no_show":0,"confirmed_share":1.0,"no_show_rate":0.0}},
                 "reminder-timing":{
                   "A":{"booked":1,"confirmed":1,"no_show":0,"confirmed_share":1.0,"no_show_rate":0.0},
                   "B":{"booked":1,"confirmed":1,"no_show":0,"confirmed_share":1.0,"no_show_rate":0.0}}}"""));
        // the clinic sees its own arm only
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(report(CLINIC_KEY, from, to).get("by_variant")).isEqualTo(json("""
                        {"reminder-timing":{"B":{"booked":1,"confirmed":1,"no_show":1,"confirmed_share":1.0,
                         "no_show_rate":1.0}}}""")));
    }

    /**
     * Two hours of one tenant's traffic, the second empty, sliced every way the API offers; every expected number
     * is counted by hand from the events below. Another tenant's events in the same hours never show.
     */
    @Test
    void groupsSliceEveryNumberAndATenantSeesOnlyItsOwn() {
        Instant from = TestEvents.randomPastHour();
        Instant to = from.plus(Duration.ofHours(2));
        TestEvents salon = new TestEvents("demo-salon");
        // c1: WhatsApp from Instagram (campaign "spring"), the bot answers in 800 ms, lead scored 5, booked in
        // reminder-timing A and confirmed; a manager agrees with the model's BOOK
        MessageReceived c1 = salon.received(conversation(), Channel.WHATSAPP, "instagram", from.plusSeconds(60));
        salon.classified(c1, "BOOK", false);
        salon.replied(c1, ReplyKind.ANSWER, 800);
        salon.scoredLead(c1, 5, from.plusSeconds(70));
        salon.bookedInArms(c1, from.plusSeconds(80), Map.of("reminder-timing", "A"), true, false);
        salon.feedback(c1, "BOOK", "BOOK", from.plusSeconds(900));
        // c2: Telegram without UTM, a fallback; sandbox: staff approve the draft, the answer goes out after 4 s
        // (a human first response); lead scored 2; the manager says INFO was wrong, it was BOOK
        MessageReceived c2 = salon.received(conversation(), Channel.TELEGRAM, null, from.plusSeconds(120));
        salon.classified(c2, "INFO", true);
        salon.draftApproved(c2, from.plusSeconds(123));
        salon.replied(c2, ReplyKind.ANSWER, 4000);
        salon.scoredLead(c2, 2, from.plusSeconds(130));
        salon.feedback(c2, "INFO", "BOOK", from.plusSeconds(910));
        // c3: Telegram from VK (campaign "spring"), the bot answers in 2 s, no lead; reviewed as right (PRICE),
        // then relabelled COMPLAINT: the latest label counts, so the model was wrong
        MessageReceived c3 = salon.received(conversation(), Channel.TELEGRAM, "vk", from.plusSeconds(180));
        salon.classified(c3, "PRICE", false);
        salon.replied(c3, ReplyKind.ANSWER, 2000);
        salon.feedback(c3, "PRICE", "PRICE", from.plusSeconds(920));
        salon.feedback(c3, "PRICE", "COMPLAINT", from.plusSeconds(930));
        // the clinic in the same hour: a Telegram lead scored 4, a right intent
        TestEvents clinic = new TestEvents("demo-clinic");
        MessageReceived c4 = clinic.received(conversation(), Channel.TELEGRAM, "vk", from.plusSeconds(200));
        clinic.classified(c4, "BOOK", false);
        clinic.replied(c4, ReplyKind.ANSWER, 300);
        clinic.scoredLead(c4, 4, from.plusSeconds(210));
        clinic.feedback(c4, "BOOK", "BOOK", from.plusSeconds(940));

        // totals: TTFR 800, 2000 (bot), 4000 (human): p50 2000, p90 4000, mean 6800 / 3 = 2266.7;
        // bot 800, 2000: p50 800 (nearest rank), mean 1400; LQS 5 and 2: mean 3.5; accuracy 1 of 3 (c1)
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode r = report(SALON_KEY, from, to);
            assertThat(r.get("conversations").asLong()).isEqualTo(3);
            assertThat(r.get("ttfr").get("count").asLong()).isEqualTo(3);
            assertThat(r.get("intent_accuracy").get("reviewed").asLong()).isEqualTo(3);
            assertThat(r.get("confirmed").asLong()).isEqualTo(1);
        });
        JsonNode r = report(SALON_KEY, from, to);
        assertThat(r.get("ttfr")).isEqualTo(json("""
                {"count":3,"p50_ms":2000,"p90_ms":4000,"p99_ms":4000,"max_ms":4000,"under_5s_share":1.0,
                 "mean_ms":2267}"""));
        assertThat(r.get("ttfr_bot")).isEqualTo(json("""
                {"count":2,"p50_ms":800,"p90_ms":2000,"p99_ms":2000,"max_ms":2000,"under_5s_share":1.0,
                 "mean_ms":1400}"""));
        assertThat(r.get("ttfr_human")).isEqualTo(json("""
                {"count":1,"p50_ms":4000,"p90_ms":4000,"p99_ms":4000,"max_ms":4000,"under_5s_share":1.0,
                 "mean_ms":4000}"""));
        assertThat(r.get("intent_accuracy")).isEqualTo(json("""
                {"reviewed":3,"correct":1,"accuracy":0.3333333333333333}"""));
        assertThat(r.get("lead_quality")).isEqualTo(json("""
                {"scored":2,"mean":3.5,"distribution":{"1":0,"2":1,"3":0,"4":0,"5":1}}"""));
        assertThat(r.has("groups")).isFalse();

        // by channel: all four, in the enum's order; feedback and confirmations count through their conversation
        JsonNode channels = report(SALON_KEY, from, to, "groupBy", "channel");
        assertThat(channels.get("group_by").asText()).isEqualTo("channel");
        assertThat(keys(channels)).containsExactly("WHATSAPP", "TELEGRAM", "INSTAGRAM", "WEB_FORM");
        JsonNode whatsapp = channels.get("groups").get(0);
        assertThat(whatsapp.get("conversations").asLong()).isEqualTo(1);
        assertThat(whatsapp.get("confirmed").asLong()).isEqualTo(1);
        assertThat(whatsapp.get("lead_quality").get("mean").asDouble()).isEqualTo(5.0);
        assertThat(whatsapp.get("intent_accuracy")).isEqualTo(json("{\"reviewed\":1,\"correct\":1,\"accuracy\":1.0}"));
        JsonNode telegram = channels.get("groups").get(1);
        assertThat(telegram.get("conversations").asLong()).isEqualTo(2);
        assertThat(telegram.get("fallback_rate").asDouble()).isEqualTo(0.5);
        assertThat(telegram.get("ttfr_bot").get("p50_ms").asLong()).isEqualTo(2000);
        assertThat(telegram.get("ttfr_human").get("p50_ms").asLong()).isEqualTo(4000);
        assertThat(telegram.get("intent_accuracy")).isEqualTo(json("{\"reviewed\":2,\"correct\":0,\"accuracy\":0.0}"));
        assertThat(telegram.get("lead_quality").get("distribution").get("2").asLong()).isEqualTo(1);
        assertThat(channels.get("groups").get(2).get("conversations").asLong()).isZero();

        // by UTM source and campaign: c2 came without; c1 and c3 share the campaign "spring"
        JsonNode sources = report(SALON_KEY, from, to, "groupBy", "utm_source");
        assertThat(keys(sources)).containsExactly("(none)", "instagram", "vk");
        assertThat(sources.get("groups").get(1).get("leads").asLong()).isEqualTo(1);
        assertThat(sources.get("groups").get(2).get("leads").asLong()).isZero();
        JsonNode campaigns = report(SALON_KEY, from, to, "groupBy", "utm_campaign");
        assertThat(keys(campaigns)).containsExactly("(none)", "spring");
        assertThat(campaigns.get("groups").get(1).get("conversations").asLong()).isEqualTo(2);
        assertThat(campaigns.get("groups").get(1).get("chat_to_lead").asDouble()).isEqualTo(0.5);
        assertThat(campaigns.get("groups").get(1).get("ttfr").get("mean_ms").asLong()).isEqualTo(1400);

        // by arm: only c1 is in an experiment; its conversation's messages and lead count there too
        JsonNode arms = report(SALON_KEY, from, to, "groupBy", "variant");
        assertThat(keys(arms)).containsExactly("reminder-timing:A");
        JsonNode a = arms.get("groups").get(0);
        assertThat(List.of(a.get("conversations").asLong(), a.get("leads").asLong(), a.get("booked").asLong(),
                a.get("confirmed").asLong())).containsExactly(1L, 1L, 1L, 1L);
        assertThat(a.get("confirmed_share").asDouble()).isEqualTo(1.0);

        // two dimensions at once: only c1 is in an experiment, on WhatsApp
        JsonNode channelArms = report(SALON_KEY, from, to, "groupBy", "channel,variant");
        assertThat(keys(channelArms)).containsExactly("WHATSAPP | reminder-timing:A");
        assertThat(channelArms.get("groups").get(0).get("keys")).isEqualTo(json("""
                {"channel":"WHATSAPP","variant":"reminder-timing:A"}"""));
        assertThat(channelArms.get("groups").get(0).get("confirmed").asLong()).isEqualTo(1);

        // by hour, in the salon's zone (Moscow): both hours listed, the second empty
        JsonNode hours = report(SALON_KEY, from, to, "groupBy", "hour");
        java.time.format.DateTimeFormatter hour = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:00");
        java.time.ZoneId moscow = java.time.ZoneId.of("Europe/Moscow");
        assertThat(keys(hours)).containsExactly(hour.format(from.atZone(moscow)),
                hour.format(from.plus(Duration.ofHours(1)).atZone(moscow)));
        assertThat(hours.get("groups").get(0).get("from").asText()).isEqualTo(from.toString());
        assertThat(hours.get("groups").get(0).get("messages").asLong()).isEqualTo(3);
        assertThat(hours.get("groups").get(1).get("messages").asLong()).isZero();
        assertThat(hours.get("groups").get(1).get("ttfr").get("count").asLong()).isZero();

        // isolation: the clinic sees only its conversation, in every slicing
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(report(CLINIC_KEY, from, to).get("intent_accuracy").get("reviewed").asLong())
                        .isEqualTo(1));
        JsonNode clinicChannels = report(CLINIC_KEY, from, to, "groupBy", "channel");
        assertThat(clinicChannels.get("tenant").asText()).isEqualTo("demo-clinic");
        assertThat(clinicChannels.get("conversations").asLong()).isEqualTo(1);
        assertThat(clinicChannels.get("lead_quality").get("mean").asDouble()).isEqualTo(4.0);
        assertThat(clinicChannels.get("groups").get(1).get("conversations").asLong()).isEqualTo(1);
        assertThat(clinicChannels.get("groups").get(0).get("conversations").asLong()).isZero();
        assertThat(keys(report(CLINIC_KEY, from, to, "groupBy", "utm_source"))).containsExactly("vk");
        assertThat(keys(report(CLINIC_KEY, from, to, "groupBy", "variant"))).isEmpty();
        given().header("X-Api-Key", CLINIC_KEY).queryParam("tenant", "demo-salon").queryParam("groupBy", "day")
                .get("/api/v1/metrics").then().statusCode(403);
        given().header("X-Api-Key", SALON_KEY).queryParam("groupBy", "month").get("/api/v1/metrics").then()
                .statusCode(400).body("field", org.hamcrest.Matchers.equalTo("groupBy"))
                .body("detail", org.hamcrest.Matchers.containsString("channel, utm_source, utm_campaign, variant"));
    }

    /**
     * A day of the salon (Moscow): Анна and Екатерина work 09:00–21:00, 720 minutes each. Анна has 10:00–11:00
     * (60) and a 15:00 visit moved to 17:00–18:00 (60); Екатерина 12:00–13:30 (90) and an 18:00 visit that was
     * cancelled; an evening visit 20:30–21:30 the day before is outside. Total 210 of 1440 minutes.
     */
    @Test
    void specialistLoadOfADayByHand() {
        java.time.ZoneId moscow = java.time.ZoneId.of("Europe/Moscow");
        // a random day of 2021–2024: no other test writes there (their hours lie in 2001–2020)
        java.time.LocalDate day = java.time.LocalDate.of(2021, 1, 1)
                .plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(4 * 365));
        Instant from = day.atStartOfDay(moscow).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(moscow).toInstant();
        java.util.function.BiFunction<Integer, Integer, Instant> at = (h, m) -> day.atTime(h, m).atZone(moscow)
                .toInstant();
        TestEvents salon = new TestEvents("demo-salon");
        MessageReceived c = salon.received(conversation(), Channel.TELEGRAM, null, from.minus(Duration.ofDays(2)));
        Instant booking = from.minus(Duration.ofDays(1));
        salon.appointment(c, "anna", at.apply(10, 0), at.apply(11, 0), booking);
        var moved = salon.appointment(c, "anna", at.apply(15, 0), at.apply(16, 0), booking.plusSeconds(60));
        salon.rescheduled(c, moved, at.apply(15, 0), at.apply(17, 0), at.apply(18, 0), booking.plusSeconds(120));
        salon.appointment(c, "katya", at.apply(12, 0), at.apply(13, 30), booking.plusSeconds(180));
        var dropped = salon.appointment(c, "katya", at.apply(18, 0), at.apply(19, 0), booking.plusSeconds(240));
        salon.cancelled(c, dropped, at.apply(18, 0), booking.plusSeconds(300));
        salon.appointment(c, "katya", at.apply(20, 30).minus(Duration.ofDays(1)),
                at.apply(21, 30).minus(Duration.ofDays(1)), booking.plusSeconds(360));

        JsonNode expected = json("""
                {"booked_minutes":210,"working_minutes":1440,"load":0.14583333333333334,"by_staff":[
                  {"staff_id":"anna","name":"Анна","booked_minutes":120,"working_minutes":720,
                   "load":0.16666666666666666},
                  {"staff_id":"katya","name":"Екатерина","booked_minutes":90,"working_minutes":720,"load":0.125}]}""");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(report(SALON_KEY, from, to).get("specialist_load")).isEqualTo(expected));
        // per local day: the same on the day, nothing booked on the next one; no load per channel or for all tenants
        JsonNode days = report(SALON_KEY, from, to.plus(Duration.ofDays(1)), "groupBy", "day");
        assertThat(days.get("groups").get(0).get("specialist_load")).isEqualTo(expected);
        assertThat(days.get("groups").get(1).get("specialist_load").get("booked_minutes").asLong()).isZero();
        assertThat(days.get("groups").get(1).get("specialist_load").get("working_minutes").asLong()).isEqualTo(1440);
        assertThat(report(SALON_KEY, from, to, "groupBy", "channel").get("groups").get(0).has("specialist_load"))
                .isFalse();
        assertThat(report(ADMIN_KEY, from, to).has("specialist_load")).isFalse();
    }

    private static List<String> keys(JsonNode report) {
        List<String> keys = new java.util.ArrayList<>();
        report.get("groups").forEach(g -> keys.add(g.get("key").asText()));
        return keys;
    }

    @Test
    void aKnownHourOfTrafficGivesExactNumbers() {
        Instant from = TestEvents.randomPastHour();
        Instant to = from.plus(Duration.ofHours(1));
        JsonNode before = report(SALON_KEY, from, to);
        assertThat(before.get("conversations").asLong()).isZero();
        assertThat(before.get("ttfr").get("count").asLong()).isZero();
        double clinicFirstResponsesBefore = prometheus("otklik_first_response_seconds_count",
                Map.of("tenant", "demo-clinic", "channel", "TELEGRAM"));
        double clinicSecondsBefore = prometheus("otklik_first_response_seconds_sum",
                Map.of("tenant", "demo-clinic", "channel", "TELEGRAM"));

        TestEvents salon = new TestEvents("demo-salon");
        // WhatsApp from an Instagram ad: answered in 800 ms, became a lead, booked and confirmed
        MessageReceived c1 = salon.received(conversation(), Channel.WHATSAPP, "instagram", from.plusSeconds(60));
        salon.classified(c1, "BOOK", false);
        salon.replied(c1, ReplyKind.ANSWER, 800);
        salon.lead(c1, "instagram", from.plusSeconds(70));
        salon.booked(c1, from.plusSeconds(80), true);
        // Telegram: the bot was not sure (fallback), answered in 1200 ms and once more later (not a first
        // response), a follow-up failed; a lead without UTM
        MessageReceived c2 = salon.received(conversation(), Channel.TELEGRAM, null, from.plusSeconds(120));
        salon.classified(c2, "INFO", true);
        salon.replied(c2, ReplyKind.ANSWER, 1200);
        MessageReceived c2again = salon.message(c2.conversationId(), Channel.TELEGRAM, null, from.plusSeconds(600));
        salon.replied(c2again, ReplyKind.ANSWER, 5000);
        salon.lead(c2, null, from.plusSeconds(130));
        salon.replyFailed(c2, from.plusSeconds(700));
        // web form: two messages, answered in 3000 ms, a follow-up, no lead
        MessageReceived c3 = salon.received(conversation(), Channel.WEB_FORM, null, from.plusSeconds(180));
        salon.received(c3.conversationId(), Channel.WEB_FORM, null, from.plusSeconds(240));
        salon.classified(c3, "PRICE", false);
        salon.replied(c3, ReplyKind.ANSWER, 3000);
        salon.replied(c3, ReplyKind.FOLLOW_UP, 900_000);
        // another tenant in the same hour (on a channel it does not use, so no other test feeds that meter)
        TestEvents clinic = new TestEvents("demo-clinic");
        MessageReceived c4 = clinic.received(conversation(), Channel.TELEGRAM, "vk", from.plusSeconds(300));
        clinic.replied(c4, ReplyKind.ANSWER, 400);
        clinic.lead(c4, null, from.plusSeconds(310));

        JsonNode expected = json("""
                {"tenant":"demo-salon","from":"%s","to":"%s",
                 "conversations":3,"messages":4,"leads":2,"booked":1,"confirmed":1,"cancelled":0,"rescheduled":0,"no_show":0,
                 "replies_sent":5,"replies_failed":1,
                 "fallback_rate":0.3333333333333333,"chat_to_lead":0.6666666666666666,
                 "confirmed_share":1.0,"no_show_rate":0.0,
                 "ttfr":{"count":3,"p50_ms":1200,"p90_ms":3000,"p99_ms":3000,"max_ms":3000,"under_5s_share":1.0,
                         "mean_ms":1667},
                 "ttfr_bot":{"count":3,"p50_ms":1200,"p90_ms":3000,"p99_ms":3000,"max_ms":3000,
                             "under_5s_share":1.0,"mean_ms":1667},
                 "ttfr_human":{"count":0,"p50_ms":null,"p90_ms":null,"p99_ms":null,"max_ms":null,
                               "under_5s_share":0.0,"mean_ms":null},
                 "intent_accuracy":{"reviewed":0,"correct":0,"accuracy":0.0},
                 "lead_quality":{"scored":0,"mean":null,"distribution":{"1":0,"2":0,"3":0,"4":0,"5":0}},
                 "intents":{"BOOK":1,"INFO":1,"PRICE":1},
                 "by_channel":{
                   "WHATSAPP":{"conversations":1,"messages":1,"leads":1,"booked":1,"ttfr_p50_ms":800},
                   "TELEGRAM":{"conversations":1,"messages":1,"leads":1,"booked":0,"ttfr_p50_ms":1200},
                   "INSTAGRAM":{"conversations":0,"messages":0,"leads":0,"booked":0,"ttfr_p50_ms":null},
                   "WEB_FORM":{"conversations":1,"messages":2,"leads":0,"booked":0,"ttfr_p50_ms":3000}},
                 "by_utm_source":{"(none)":{"conversations":2,"leads":1},"instagram":{"conversations":1,"leads":1}},
                 "by_variant":{}}
                """.formatted(from, to));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode r = report(SALON_KEY, from, to);
            JsonNode load = ((com.fasterxml.jackson.databind.node.ObjectNode) r).remove("specialist_load");
            assertThat(r).isEqualTo(expected);
            // the salon's two specialists work 09:00–21:00 Moscow time every day: the hour is theirs or not;
            // the booking is for the next day, so nothing of it falls in this hour
            int hour = from.atZone(java.time.ZoneId.of("Europe/Moscow")).getHour();
            assertThat(load.get("working_minutes").asLong()).isEqualTo(hour >= 9 && hour < 21 ? 120 : 0);
            assertThat(load.get("booked_minutes").asLong()).isZero();
        });

        // one channel: the confirmation carries no channel and counts through its conversation's
        JsonNode whatsapp = report(SALON_KEY, from, to, "channel", "WHATSAPP");
        assertThat(whatsapp.get("conversations").asLong()).isEqualTo(1);
        assertThat(whatsapp.get("messages").asLong()).isEqualTo(1);
        assertThat(whatsapp.get("leads").asLong()).isEqualTo(1);
        assertThat(whatsapp.get("booked").asLong()).isEqualTo(1);
        assertThat(whatsapp.get("confirmed").asLong()).isEqualTo(1);
        assertThat(whatsapp.get("replies_sent").asLong()).isEqualTo(1);
        assertThat(whatsapp.get("fallback_rate").asDouble()).isZero();
        assertThat(whatsapp.get("intents")).isEqualTo(json("{\"BOOK\":1}"));
        assertThat(whatsapp.get("ttfr")).isEqualTo(json("""
                {"count":1,"p50_ms":800,"p90_ms":800,"p99_ms":800,"max_ms":800,"under_5s_share":1.0,
                 "mean_ms":800}"""));
        assertThat(whatsapp.get("by_channel").get("TELEGRAM").get("conversations").asLong()).isZero();
        assertThat(whatsapp.get("by_utm_source")).isEqualTo(json("{\"instagram\":{\"conversations\":1,\"leads\":1}}"));

        // a window that ends before the replies were sent has the messages but no first responses
        JsonNode firstMinute = report(SALON_KEY, from, from.plusMillis(60_500));
        assertThat(firstMinute.get("messages").asLong()).isEqualTo(1);
        assertThat(firstMinute.get("ttfr").get("count").asLong()).isZero();

        // the clinic sees only itself; the operator sees both, or one tenant on request
        // (the clinic's events are consumed on their own; wait for them as for the salon's)
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode clinicView = report(CLINIC_KEY, from, to);
            assertThat(clinicView.get("tenant").asText()).isEqualTo("demo-clinic");
            assertThat(clinicView.get("conversations").asLong()).isEqualTo(1);
            assertThat(clinicView.get("by_utm_source"))
                    .isEqualTo(json("{\"vk\":{\"conversations\":1,\"leads\":1}}"));
        });
        JsonNode all = report(ADMIN_KEY, from, to);
        assertThat(all.get("tenant").asText()).isEqualTo("*");
        assertThat(all.get("conversations").asLong()).isEqualTo(4);
        assertThat(all.get("leads").asLong()).isEqualTo(3);
        assertThat(all.get("chat_to_lead").asDouble()).isEqualTo(0.75);
        assertThat(all.get("ttfr").get("count").asLong()).isEqualTo(4);
        assertThat(all.get("ttfr").get("p50_ms").asLong()).isEqualTo(800); // 400, 800, 1200, 3000
        assertThat(all.get("by_channel").get("TELEGRAM").get("conversations").asLong()).isEqualTo(2);
        JsonNode operatorOnClinic = report(ADMIN_KEY, from, to, "tenant", "demo-clinic");
        assertThat(operatorOnClinic).isEqualTo(report(CLINIC_KEY, from, to));

        // Prometheus: the clinic's one conversation was observed once, 0.4 s
        assertThat(prometheus("otklik_first_response_seconds_count",
                Map.of("tenant", "demo-clinic", "channel", "TELEGRAM")) - clinicFirstResponsesBefore).isEqualTo(1.0);
        assertThat(prometheus("otklik_first_response_seconds_sum",
                Map.of("tenant", "demo-clinic", "channel", "TELEGRAM")) - clinicSecondsBefore)
                .isCloseTo(0.4, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(prometheus("otklik_first_response_seconds_bucket",
                Map.of("tenant", "demo-clinic", "channel", "TELEGRAM", "le", "5.0"))).isGreaterThanOrEqualTo(1.0);
        assertThat(prometheus("otklik_events_total", Map.of("tenant", "demo-salon", "type", "reply_sent")))
                .isGreaterThanOrEqualTo(5.0);
        assertThat(prometheus("otklik_events_total", Map.of("tenant", "demo-clinic", "type", "lead_created")))
                .isGreaterThanOrEqualTo(1.0);
    }
}
