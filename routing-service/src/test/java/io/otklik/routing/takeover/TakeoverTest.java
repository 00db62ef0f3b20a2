package io.otklik.routing.takeover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otklik.platform.web.ProblemException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A takeover ends by itself when its time is up; the request body's parsing. */
class TakeoverTest {

    static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    @Test
    void aTakeoverHoldsUntilItsEndAndNotAfter() {
        assertThat(new TakeoverStore.Inbound("marina", NOW.plusSeconds(1), null, List.of()).takenOver(NOW)).isTrue();
        assertThat(new TakeoverStore.Inbound("marina", NOW, null, List.of()).takenOver(NOW)).isFalse();
        assertThat(new TakeoverStore.Inbound("marina", NOW.minusSeconds(60), null, List.of()).takenOver(NOW))
                .isFalse();
        assertThat(new TakeoverStore.Inbound(null, null, null, List.of()).takenOver(NOW)).isFalse();
    }

    @Test
    void theBodyIsOptionalAndAWrongOneNamesItsField() {
        assertThat(TakeoverService.request(null)).isNull();
        assertThat(TakeoverService.request(" ")).isNull();
        assertThat(TakeoverService.request("{\"minutes\": 45, \"staffId\": \"olga\", \"note\": \"x\"}"))
                .isEqualTo(new TakeoverService.TakeoverRequest(45, "olga"));
        assertThatThrownBy(() -> TakeoverService.request("{\"minutes\": [1]}"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().field())
                        .isEqualTo("minutes"));
        assertThatThrownBy(() -> TakeoverService.request("minutes=5"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().field())
                        .isEqualTo("body"));
    }
}
