package io.otklik.reminder.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.platform.tenant.Tenant;
import io.otklik.reminder.schedule.QuietHours.AtTick;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Quiet hours as a pure function: both window shapes, their boundaries, DST, and what a tick does inside them. */
class QuietHoursTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin"); // has DST, Moscow has not
    static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0));
    static final QuietHours EARLY = new QuietHours(LocalTime.of(0, 0), LocalTime.of(8, 0));

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static Instant moscow(String localDateTime) {
        return at(localDateTime, MOSCOW);
    }

    @Test
    void theDefaultWindowIsNineInTheEveningToNineInTheMorning() {
        assertThat(QuietHours.of(new Tenant.Reminders(null, null, null, null, null, null))).isEqualTo(NIGHT);
        assertThat(QuietHours.of(null)).isEqualTo(NIGHT);
        assertThat(QuietHours.of(new Tenant.Reminders(null, null, LocalTime.of(22, 30), LocalTime.of(7, 0), null,
                null))).isEqualTo(new QuietHours(LocalTime.of(22, 30), LocalTime.of(7, 0)));
    }

    @Test
    void aWindowAcrossMidnightIncludesItsStartAndExcludesItsEnd() {
        assertThat(NIGHT.contains(moscow("2026-11-26T20:59"), MOSCOW)).isFalse();
        assertThat(NIGHT.contains(moscow("2026-11-26T21:00"), MOSCOW)).isTrue();
        assertThat(NIGHT.contains(moscow("2026-11-26T23:59"), MOSCOW)).isTrue();
        assertThat(NIGHT.contains(moscow("2026-11-27T00:00"), MOSCOW)).isTrue();
        assertThat(NIGHT.contains(moscow("2026-11-27T08:59"), MOSCOW)).isTrue();
        assertThat(NIGHT.contains(moscow("2026-11-27T09:00"), MOSCOW)).isFalse();
        assertThat(NIGHT.contains(moscow("2026-11-27T13:00"), MOSCOW)).isFalse();
    }

    @Test
    void aWindowWithinOneDayIncludesItsStartAndExcludesItsEnd() {
        assertThat(EARLY.contains(moscow("2026-11-26T23:59"), MOSCOW)).isFalse();
        assertThat(EARLY.contains(moscow("2026-11-27T00:00"), MOSCOW)).isTrue();
        assertThat(EARLY.contains(moscow("2026-11-27T07:59"), MOSCOW)).isTrue();
        assertThat(EARLY.contains(moscow("2026-11-27T08:00"), MOSCOW)).isFalse();
    }

    @Test
    void theWindowIsReadInTheGivenZone() {
        Instant instant = moscow("2026-11-26T20:00"); // 20:00 in Moscow is 22:00 in Yekaterinburg
        assertThat(NIGHT.contains(instant, MOSCOW)).isFalse();
        assertThat(NIGHT.contains(instant, ZoneId.of("Asia/Yekaterinburg"))).isTrue();
    }

    @Test
    void equalEndsMeanNoQuietHours() {
        QuietHours none = new QuietHours(LocalTime.of(21, 0), LocalTime.of(21, 0));
        assertThat(none.none()).isTrue();
        assertThat(none.contains(moscow("2026-11-26T21:00"), MOSCOW)).isFalse();
        assertThat(none.moveOutOf(moscow("2026-11-27T03:00"), MOSCOW)).isEqualTo(moscow("2026-11-27T03:00"));
        assertThat(none.atTick(moscow("2026-11-27T03:00"), moscow("2026-11-27T10:00"), MOSCOW))
                .isEqualTo(AtTick.SEND);
    }

    @Test
    void aReminderInsideTheWindowMovesToTheMinuteBeforeItStartedThatEvening() {
        // the example: a 2 h reminder for a 09:30 visit, due 07:30, goes out at 20:59 the evening before
        assertThat(NIGHT.moveOutOf(moscow("2026-11-27T07:30"), MOSCOW)).isEqualTo(moscow("2026-11-26T20:59"));
        // before midnight: the same evening
        assertThat(NIGHT.moveOutOf(moscow("2026-11-26T22:00"), MOSCOW)).isEqualTo(moscow("2026-11-26T20:59"));
        assertThat(NIGHT.moveOutOf(moscow("2026-11-26T21:00"), MOSCOW)).isEqualTo(moscow("2026-11-26T20:59"));
        assertThat(NIGHT.moveOutOf(moscow("2026-11-27T08:59"), MOSCOW)).isEqualTo(moscow("2026-11-26T20:59"));
        // outside: unchanged
        assertThat(NIGHT.moveOutOf(moscow("2026-11-26T20:59"), MOSCOW)).isEqualTo(moscow("2026-11-26T20:59"));
        assertThat(NIGHT.moveOutOf(moscow("2026-11-27T09:00"), MOSCOW)).isEqualTo(moscow("2026-11-27T09:00"));
        // a window after midnight: the minute before midnight
        assertThat(EARLY.moveOutOf(moscow("2026-11-27T05:00"), MOSCOW)).isEqualTo(moscow("2026-11-26T23:59"));
        assertThat(EARLY.moveOutOf(moscow("2026-11-27T08:00"), MOSCOW)).isEqualTo(moscow("2026-11-27T08:00"));
    }

    @Test
    void movingAcrossADstChangeKeepsTheLocalMinute() {
        // Berlin springs forward in the night to 29.03.2026: 08:00 CEST (06:00Z) → 20:59 CET the evening before
        // (19:59Z): 11 h 01 min back on the wall clock, 10 h 01 min of real time
        assertThat(NIGHT.moveOutOf(at("2026-03-29T08:00", BERLIN), BERLIN))
                .isEqualTo(Instant.parse("2026-03-28T19:59:00Z"));
        // and falls back in the night to 25.10.2026: 08:00 CET (07:00Z) → 20:59 CEST (18:59Z)
        assertThat(NIGHT.moveOutOf(at("2026-10-25T08:00", BERLIN), BERLIN))
                .isEqualTo(Instant.parse("2026-10-24T18:59:00Z"));
        // the hour that repeats is inside the window both times
        assertThat(NIGHT.contains(Instant.parse("2026-10-25T00:30:00Z"), BERLIN)).isTrue();
        assertThat(NIGHT.contains(Instant.parse("2026-10-25T01:30:00Z"), BERLIN)).isTrue();
        assertThat(NIGHT.end(Instant.parse("2026-10-25T01:30:00Z"), BERLIN))
                .isEqualTo(Instant.parse("2026-10-25T08:00:00Z")); // 09:00 CET
    }

    @Test
    void aTickOutsideTheWindowSends() {
        assertThat(NIGHT.atTick(moscow("2026-11-26T20:59"), moscow("2026-11-26T22:00"), MOSCOW))
                .isEqualTo(AtTick.SEND);
        assertThat(NIGHT.atTick(moscow("2026-11-27T09:00"), moscow("2026-11-27T09:30"), MOSCOW))
                .isEqualTo(AtTick.SEND);
    }

    @Test
    void aTickInsideTheWindowHoldsForAVisitAfterItEndsAndSkipsOtherwise() {
        // 23:00: quiet until 09:00 the next morning
        Instant lateEvening = moscow("2026-11-26T23:00");
        assertThat(NIGHT.atTick(lateEvening, moscow("2026-11-27T12:00"), MOSCOW)).isEqualTo(AtTick.HOLD);
        assertThat(NIGHT.atTick(lateEvening, moscow("2026-11-27T09:01"), MOSCOW)).isEqualTo(AtTick.HOLD);
        assertThat(NIGHT.atTick(lateEvening, moscow("2026-11-27T09:00"), MOSCOW)).isEqualTo(AtTick.SKIP);
        assertThat(NIGHT.atTick(lateEvening, moscow("2026-11-27T08:30"), MOSCOW)).isEqualTo(AtTick.SKIP);
        // 03:00: quiet until 09:00 the same morning
        Instant night = moscow("2026-11-27T03:00");
        assertThat(NIGHT.atTick(night, moscow("2026-11-27T10:00"), MOSCOW)).isEqualTo(AtTick.HOLD);
        assertThat(NIGHT.atTick(night, moscow("2026-11-27T07:00"), MOSCOW)).isEqualTo(AtTick.SKIP);
        // a window within one day
        assertThat(EARLY.atTick(moscow("2026-11-27T01:00"), moscow("2026-11-27T08:30"), MOSCOW))
                .isEqualTo(AtTick.HOLD);
        assertThat(EARLY.atTick(moscow("2026-11-27T01:00"), moscow("2026-11-27T07:30"), MOSCOW))
                .isEqualTo(AtTick.SKIP);
    }
}
