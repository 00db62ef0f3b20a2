package io.otklik.reminder.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otklik.platform.tenant.Tenant;
import io.otklik.reminder.schedule.ReminderPlanner.Due;
import io.otklik.reminder.schedule.ReminderPlanner.PlannedReminder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
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

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    static Instant moscow(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
    }

    @Test
    void aReminderFallingInQuietHoursMovesToTheMinuteBeforeTheyStart() {
        // a 09:30 visit on 27.11: 24 h before is 09:30 on 26.11 (fine), 2 h before is 07:30 (quiet) → 20:59 on 26.11
        List<PlannedReminder> planned = ReminderPlanner.plan(moscow("2026-11-27T09:30"), moscow("2026-11-25T12:00"),
                POLICY, Duration.ofMinutes(15), MOSCOW);
        assertThat(planned).containsExactly(
                new PlannedReminder("before_24h", moscow("2026-11-26T09:30")),
                new PlannedReminder("before_2h", moscow("2026-11-26T20:59")));
        // without a zone, the same call leaves quiet hours alone
        assertThat(ReminderPlanner.plan(moscow("2026-11-27T09:30"), moscow("2026-11-25T12:00"), POLICY,
                Duration.ofMinutes(15))).extracting(PlannedReminder::dueAt)
                .containsExactly(moscow("2026-11-26T09:30"), moscow("2026-11-27T07:30"));
    }

    @Test
    void quietHoursAreTheTenantsOwnAndReadInTheVisitsZone() {
        Tenant.Reminders late = new Tenant.Reminders(List.of("PT2H"), null, LocalTime.of(23, 0), LocalTime.of(7, 0),
                null, null);
        // 07:30 is outside 23:00–07:00
        assertThat(ReminderPlanner.plan(moscow("2026-11-27T09:30"), moscow("2026-11-25T12:00"), late,
                Duration.ofMinutes(15), MOSCOW)).extracting(PlannedReminder::dueAt)
                .containsExactly(moscow("2026-11-27T07:30"));
        // 07:30 in Moscow is 09:30 in Yekaterinburg: outside the default 21:00–09:00 there
        assertThat(ReminderPlanner.plan(moscow("2026-11-27T09:30"), moscow("2026-11-25T12:00"), POLICY,
                Duration.ofMinutes(15), ZoneId.of("Asia/Yekaterinburg"))).extracting(PlannedReminder::dueAt)
                .containsExactly(moscow("2026-11-26T09:30"), moscow("2026-11-27T07:30"));
    }

    @Test
    void aReminderMovedBeforeTheMinimumLeadIsDroppedAndTheOthersStay() {
        // booked at 21:30 for 09:30 the next morning: the 2 h reminder would move to 20:59, already past
        assertThat(ReminderPlanner.plan(moscow("2026-11-27T09:30"), moscow("2026-11-26T21:30"), POLICY,
                Duration.ofMinutes(15), MOSCOW)).isEmpty();
        // booked at 20:50: 20:59 is within 15 minutes, dropped too
        assertThat(ReminderPlanner.plan(moscow("2026-11-27T09:30"), moscow("2026-11-26T20:50"), POLICY,
                Duration.ofMinutes(15), MOSCOW)).isEmpty();
        // booked at 20:40: 20:59 is 19 minutes away, kept; the 24 h one is past
        assertThat(ReminderPlanner.plan(moscow("2026-11-27T09:30"), moscow("2026-11-26T20:40"), POLICY,
                Duration.ofMinutes(15), MOSCOW))
                .containsExactly(new PlannedReminder("before_2h", moscow("2026-11-26T20:59")));
        // a visit at 11:00: its 2 h reminder is due at 09:00, the end of the quiet hours, and stays there
        assertThat(ReminderPlanner.plan(moscow("2026-11-27T11:00"), moscow("2026-11-26T21:30"), POLICY,
                Duration.ofMinutes(15), MOSCOW))
                .containsExactly(new PlannedReminder("before_2h", moscow("2026-11-27T09:00")));
    }

    @Test
    void twoRemindersMovedOntoTheSameMinuteAreOne() {
        // an 08:00 visit: 10 h before is 22:00, 2 h before is 06:00, both quiet → both 20:59: one reminder
        Tenant.Reminders policy = new Tenant.Reminders(List.of("PT10H", "PT2H"), null, null, null, null, null);
        assertThat(ReminderPlanner.plan(moscow("2026-11-27T08:00"), moscow("2026-11-25T12:00"), policy,
                Duration.ofMinutes(15), MOSCOW))
                .containsExactly(new PlannedReminder("before_10h", moscow("2026-11-26T20:59")));
        // one due at 20:59 anyway keeps its own kind when another is moved onto it
        Tenant.Reminders exact = new Tenant.Reminders(List.of("PT2H", "PT11H1M"), null, null, null, null, null);
        assertThat(ReminderPlanner.plan(moscow("2026-11-27T08:00"), moscow("2026-11-25T12:00"), exact,
                Duration.ofMinutes(15), MOSCOW))
                .containsExactly(new PlannedReminder("before_11h1m", moscow("2026-11-26T20:59")));
    }

    static Tenant salon(List<Tenant.Experiment> experiments) {
        return new Tenant("ab-salon", "Салон", "Europe/Moscow", "salon", null, null, null, null, null, null,
                new Tenant.Reminders(List.of("PT24H", "PT2H"), 4), null, null, null, null, null, null, null, null,
                experiments);
    }

    static final Tenant.Experiment TIMING = new Tenant.Experiment("reminder-timing", "reminders", List.of(
            new Tenant.Variant("A", 1, null, List.of("PT24H", "PT2H")),
            new Tenant.Variant("B", 1, null, List.of("PT3H"))));

    @Test
    void theTenantPlanUsesTheArmsOffsetsAndNamesTheArm() {
        Tenant tenant = salon(List.of(TIMING));
        Instant starts = moscow("2026-11-27T15:00");
        Instant now = moscow("2026-11-25T12:00");
        int seenA = 0;
        int seenB = 0;
        for (int i = 0; i < 40; i++) {
            String conversation = "wa:conversation-" + i;
            ReminderPlanner.Plan plan = ReminderPlanner.plan(tenant, conversation, UUID.randomUUID(), starts, MOSCOW,
                    now, Duration.ofMinutes(15));
            String arm = io.otklik.platform.experiment.Experiments.assign(TIMING, conversation).name();
            assertThat(plan.variant()).isEqualTo(arm);
            if ("B".equals(arm)) {
                seenB++;
                assertThat(plan.reminders()).containsExactly(
                        new PlannedReminder("before_3h", moscow("2026-11-27T12:00")));
            } else {
                seenA++;
                assertThat(plan.reminders()).extracting(PlannedReminder::kind)
                        .containsExactly("before_24h", "before_2h");
            }
        }
        assertThat(seenA).as("both arms get conversations").isPositive();
        assertThat(seenB).isPositive();
        // without the experiment: the policy's offsets and no arm
        ReminderPlanner.Plan plain = ReminderPlanner.plan(salon(List.of()), "wa:conversation-1", UUID.randomUUID(),
                starts, MOSCOW, now, Duration.ofMinutes(15));
        assertThat(plain.variant()).isNull();
        assertThat(plain.reminders()).extracting(PlannedReminder::kind).containsExactly("before_24h", "before_2h");
    }
}
