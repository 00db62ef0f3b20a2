package io.otklik.metrics.report;

import static io.otklik.events.data.Channel.INSTAGRAM;
import static io.otklik.events.data.Channel.TELEGRAM;
import static io.otklik.events.data.Channel.WEB_FORM;
import static io.otklik.events.data.Channel.WHATSAPP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.otklik.events.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportCalculatorTest {

    static final Instant FROM = Instant.parse("2020-03-14T00:00:00Z");
    static final Instant TO = Instant.parse("2020-03-15T00:00:00Z");

    static FactSummary week() {
        List<TypeCount> counts = List.of(
                new TypeCount(Topics.MESSAGE_RECEIVED, WHATSAPP, 10, 6, 0),
                new TypeCount(Topics.MESSAGE_RECEIVED, TELEGRAM, 5, 4, 0),
                new TypeCount(Topics.MESSAGE_CLASSIFIED, WHATSAPP, 10, 6, 1),
                new TypeCount(Topics.MESSAGE_CLASSIFIED, TELEGRAM, 10, 4, 1),
                new TypeCount(Topics.LEAD_CREATED, WHATSAPP, 2, 2, 0),
                new TypeCount(Topics.LEAD_CREATED, TELEGRAM, 1, 1, 0),
                new TypeCount(Topics.APPOINTMENT_BOOKED, WHATSAPP, 2, 2, 0),
                new TypeCount(Topics.APPOINTMENT_BOOKED, null, 2, 0, 0),
                new TypeCount(Topics.APPOINTMENT_CONFIRMED, null, 3, 0, 0),
                new TypeCount(Topics.APPOINTMENT_CANCELLED, TELEGRAM, 1, 1, 0),
                new TypeCount(Topics.APPOINTMENT_RESCHEDULED, WHATSAPP, 2, 1, 0),
                new TypeCount(Topics.NO_SHOW, WHATSAPP, 1, 1, 0),
                new TypeCount(Topics.REPLY_SENT, WHATSAPP, 12, 6, 0),
                new TypeCount(Topics.REPLY_FAILED, TELEGRAM, 2, 2, 0),
                new TypeCount(Topics.LEAD_ROUTED, WHATSAPP, 5, 5, 0));
        return new FactSummary(counts, Map.of("BOOK", 12L, "PRICE", 5L, "COMPLAINT", 3L),
                List.of(new UtmCount("instagram", 3, 0), new UtmCount("instagram", 0, 2), new UtmCount(null, 7, 0),
                        new UtmCount(" ", 0, 1)),
                List.of(new FirstResponse(WHATSAPP, 800), new FirstResponse(WHATSAPP, 6000),
                        new FirstResponse(TELEGRAM, 3000), new FirstResponse(WHATSAPP, 1200)));
    }

    @Test
    void countsAndRatesByTheirDefinitions() {
        MetricsReport r = ReportCalculator.report("demo-salon", FROM, TO, week());
        assertThat(r.tenant()).isEqualTo("demo-salon");
        assertThat(r.from()).isEqualTo(FROM);
        assertThat(r.to()).isEqualTo(TO);
        assertThat(r.conversations()).isEqualTo(10);
        assertThat(r.messages()).isEqualTo(15);
        assertThat(r.leads()).isEqualTo(3);
        assertThat(r.booked()).isEqualTo(4);
        assertThat(r.confirmed()).isEqualTo(3);
        assertThat(r.cancelled()).isEqualTo(1);
        assertThat(r.rescheduled()).isEqualTo(2);
        assertThat(r.noShow()).isEqualTo(1);
        assertThat(r.repliesSent()).isEqualTo(12);
        assertThat(r.repliesFailed()).isEqualTo(2);
        assertThat(r.fallbackRate()).isEqualTo(0.1);    // 2 / 20
        assertThat(r.chatToLead()).isEqualTo(0.3);      // 3 / 10
        assertThat(r.confirmedShare()).isEqualTo(0.75); // 3 / 4
        assertThat(r.noShowRate()).isEqualTo(0.25);     // 1 / 4
        assertThat(r.intents()).containsExactly(Map.entry("BOOK", 12L), Map.entry("COMPLAINT", 3L),
                Map.entry("PRICE", 5L));
    }

    @Test
    void firstResponsePercentilesOverAllAndPerChannel() {
        MetricsReport r = ReportCalculator.report("demo-salon", FROM, TO, week());
        // sorted 800, 1200, 3000, 6000
        assertThat(r.ttfr()).isEqualTo(new MetricsReport.Ttfr(4, 1200L, 6000L, 6000L, 6000L, 0.75));
        assertThat(r.byChannel()).containsOnlyKeys("WHATSAPP", "TELEGRAM", "INSTAGRAM", "WEB_FORM");
        assertThat(r.byChannel().get(WHATSAPP.name()))
                .isEqualTo(new MetricsReport.ChannelReport(6, 10, 2, 2, 1200L));
        assertThat(r.byChannel().get(TELEGRAM.name()))
                .isEqualTo(new MetricsReport.ChannelReport(4, 5, 1, 0, 3000L));
        assertThat(r.byChannel().get(INSTAGRAM.name()))
                .isEqualTo(new MetricsReport.ChannelReport(0, 0, 0, 0, null));
        assertThat(r.byChannel().get(WEB_FORM.name()).ttfrP50Ms()).isNull();
    }

    @Test
    void utmSourcesAreMergedAndTheMissingOnesGrouped() {
        MetricsReport r = ReportCalculator.report("demo-salon", FROM, TO, week());
        assertThat(r.byUtmSource()).containsExactly(
                Map.entry(ReportCalculator.NO_UTM_SOURCE, new MetricsReport.UtmReport(7, 1)),
                Map.entry("instagram", new MetricsReport.UtmReport(3, 2)));
    }

    @Test
    void eachArmCountsItsOwnAppointmentsAndRatesOverItsBookings() {
        List<VariantCount> rows = List.of(
                new VariantCount("reminder-timing", "A", Topics.APPOINTMENT_BOOKED, 4),
                new VariantCount("reminder-timing", "A", Topics.APPOINTMENT_CONFIRMED, 3),
                new VariantCount("reminder-timing", "A", Topics.NO_SHOW, 1),
                new VariantCount("reminder-timing", "B", Topics.APPOINTMENT_BOOKED, 5),
                new VariantCount("reminder-timing", "B", Topics.APPOINTMENT_CONFIRMED, 1),
                new VariantCount("reminder-timing", "B", Topics.NO_SHOW, 2),
                new VariantCount("confirm-wording", "B", Topics.APPOINTMENT_CONFIRMED, 2), // confirmed, none booked
                new VariantCount("confirm-wording", "A", Topics.APPOINTMENT_BOOKED, 2),
                new VariantCount("confirm-wording", "A", Topics.LEAD_CREATED, 7),     // not an arm's number
                new VariantCount(null, "A", Topics.APPOINTMENT_BOOKED, 9));           // no experiment: left out
        MetricsReport r = ReportCalculator.report("demo-salon", FROM, TO, new FactSummary(List.of(), Map.of(),
                List.of(), List.of(), rows));
        assertThat(r.byVariant()).containsOnlyKeys("confirm-wording", "reminder-timing");
        assertThat(r.byVariant().keySet()).containsExactly("confirm-wording", "reminder-timing");
        assertThat(r.byVariant().get("reminder-timing")).containsExactly(
                Map.entry("A", new MetricsReport.VariantReport(4, 3, 1, 0.75, 0.25)),
                Map.entry("B", new MetricsReport.VariantReport(5, 1, 2, 0.2, 0.4)));
        assertThat(r.byVariant().get("confirm-wording")).containsExactly(
                Map.entry("A", new MetricsReport.VariantReport(2, 0, 0, 0.0, 0.0)),
                Map.entry("B", new MetricsReport.VariantReport(0, 2, 0, 0.0, 0.0)));
    }

    @Test
    void anEmptyWindowIsAllZerosWithoutPercentiles() {
        MetricsReport r = ReportCalculator.report("*", FROM, TO,
                new FactSummary(List.of(), Map.of(), List.of(), List.of()));
        assertThat(r.tenant()).isEqualTo("*");
        assertThat(r.conversations()).isZero();
        assertThat(r.fallbackRate()).isZero();
        assertThat(r.chatToLead()).isZero();
        assertThat(r.confirmedShare()).isZero();
        assertThat(r.noShowRate()).isZero();
        assertThat(r.ttfr()).isEqualTo(new MetricsReport.Ttfr(0, null, null, null, null, 0.0));
        assertThat(r.byChannel()).hasSize(4).allSatisfy((channel, c) -> assertThat(c)
                .isEqualTo(new MetricsReport.ChannelReport(0, 0, 0, 0, null)));
        assertThat(r.byUtmSource()).isEmpty();
        assertThat(r.intents()).isEmpty();
        assertThat(r.byVariant()).isEmpty();
    }

    @Test
    void tallyAddsChannelRowsAndIgnoresTypesItDoesNotCount() {
        List<TypeCount> rows = new ArrayList<>(week().counts());
        Tally all = Tally.of(rows);
        Tally whatsapp = Tally.of(rows.stream().filter(c -> c.channel() == WHATSAPP).toList());
        Tally rest = Tally.of(rows.stream().filter(c -> c.channel() != WHATSAPP).toList());
        assertThat(whatsapp.plus(rest)).isEqualTo(all);
        assertThat(Tally.of(List.of(new TypeCount(Topics.LEAD_ROUTED, WHATSAPP, 9, 9, 0),
                new TypeCount(Topics.REMINDER_SENT, null, 4, 4, 0)))).isEqualTo(Tally.ZERO);
    }

    @Test
    void theJsonNamesAreSnakeCase() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JsonNode json = mapper.valueToTree(ReportCalculator.report("demo-salon", FROM, TO, week()));
        assertThat(json.fieldNames()).toIterable().containsExactly("tenant", "from", "to", "conversations",
                "messages", "leads", "booked", "confirmed", "cancelled", "rescheduled", "no_show", "replies_sent",
                "replies_failed", "fallback_rate", "chat_to_lead", "confirmed_share", "no_show_rate", "ttfr", "intents",
                "by_channel", "by_utm_source", "by_variant");
        assertThat(json.get("ttfr").fieldNames()).toIterable().containsExactly("count", "p50_ms", "p90_ms",
                "p99_ms", "max_ms", "under_5s_share");
        assertThat(json.get("by_channel").get("WHATSAPP").fieldNames()).toIterable().containsExactly(
                "conversations", "messages", "leads", "booked", "ttfr_p50_ms");
        assertThat(json.get("from").asText()).isEqualTo("2020-03-14T00:00:00Z");
    }
}
