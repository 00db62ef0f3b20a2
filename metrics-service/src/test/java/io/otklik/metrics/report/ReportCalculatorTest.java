package io.otklik.metrics.report;

import static io.otklik.events.data.Channel.INSTAGRAM;
import static io.otklik.events.data.Channel.TELEGRAM;
import static io.otklik.events.data.Channel.WEB_FORM;
import static io.otklik.events.data.Channel.WHATSAPP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.otklik.events.Topics;
import io.otklik.events.data.Channel;
import io.otklik.platform.web.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Synthetic fact streams whose expected numbers are counted by hand in the comments. */
class ReportCalculatorTest {

    static final Instant FROM = Instant.parse("2020-03-14T00:00:00Z");
    static final Instant TO = Instant.parse("2020-03-15T00:00:00Z");
    static final Instant AT = FROM.plusSeconds(3600);

    /** A small day: three conversations on two channels, one without a channel of its own on its appointments. */
    static WindowFacts day() {
        List<FactRow> rows = new ArrayList<>();
        Map<FactRow.ConversationKey, ConversationInfo> conversations = new HashMap<>();
        // w1, w2: WhatsApp (w1 from Instagram's "spring" campaign); t1: Telegram, no UTM
        conversations.put(key("w1"), new ConversationInfo(WHATSAPP, "instagram", "spring", Map.of()));
        conversations.put(key("w2"), new ConversationInfo(WHATSAPP, null, null, Map.of()));
        conversations.put(key("t1"), new ConversationInfo(TELEGRAM, null, null, Map.of()));
        rows.add(message("w1", WHATSAPP, "instagram"));
        rows.add(message("w1", WHATSAPP, null));
        rows.add(message("w2", WHATSAPP, null));
        rows.add(message("t1", TELEGRAM, null));
        rows.add(classified("w1", WHATSAPP, "BOOK", false));
        rows.add(classified("w2", WHATSAPP, "PRICE", true));
        rows.add(classified("t1", TELEGRAM, "BOOK", false));
        rows.add(classified("t1", TELEGRAM, "COMPLAINT", false));
        rows.add(lead("w1", WHATSAPP, null, 4));
        rows.add(lead("t1", TELEGRAM, "vk", 2));       // its own source wins over its conversation's none
        rows.add(FactRow.of("t", Topics.APPOINTMENT_BOOKED, "w1", null, AT));
        rows.add(FactRow.of("t", Topics.APPOINTMENT_BOOKED, "t1", null, AT));
        rows.add(FactRow.of("t", Topics.APPOINTMENT_CONFIRMED, "w1", null, AT));
        rows.add(FactRow.of("t", Topics.APPOINTMENT_CANCELLED, "t1", null, AT));
        rows.add(FactRow.of("t", Topics.APPOINTMENT_RESCHEDULED, "w1", null, AT));
        rows.add(FactRow.of("t", Topics.NO_SHOW, "t1", null, AT));
        rows.add(FactRow.of("t", Topics.REPLY_SENT, "w1", WHATSAPP, AT));
        rows.add(FactRow.of("t", Topics.REPLY_SENT, "w2", WHATSAPP, AT));
        rows.add(FactRow.of("t", Topics.REPLY_FAILED, "t1", TELEGRAM, AT));
        rows.add(FactRow.of("t", Topics.LEAD_ROUTED, "w1", null, AT)); // not counted by any figure
        List<FirstResponse> firsts = List.of(
                new FirstResponse("t", "w1", WHATSAPP, 800, AT, false),
                new FirstResponse("t", "w2", WHATSAPP, 6000, AT, false),
                new FirstResponse("t", "t1", TELEGRAM, 3000, AT, true));
        return new WindowFacts(rows, firsts, conversations);
    }

