package io.otklik.crm.sync;

import static io.otklik.events.data.LeadStatus.CONFIRMED;
import static io.otklik.events.data.LeadStatus.IN_PROCESSING;
import static io.otklik.events.data.LeadStatus.LOST;
import static io.otklik.events.data.LeadStatus.NEW;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** New → In processing → Confirmed, never backwards. */
class StatusPolicyTest {

    @Test
    void onlyForward() {
        assertThat(StatusPolicy.movesForward(NEW, IN_PROCESSING)).isTrue();
        assertThat(StatusPolicy.movesForward(NEW, CONFIRMED)).isTrue();
        assertThat(StatusPolicy.movesForward(IN_PROCESSING, CONFIRMED)).isTrue();
        assertThat(StatusPolicy.movesForward(IN_PROCESSING, IN_PROCESSING)).isFalse();
        assertThat(StatusPolicy.movesForward(CONFIRMED, IN_PROCESSING)).isFalse();
        assertThat(StatusPolicy.movesForward(LOST, CONFIRMED)).isFalse();
        assertThat(StatusPolicy.movesForward(null, IN_PROCESSING)).isTrue();
    }
}
