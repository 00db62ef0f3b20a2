package io.otklik.reminder.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otklik.platform.tenant.Tenant;
import io.otklik.reminder.schedule.ReminderPlanner.Due;
import io.otklik.reminder.schedule.ReminderPlanner.PlannedReminder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reminder timing with fixed instants: which reminders a booking gets, and which due ones a tick sends. */
class ReminderPlannerTest {

    static final Tenant.Reminders POLICY = new Tenant.Reminders(List.of("PT24H", "PT2H"), 4);
    /** 26.11 15:00 in Moscow. */
    static final Instant STARTS = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void bookedTwoDaysAheadGetsBothRemindersDueAtStartMinusOffset() {
        List<PlannedReminder> planned = ReminderPlanner.plan(STARTS, Instant.parse("2026-11-24T09:00:00Z"), POLICY);
        assertThat(planned).containsExactly(
                new PlannedReminder("before_24h", Instant.parse("2026-11-25T12:00:00Z")),
                new PlannedReminder("before_2h", Instant.parse("2026-11-26T10:00:00Z")));
    }

    @Test
    void bookedThreeHoursAheadGetsOnlyTheTwoHourReminder() {
        assertThat(ReminderPlanner.plan(STARTS, STARTS.minus(Duration.ofHours(3)), POLICY))
                .containsExactly(new PlannedReminder("before_2h", Instant.parse("2026-11-26T10:00:00Z")));
    }

    @Test
    void bookedOneHourAheadGetsNone() {
        assertThat(ReminderPlanner.plan(STARTS, STARTS.minus(Duration.ofHours(1)), POLICY)).isEmpty();
    }

    @Test
    void aReminderDueWithinFifteenMinutesOfBookingIsNoise() {
        // due 10 minutes after booking: dropped; due exactly 15 minutes after: kept
        assertThat(ReminderPlanner.plan(STARTS, STARTS.minus(Duration.ofMinutes(130)), POLICY)).isEmpty();
        assertThat(ReminderPlanner.plan(STARTS, STARTS.minus(Duration.ofMinutes(135)), POLICY))
                .extracting(PlannedReminder::kind).containsExactly("before_2h");
        // a custom lead
        assertThat(ReminderPlanner.plan(STARTS, STARTS.minus(Duration.ofMinutes(130)), POLICY, Duration.ZERO))
                .extracting(PlannedReminder::kind).containsExactly("before_2h");
    }

    @Test
    void kindsAreDerivedFromTheDurationAndDuplicatesCollapse() {
        assertThat(ReminderPlanner.kind(Duration.ofHours(24))).isEqualTo("before_24h");
        assertThat(ReminderPlanner.kind(Duration.ofMinutes(30))).isEqualTo("before_30m");
        assertThat(ReminderPlanner.kind(Duration.ofMinutes(90))).isEqualTo("before_1h30m");
        var offsets = ReminderPlanner.offsets(new Tenant.Reminders(List.of("PT2H", "P1D", "PT24H", "PT30M"), 4));
        assertThat(offsets).extracting(ReminderPlanner.Offset::kind)
                .containsExactly("before_24h", "before_2h", "before_30m");
        assertThat(ReminderPlanner.offsets(null)).isEmpty();
        // no offsets in tenants.yaml means the default 24 h and 2 h before
        assertThat(ReminderPlanner.offsets(new Tenant.Reminders(null, 4))).extracting(ReminderPlanner.Offset::kind)
                .containsExactly("before_24h", "before_2h");
    }

    @Test
    void badPolicyEntriesAreNamed() {
        assertThatThrownBy(() -> ReminderPlanner.offsets(new Tenant.Reminders(List.of("PT24H", "2h"), 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'2h'");
        assertThatThrownBy(() -> ReminderPlanner.offsets(new Tenant.Reminders(List.of("-PT1H"), 4)))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> ReminderPlanner.offsets(new Tenant.Reminders(List.of("PT90S"), 4)))
                .hasMessageContaining("whole minutes");
    }

    @Test
    void aTickSendsTheLatestDueReminderOfAVisitAndNothingForAStartedVisit() {
        UUID visitA = UUID.randomUUID();
        UUID visitB = UUID.randomUUID();
        UUID visitC = UUID.randomUUID();
        Due a24 = new Due(UUID.randomUUID(), visitA, STARTS.minus(Duration.ofHours(24)), STARTS);
        Due a2 = new Due(UUID.randomUUID(), visitA, STARTS.minus(Duration.ofHours(2)), STARTS);
        Due b24 = new Due(UUID.randomUUID(), visitB, STARTS.minus(Duration.ofHours(23)), STARTS.plusSeconds(3600));
        Due cLate = new Due(UUID.randomUUID(), visitC, STARTS.minus(Duration.ofHours(5)),
                STARTS.minus(Duration.ofMinutes(31))); // started a minute before the tick
        Instant now = STARTS.minus(Duration.ofMinutes(30));

        ReminderPlanner.Triage triage = ReminderPlanner.triage(List.of(a24, cLate, a2, b24), now);

        // after downtime, "tomorrow" and "in two hours" must not arrive together: only the later one goes
        assertThat(triage.send()).containsExactlyInAnyOrder(a2.reminderId(), b24.reminderId());
        assertThat(triage.skip()).containsExactlyInAnyOrder(a24.reminderId(), cLate.reminderId());
    }
}