    @Test
    void countsAndRatesByTheirDefinitions() {
        MetricsReport r = ReportCalculator.report("demo-salon", FROM, TO, day());
        Figures f = r.totals();
        assertThat(r.tenant()).isEqualTo("demo-salon");
        assertThat(List.of(f.conversations(), f.messages(), f.leads(), f.booked(), f.confirmed(), f.cancelled(),
                f.rescheduled(), f.noShow(), f.repliesSent(), f.repliesFailed()))
                .containsExactly(3L, 4L, 2L, 2L, 1L, 1L, 1L, 1L, 2L, 1L);
        assertThat(f.fallbackRate()).isEqualTo(0.25);                 // 1 of 4 classified
        assertThat(f.chatToLead()).isEqualTo(2.0 / 3);                 // 2 leads / 3 conversations
        assertThat(f.confirmedShare()).isEqualTo(0.5);                 // 1 / 2 booked
        assertThat(f.noShowRate()).isEqualTo(0.5);                     // 1 / 2 booked
        assertThat(f.leadQuality()).isEqualTo(new Figures.LeadQuality(2, 3.0,
                Map.of("1", 0L, "2", 1L, "3", 0L, "4", 1L, "5", 0L)));
        assertThat(r.intents()).containsExactly(Map.entry("BOOK", 2L), Map.entry("COMPLAINT", 1L),
                Map.entry("PRICE", 1L));
    }

    @Test
    void firstResponsesOverAllBotAndHumanAndPerChannel() {
        MetricsReport r = ReportCalculator.report("demo-salon", FROM, TO, day());
        // sorted 800, 3000, 6000: p50 3000, mean 3267 (9800 / 3); two of three under 5 s
        assertThat(r.totals().ttfr()).isEqualTo(new Figures.Ttfr(3, 3000L, 6000L, 6000L, 6000L, 2.0 / 3, 3267L));
        assertThat(r.totals().ttfrBot()).isEqualTo(new Figures.Ttfr(2, 800L, 6000L, 6000L, 6000L, 0.5, 3400L));
        assertThat(r.totals().ttfrHuman()).isEqualTo(new Figures.Ttfr(1, 3000L, 3000L, 3000L, 3000L, 1.0, 3000L));
        assertThat(r.byChannel()).containsOnlyKeys("WHATSAPP", "TELEGRAM", "INSTAGRAM", "WEB_FORM");
        // appointments name no channel: they count under their conversation's
        assertThat(r.byChannel().get(WHATSAPP.name())).isEqualTo(new MetricsReport.ChannelReport(2, 3, 1, 1, 800L));
        assertThat(r.byChannel().get(TELEGRAM.name())).isEqualTo(new MetricsReport.ChannelReport(1, 1, 1, 1, 3000L));
        assertThat(r.byChannel().get(INSTAGRAM.name())).isEqualTo(new MetricsReport.ChannelReport(0, 0, 0, 0, null));
        assertThat(r.byChannel().get(WEB_FORM.name()).ttfrP50Ms()).isNull();
    }

    @Test
    void oneChannelKeepsOnlyItsFactsAndItsConversationsAppointments() {
        MetricsReport r = ReportCalculator.report("demo-salon", new ReportQuery(FROM, TO, TELEGRAM, null),
                ZoneId.of("UTC"), day());
        Figures f = r.totals();
        assertThat(List.of(f.conversations(), f.messages(), f.leads(), f.booked(), f.cancelled(), f.noShow(),
                f.repliesFailed(), f.repliesSent())).containsExactly(1L, 1L, 1L, 1L, 1L, 1L, 1L, 0L);
        assertThat(f.ttfr().count()).isEqualTo(1);
        assertThat(r.intents()).containsOnlyKeys("BOOK", "COMPLAINT");
    }

    @Test
    void utmSourcesTakeTheConversationsAndALeadItsOwn() {
        MetricsReport r = ReportCalculator.report("demo-salon", FROM, TO, day());
        // conversations: w1 instagram, w2 and t1 none; leads: w1's (instagram, its conversation's), t1's own vk
        assertThat(r.byUtmSource()).containsExactly(
                Map.entry(ReportCalculator.NO_UTM_SOURCE, new MetricsReport.UtmReport(2, 0)),
                Map.entry("instagram", new MetricsReport.UtmReport(1, 1)),
                Map.entry("vk", new MetricsReport.UtmReport(0, 1)));
        MetricsReport campaigns = ReportCalculator.report("demo-salon",
                new ReportQuery(FROM, TO, null, List.of(GroupBy.UTM_CAMPAIGN)), ZoneId.of("UTC"), day());
        assertThat(campaigns.groups()).extracting(MetricsReport.Group::key).containsExactly("(none)", "spring");
        Figures spring = campaigns.groups().get(1).figures();
        assertThat(List.of(spring.conversations(), spring.messages(), spring.leads(), spring.booked()))
                .containsExactly(1L, 2L, 1L, 1L);
        assertThat(spring.ttfr().p50Ms()).isEqualTo(800L);
    }

