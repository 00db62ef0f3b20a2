package io.otklik.ingest.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.ingest.outbound.Delivery;
import io.otklik.ingest.outbound.GraphErrors;
import org.junit.jupiter.api.Test;

/** Instagram Send API errors: the outside-window refusal is told apart from other code-10 permission errors. */
class InstagramErrorsTest {

    @Test
    void code10WithSubcode2018278IsTheClosedWindowAndNotRetried() {
        Delivery d = InstagramSender.error(new GraphErrors.GraphError(400, "10", "2018278",
                "(#10) This message is sent outside of allowed window."));
        assertThat(d.errorCode()).isEqualTo(InstagramSender.OUTSIDE_WINDOW).isEqualTo("10/2018278");
        assertThat(d.reason()).isEqualTo("(#10) This message is sent outside of allowed window.");
        assertThat(d.retryable()).isFalse();
    }

    @Test
    void otherErrorsKeepMetasCode() {
        assertThat(InstagramSender.error(new GraphErrors.GraphError(400, "10", null,
                "(#10) Application does not have permission for this action")).errorCode()).isEqualTo("10");
        Delivery limited = InstagramSender.error(new GraphErrors.GraphError(400, "613", null,
                "Calls to this api have exceeded the rate limit."));
        assertThat(limited.errorCode()).isEqualTo("613");
        assertThat(limited.retryable()).isTrue();
    }
}
