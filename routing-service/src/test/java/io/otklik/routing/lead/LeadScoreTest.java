package io.otklik.routing.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Lead Quality Score table of the README, row by row, and the average over a typical inbound mix. */
class LeadScoreTest {

    static LeadScore.Input in(String intent, boolean phone, boolean service, boolean time, boolean ad, boolean repeat,
                              boolean urgent) {
        return new LeadScore.Input(intent, phone, service, time, ad, repeat, urgent);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            booking with service, time and phone (WhatsApp)         | BOOK      | true  | true  | true  | false | false | false | 5 | intent,phone,service,time
            booking with service and time, no phone (Telegram)      | BOOK      | false | true  | true  | false | false | false | 4 | intent,service,time
            booking with a service only                             | BOOK      | false | true  | false | false | false | false | 3 | intent,service
            "сколько стоит" with nothing else                       | PRICE     | false | false | false | false | false | false | 2 | intent
            price of a service, from an ad                          | PRICE     | false | true  | false | true  | false | false | 4 | intent,service,ad
            a question (INFO) from WhatsApp                         | INFO      | true  | false | false | false | false | false | 2 | phone
            a complaint on Telegram                                 | COMPLAINT | false | false | false | false | false | false | 1 |
            an urgent complaint of a repeat WhatsApp client         | COMPLAINT | true  | false | false | false | true  | true  | 4 | phone,repeat,urgent
            every signal: capped at 5                               | BOOK      | true  | true  | true  | true  | true  | true  | 5 | intent,phone,service,time,ad,repeat,urgent
            a move with a new time                                  | RESCHEDULE| false | false | true  | false | true  | false | 4 | intent,time,repeat
            """)
    void table(String name, String intent, boolean phone, boolean service, boolean time, boolean ad, boolean repeat,
               boolean urgent, int score, String signals) {
        LeadScore.Score s = LeadScore.of(in(intent, phone, service, time, ad, repeat, urgent));
        assertThat(s.value()).isEqualTo(score);
        assertThat(s.signals()).containsExactlyElementsOf(signals == null ? List.of() : List.of(signals.split(",")));
    }

    @Test
    void aTypicalInboundMixAveragesAtLeastThree() {
        // the leads of a salon's day: most ask to book (WhatsApp brings the phone), some ask prices or questions,
        // a few complain; greetings open no lead at all
        List<LeadScore.Input> mix = List.of(
                in("BOOK", true, true, true, false, false, false),
                in("BOOK", true, true, false, false, false, false),
                in("BOOK", false, true, true, false, false, false),
                in("BOOK", true, false, false, true, false, false),
                in("BOOK", false, true, true, false, true, false),
                in("PRICE", false, false, false, false, false, false),
                in("PRICE", true, true, false, false, false, false),
                in("INFO", true, false, false, false, false, false),
                in("RESCHEDULE", true, false, true, false, true, false),
                in("COMPLAINT", false, false, false, false, true, false));
        double average = mix.stream().mapToInt(i -> LeadScore.of(i).value()).average().orElseThrow();
        assertThat(average).isGreaterThanOrEqualTo(3.0);
    }
}