    @Test
    void eachArmCountsItsOwnAppointmentsAndItsConversations() {
        Map<FactRow.ConversationKey, ConversationInfo> conversations = Map.of(
                key("a"), new ConversationInfo(WHATSAPP, null, null, Map.of("confirm-wording", "B")),
                key("b"), new ConversationInfo(WHATSAPP, null, null, Map.of()));
        List<FactRow> rows = List.of(
                message("a", WHATSAPP, null),
                message("b", WHATSAPP, null),
                // a: booked and confirmed in reminder-timing A (and confirm-wording B through its conversation)
                arms(Topics.APPOINTMENT_BOOKED, "a", Map.of("reminder-timing", "A")),
                arms(Topics.APPOINTMENT_CONFIRMED, "a", Map.of("reminder-timing", "A")),
                // b: booked twice in A, once in B; one of A's no-shows; a lead never enters an arm's numbers
                arms(Topics.APPOINTMENT_BOOKED, "b", Map.of("reminder-timing", "A")),
                arms(Topics.NO_SHOW, "b", Map.of("reminder-timing", "A")),
                arms(Topics.APPOINTMENT_BOOKED, "b", Map.of("reminder-timing", "B")),
                arms(Topics.LEAD_CREATED, "b", Map.of("lead-only", "X")));
        MetricsReport r = ReportCalculator.report("demo-salon", FROM, TO,
                new WindowFacts(rows, List.of(), conversations));
        assertThat(r.byVariant().keySet()).containsExactly("confirm-wording", "reminder-timing");
        assertThat(r.byVariant().get("reminder-timing")).containsExactly(
                Map.entry("A", new MetricsReport.VariantReport(2, 1, 1, 0.5, 0.5)),
                Map.entry("B", new MetricsReport.VariantReport(1, 0, 0, 0.0, 0.0)));
        assertThat(r.byVariant().get("confirm-wording")).containsExactly(
                Map.entry("B", new MetricsReport.VariantReport(1, 1, 0, 1.0, 0.0)));
        MetricsReport grouped = ReportCalculator.report("demo-salon",
                new ReportQuery(FROM, TO, null, List.of(GroupBy.VARIANT)), ZoneId.of("UTC"), new WindowFacts(rows, List.of(),
                        conversations));
        // the lead's own arm is a group (with no appointments); conversation a counts in confirm-wording:B
        assertThat(grouped.groups()).extracting(MetricsReport.Group::key).containsExactly("confirm-wording:B",
                "lead-only:X", "reminder-timing:A", "reminder-timing:B");
        assertThat(grouped.groups().get(0).figures().conversations()).isEqualTo(1);
        assertThat(grouped.groups().get(1).figures().leads()).isEqualTo(1);
        assertThat(grouped.groups().get(2).figures().booked()).isEqualTo(2);
    }

    @Test
    void intentAccuracyCountsEachReviewedMessageOnceWithItsLatestLabel() {
        List<FactRow> rows = List.of(
                feedback("m1", "BOOK", "BOOK", 1),
                feedback("m2", "PRICE", "BOOK", 1),
                feedback("m3", "INFO", "COMPLAINT", 1),
                feedback("m3", "INFO", "info", 2),     // corrected later: the model was right after all
                feedback("m4", "BOOK", "BOOK", 3),
                feedback("m4", "BOOK", "PRICE", 2));   // an older label arriving late does not win
        Figures f = Figures.of(rows, List.of());
        // m1 right, m2 wrong, m3 right (latest), m4 right (latest by time): 3 of 4
        assertThat(f.intentAccuracy()).isEqualTo(new Figures.IntentAccuracy(4, 3, 0.75));
    }

