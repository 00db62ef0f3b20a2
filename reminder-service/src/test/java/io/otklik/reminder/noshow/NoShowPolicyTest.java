package io.otklik.reminder.noshow;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.reminder.appointment.AppointmentStatus;
import io.otklik.reminder.noshow.NoShowPolicy.Visit;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The timeout rule: open, unmarked, and noShowAfterHours past the start. */
class NoShowPolicyTest {

    static final Instant STARTS = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void anOpenUnmarkedVisitIsANoShowOnceTheHoursHavePassed() {
        Visit booked = new Visit(AppointmentStatus.BOOKED, false, STARTS);
        assertThat(NoShowPolicy.deadline(STARTS, 4)).isEqualTo(Instant.parse("2026-11-26T16:00:00Z"));
        assertThat(NoShowPolicy.isNoShow(booked, 4, Instant.parse("2026-11-26T15:59:59Z"))).isFalse();
        assertThat(NoShowPolicy.isNoShow(booked, 4, Instant.parse("2026-11-26T16:00:00Z"))).isTrue();
        assertThat(NoShowPolicy.isNoShow(new Visit(AppointmentStatus.CONFIRMED, false, STARTS), 2,
                Instant.parse("2026-11-26T14:30:00Z"))).isTrue();
    }

    @Test
    void cancelledSettledOrMarkedVisitsAreNeverNoShows() {
        Instant late = Instant.parse("2026-11-30T00:00:00Z");
        assertThat(NoShowPolicy.isNoShow(new Visit(AppointmentStatus.CANCELLED, false, STARTS), 4, late)).isFalse();
        assertThat(NoShowPolicy.isNoShow(new Visit(AppointmentStatus.ATTENDED, true, STARTS), 4, late)).isFalse();
        assertThat(NoShowPolicy.isNoShow(new Visit(AppointmentStatus.NO_SHOW, false, STARTS), 4, late)).isFalse();
        assertThat(NoShowPolicy.isNoShow(new Visit(AppointmentStatus.BOOKED, true, STARTS), 4, late)).isFalse();
        assertThat(NoShowPolicy.MARKED_BY).isEqualTo("reminder-service");
    }
}
