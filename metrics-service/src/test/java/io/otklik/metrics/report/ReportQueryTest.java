package io.otklik.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otklik.events.data.Channel;
import io.otklik.platform.web.ProblemException;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ReportQueryTest {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final Duration WEEK = Duration.ofDays(7);

    @Test
    void readsInstantsOffsetsAndChannels() {
        ReportQuery q = ReportQuery.parse("2020-03-14T00:00:00Z", "2020-03-15T00:00:00+03:00", "whatsapp", NOW,
                WEEK);
        assertThat(q.from()).isEqualTo(Instant.parse("2020-03-14T00:00:00Z"));
        assertThat(q.to()).isEqualTo(Instant.parse("2020-03-14T21:00:00Z"));
        assertThat(q.channel()).isEqualTo(Channel.WHATSAPP);
    }

    @Test
    void defaultsToTheLastWindowUpToNow() {
        ReportQuery q = ReportQuery.parse(null, "", null, NOW, WEEK);
        assertThat(q).isEqualTo(new ReportQuery(Instant.parse("2025-05-25T12:00:00Z"), NOW, null, null));
        assertThat(ReportQuery.parse(null, "2020-01-08T00:00:00Z", " ", NOW, WEEK).from())
                .isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
    }

    @Test
    void badInputNamesTheField() {
        assertBadRequest(() -> ReportQuery.parse("yesterday", null, null, NOW, WEEK), "from", "'yesterday'");
        assertBadRequest(() -> ReportQuery.parse(null, "2020-13-01T00:00:00Z", null, NOW, WEEK), "to",
                "ISO-8601");
        assertBadRequest(() -> ReportQuery.parse("2020-03-15T00:00:00Z", "2020-03-14T00:00:00Z", null, NOW, WEEK),
                "from", "must be before");
        assertBadRequest(() -> ReportQuery.parse("2020-03-14T00:00:00Z", "2020-03-14T00:00:00Z", null, NOW, WEEK),
                "from", "must be before");
        assertBadRequest(() -> ReportQuery.parse(null, null, "SMS", NOW, WEEK), "channel", "WHATSAPP, TELEGRAM");
    }

    static void assertBadRequest(ThrowingCallable call, String field, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().field()).isEqualTo(field);
            assertThat(e.problem().detail()).contains(detail);
        });
    }
}