    @Test
    void leadQualityIgnoresMissingAndOutOfRangeScores() {
        List<FactRow> rows = List.of(lead("a", WHATSAPP, null, 5), lead("b", WHATSAPP, null, 3),
                lead("c", WHATSAPP, null, null), lead("d", WHATSAPP, null, 7), lead("e", WHATSAPP, null, 3));
        Figures f = Figures.of(rows, List.of());
        assertThat(f.leads()).isEqualTo(5);
        assertThat(f.leadQuality().scored()).isEqualTo(3);
        assertThat(f.leadQuality().mean()).isEqualTo(11.0 / 3);
        assertThat(f.leadQuality().distribution()).containsExactly(Map.entry("1", 0L), Map.entry("2", 0L),
                Map.entry("3", 2L), Map.entry("4", 0L), Map.entry("5", 1L));
    }

    @Test
    void periodsAreTheTenantsLocalDaysWithTheEmptyOnesListed() {
        ZoneId vladivostok = ZoneId.of("Asia/Vladivostok"); // UTC+10
        Instant from = Instant.parse("2020-03-13T14:00:00Z");  // 14 March 00:00 local
        Instant to = Instant.parse("2020-03-16T14:00:00Z");    // 17 March 00:00 local
        List<FactRow> rows = List.of(
                FactRow.of("t", Topics.MESSAGE_RECEIVED, "a", WHATSAPP, Instant.parse("2020-03-13T14:30:00Z")),
                // 15 March 09:59 UTC is 19:59 local on the 15th; 13:59 UTC still the 15th; 14:00 UTC the 16th
                FactRow.of("t", Topics.MESSAGE_RECEIVED, "b", WHATSAPP, Instant.parse("2020-03-15T13:59:00Z")),
                FactRow.of("t", Topics.MESSAGE_RECEIVED, "c", WHATSAPP, Instant.parse("2020-03-15T14:00:00Z")));
        MetricsReport r = ReportCalculator.report("demo-fitness", new ReportQuery(from, to, null, List.of(GroupBy.DAY)),
                vladivostok, new WindowFacts(rows, List.of(), Map.of()));
        assertThat(r.groupBy()).isEqualTo("day");
        assertThat(r.groups()).extracting(MetricsReport.Group::key)
                .containsExactly("2020-03-14", "2020-03-15", "2020-03-16");
        assertThat(r.groups()).extracting(g -> g.figures().messages()).containsExactly(1L, 1L, 1L);
        assertThat(r.groups().get(1).from()).isEqualTo(Instant.parse("2020-03-14T14:00:00Z"));
        MetricsReport weeks = ReportCalculator.report("demo-fitness", new ReportQuery(from, to, null,
                List.of(GroupBy.WEEK)), vladivostok, new WindowFacts(rows, List.of(), Map.of()));
        // 14 and 15 March 2020 are Saturday and Sunday of ISO week 11; the 16th is Monday of week 12
        assertThat(weeks.groups()).extracting(MetricsReport.Group::key).containsExactly("2020-W11", "2020-W12");
        assertThat(weeks.groups()).extracting(g -> g.figures().messages()).containsExactly(2L, 1L);
        assertThat(weeks.groups().get(0).from()).isEqualTo(from);  // clipped to the window
        assertThatThrownBy(() -> ReportCalculator.report("t", new ReportQuery(from, from.plus(Duration.ofDays(40)),
                null, List.of(GroupBy.HOUR)), vladivostok, WindowFacts.EMPTY))
                .isInstanceOf(ProblemException.class).hasMessageContaining("more than 800 periods");
    }

