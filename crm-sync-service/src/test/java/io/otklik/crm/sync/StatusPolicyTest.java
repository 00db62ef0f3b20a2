package io.otklik.crm.sync;

import static io.otklik.events.data.LeadStatus.CONFIRMED;
import static io.otklik.events.data.LeadStatus.IN_PROCESSING;
import static io.otklik.events.data.LeadStatus.LOST;
import static io.otklik.events.data.LeadStatus.NEW;
import static io.otklik.events.data.LeadStatus.NO_SHOW;
import static io.otklik.events.data.LeadStatus.WON;
import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.data.LeadStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** New → In processing → Confirmed → No-show, Won / Lost final; a cancellation is the one way back. */
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

    static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    static StatusChange booked() {
        return new StatusChange(IN_PROCESSING, UUID.randomUUID(), "c", "appointment_booked", AT, false, null);
    }

    static StatusChange rescheduled() {
        return new StatusChange(IN_PROCESSING, UUID.randomUUID(), "c", "appointment_rescheduled", AT, false, null);
    }

    static StatusChange cancelled() {
        return new StatusChange(IN_PROCESSING, UUID.randomUUID(), "c", "appointment_cancelled", null, true, null);
    }

    static StatusChange to(LeadStatus status) {
        return new StatusChange(status, UUID.randomUUID(), "c", "x");
    }

    @Test
    void outcomesRankAfterConfirmedAndWonAndLostAreFinal() {
        assertThat(StatusPolicy.movesForward(CONFIRMED, NO_SHOW)).isTrue();
        assertThat(StatusPolicy.movesForward(IN_PROCESSING, NO_SHOW)).isTrue();
        assertThat(StatusPolicy.movesForward(NO_SHOW, CONFIRMED)).isFalse();
        assertThat(StatusPolicy.movesForward(NO_SHOW, WON)).isTrue();
        assertThat(StatusPolicy.movesForward(CONFIRMED, LOST)).isTrue();
        assertThat(StatusPolicy.movesForward(WON, NO_SHOW)).isFalse();
        assertThat(StatusPolicy.movesForward(LOST, WON)).isFalse();
        assertThat(StatusPolicy.target(WON, cancelled())).isNull();
        assertThat(StatusPolicy.target(LOST, to(NO_SHOW))).isNull();
        assertThat(StatusPolicy.target(CONFIRMED, to(NO_SHOW))).isEqualTo(NO_SHOW);
    }

    @Test
    void aCancellationTakesAConfirmedLeadBackInProcessingButNeverReopensANoShow() {
        assertThat(StatusPolicy.target(CONFIRMED, cancelled())).isEqualTo(IN_PROCESSING);
        assertThat(StatusPolicy.target(NEW, cancelled())).isEqualTo(IN_PROCESSING);
        assertThat(StatusPolicy.target(IN_PROCESSING, cancelled())).isNull();
        assertThat(StatusPolicy.writesAppointment(IN_PROCESSING, cancelled(), null)).isTrue();
        assertThat(StatusPolicy.target(NO_SHOW, cancelled())).isNull();
        assertThat(StatusPolicy.writesAppointment(NO_SHOW, cancelled(), null)).isFalse();
    }

    @Test
    void aRescheduleAfterTheConfirmationStillMovesTheTimeButALateBookingDoesNot() {
        assertThat(StatusPolicy.target(CONFIRMED, rescheduled())).isNull();
        assertThat(StatusPolicy.writesAppointment(CONFIRMED, rescheduled(), null)).isTrue();
        assertThat(StatusPolicy.target(NEW, rescheduled())).isEqualTo(IN_PROCESSING);
        assertThat(StatusPolicy.target(CONFIRMED, booked())).isNull();
        assertThat(StatusPolicy.writesAppointment(CONFIRMED, booked(), null)).isFalse();
        assertThat(StatusPolicy.writesAppointment(NEW, booked(), IN_PROCESSING)).isTrue();
        // a rebooking after a cancellation (the lead is In processing already) writes the new time
        assertThat(StatusPolicy.target(IN_PROCESSING, booked())).isNull();
        assertThat(StatusPolicy.writesAppointment(IN_PROCESSING, booked(), null)).isTrue();
        assertThat(StatusPolicy.writesAppointment(NO_SHOW, rescheduled(), null)).isFalse();
        assertThat(StatusPolicy.writesAppointment(WON, rescheduled(), null)).isFalse();
    }

    @Test
    void anUpdateWithoutAStatusWritesNone() {
        StatusChange routed = new StatusChange(null, null, "c", "lead_routed", null, false, "marina");
        assertThat(StatusPolicy.target(NEW, routed)).isNull();
        assertThat(StatusPolicy.writesAppointment(NEW, routed, null)).isFalse();
    }
}