    @Test
    void anEmptyWindowIsAllZerosWithoutPercentiles() {
        MetricsReport r = ReportCalculator.report("*", FROM, TO, WindowFacts.EMPTY);
        assertThat(r.tenant()).isEqualTo("*");
        assertThat(r.totals()).isEqualTo(Figures.EMPTY);
        assertThat(r.totals().conversations()).isZero();
        assertThat(r.totals().fallbackRate()).isZero();
        assertThat(r.totals().ttfr()).isEqualTo(new Figures.Ttfr(0, null, null, null, null, 0.0, null));
        assertThat(r.totals().leadQuality().mean()).isNull();
        assertThat(r.byChannel()).hasSize(4).allSatisfy((channel, c) -> assertThat(c)
                .isEqualTo(new MetricsReport.ChannelReport(0, 0, 0, 0, null)));
        assertThat(r.byUtmSource()).isEmpty();
        assertThat(r.intents()).isEmpty();
        assertThat(r.byVariant()).isEmpty();
        assertThat(r.groups()).isNull();
    }

    @Test
    void theJsonNamesAreSnakeCaseAndTheTotalsFlat() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JsonNode json = mapper.valueToTree(ReportCalculator.report("demo-salon", FROM, TO, day()));
        assertThat(json.fieldNames()).toIterable().containsExactly("tenant", "from", "to", "conversations",
                "messages", "leads", "booked", "confirmed", "cancelled", "rescheduled", "no_show", "replies_sent",
                "replies_failed", "fallback_rate", "chat_to_lead", "confirmed_share", "no_show_rate", "ttfr",
                "ttfr_bot", "ttfr_human", "intent_accuracy", "lead_quality", "intents", "by_channel",
                "by_utm_source", "by_variant");
        assertThat(json.get("ttfr").fieldNames()).toIterable().containsExactly("count", "p50_ms", "p90_ms",
                "p99_ms", "max_ms", "under_5s_share", "mean_ms");
        assertThat(json.get("by_channel").get("WHATSAPP").fieldNames()).toIterable().containsExactly(
                "conversations", "messages", "leads", "booked", "ttfr_p50_ms");
        assertThat(json.get("from").asText()).isEqualTo("2020-03-14T00:00:00Z");
        JsonNode grouped = mapper.valueToTree(ReportCalculator.report("demo-salon",
                new ReportQuery(FROM, TO, null, List.of(GroupBy.CHANNEL)), ZoneId.of("UTC"), day()));
        assertThat(grouped.get("group_by").asText()).isEqualTo("channel");
        JsonNode first = grouped.get("groups").get(0);
        assertThat(first.get("key").asText()).isEqualTo("WHATSAPP");
        assertThat(first.has("from")).isFalse();
        assertThat(first.get("conversations").asLong()).isEqualTo(2);
    }

    @Test
    void dimensionsCombineIntoTheGroupsThatHaveFacts() {
        MetricsReport r = ReportCalculator.report("demo-salon", new ReportQuery(FROM, TO, null,
                List.of(GroupBy.CHANNEL, GroupBy.UTM_SOURCE)), ZoneId.of("UTC"), day());
        assertThat(r.groupBy()).isEqualTo("channel,utm_source");
        // w1 WhatsApp/instagram, w2 WhatsApp/none, t1 Telegram/none; t1's lead has its own source vk
        assertThat(r.groups()).extracting(MetricsReport.Group::key).containsExactly("TELEGRAM | (none)",
                "TELEGRAM | vk", "WHATSAPP | (none)", "WHATSAPP | instagram");
        assertThat(r.groups().get(3).keys()).containsExactly(Map.entry("channel", "WHATSAPP"),
                Map.entry("utm_source", "instagram"));
        Figures w1 = r.groups().get(3).figures();
        assertThat(List.of(w1.conversations(), w1.messages(), w1.leads(), w1.booked())).containsExactly(1L, 2L, 1L, 1L);
        Figures t1 = r.groups().get(0).figures();
        assertThat(List.of(t1.conversations(), t1.leads(), t1.booked(), t1.noShow())).containsExactly(1L, 0L, 1L, 1L);
        assertThat(r.groups().get(1).figures().leads()).isEqualTo(1);
        assertThat(r.groups().get(1).figures().conversations()).isZero();
    }

    @Test
    void aPeriodWithTheChannelListsEveryChannelOfEveryPeriod() {
        ZoneId vladivostok = ZoneId.of("Asia/Vladivostok");
        Instant from = Instant.parse("2020-03-13T14:00:00Z");
        Instant to = Instant.parse("2020-03-15T14:00:00Z");
        List<FactRow> rows = List.of(
                FactRow.of("t", Topics.MESSAGE_RECEIVED, "a", WHATSAPP, Instant.parse("2020-03-13T14:30:00Z")),
                FactRow.of("t", Topics.MESSAGE_RECEIVED, "b", TELEGRAM, Instant.parse("2020-03-14T15:00:00Z")),
                FactRow.of("t", Topics.MESSAGE_RECEIVED, "c", TELEGRAM, Instant.parse("2020-03-14T16:00:00Z")));
        MetricsReport r = ReportCalculator.report("demo-fitness", new ReportQuery(from, to, null,
                List.of(GroupBy.DAY, GroupBy.CHANNEL)), vladivostok, new WindowFacts(rows, List.of(), Map.of()));
        assertThat(r.groups()).hasSize(8); // 2 local days × 4 channels
        assertThat(r.groups()).extracting(MetricsReport.Group::key).startsWith("2020-03-14 | WHATSAPP",
                "2020-03-14 | TELEGRAM", "2020-03-14 | INSTAGRAM", "2020-03-14 | WEB_FORM", "2020-03-15 | WHATSAPP");
        assertThat(r.groups()).extracting(g -> g.figures().messages())
                .containsExactly(1L, 0L, 0L, 0L, 0L, 2L, 0L, 0L);
        assertThat(r.groups().get(5).from()).isEqualTo(Instant.parse("2020-03-14T14:00:00Z"));
        assertThat(r.groups().get(5).keys()).containsExactly(Map.entry("day", "2020-03-15"),
                Map.entry("channel", "TELEGRAM"));
    }

    @Test
    void groupByNamesTheDimensionsItKnows() {
        assertThat(GroupBy.parse(" UTM_Source ")).isEqualTo(GroupBy.UTM_SOURCE);
        assertThatThrownBy(() -> GroupBy.parse("month")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("'month' is not a dimension; use one of channel, utm_source, utm_campaign,"
                        + " variant, hour, day, week");
        assertThat(GroupBy.parseAll("day, channel")).containsExactly(GroupBy.DAY, GroupBy.CHANNEL);
        assertThatThrownBy(() -> GroupBy.parseAll("day,week")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("one period (hour, day or week) at a time");
        assertThatThrownBy(() -> GroupBy.parseAll("channel,channel")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("'channel' is named twice");
        assertThatThrownBy(() -> GroupBy.parseAll("channel,variant,utm_source,day"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("at most three dimensions");
    }

    // ---- synthetic facts ----

    static FactRow.ConversationKey key(String conversation) {
        return new FactRow.ConversationKey("t", conversation);
    }

    static FactRow message(String conversation, Channel channel, String source) {
        return new FactRow("t", Topics.MESSAGE_RECEIVED, conversation, channel, source, null, Map.of(), AT, false,
                null, null, null, null, null);
    }

    static FactRow classified(String conversation, Channel channel, String intent, boolean fallback) {
        return new FactRow("t", Topics.MESSAGE_CLASSIFIED, conversation, channel, null, null, Map.of(), AT, fallback,
                intent, null, null, null, null);
    }

    static FactRow lead(String conversation, Channel channel, String source, Integer score) {
        return new FactRow("t", Topics.LEAD_CREATED, conversation, channel, source, null, Map.of(), AT, false, null,
                score, null, null, null);
    }

    static FactRow arms(String type, String conversation, Map<String, String> variants) {
        return new FactRow("t", type, conversation, null, null, null, variants, AT, false, null, null, null, null,
                null);
    }

    static FactRow feedback(String message, String predicted, String correct, int minute) {
        return new FactRow("t", Topics.INTENT_FEEDBACK, "c", null, null, null, Map.of(),
                AT.plus(Duration.ofMinutes(minute)), false, null, null, message, predicted, correct);
    }
}
