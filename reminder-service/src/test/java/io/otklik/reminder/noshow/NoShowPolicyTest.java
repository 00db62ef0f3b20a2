package io.otklik.reminder.noshow;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.reminder.appointment.AppointmentStatus;
import io.otklik.reminder.noshow.NoShowPolicy.Visit;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The timeout rule: on only where the tenant enables it; open, unmarked, and noShowAfterHours past the end. */
class NoShowPolicyTest {

    static final Instant STARTS = Instant.parse("2026-11-26T12:00:00Z");
    static final Instant ENDS = Instant.parse("2026-11-26T13:00:00Z");

    @Test
    void anOpenUnmarkedVisitIsANoShowOnceTheHoursHavePassedSinceItsEnd() {
        Visit booked = new Visit(AppointmentStatus.BOOKED, false, STARTS, ENDS);
        assertThat(NoShowPolicy.deadline(booked, 4)).isEqualTo(Instant.parse("2026-11-26T17:00:00Z"));
        assertThat(NoShowPolicy.isNoShow(booked, 4, Instant.parse("2026-11-26T16:59:59Z"))).isFalse();
        assertThat(NoShowPolicy.isNoShow(booked, 4, Instant.parse("2026-11-26T17:00:00Z"))).isTrue();
        assertThat(NoShowPolicy.isNoShow(new Visit(AppointmentStatus.CONFIRMED, false, STARTS, ENDS), 2,
                Instant.parse("2026-11-26T15:30:00Z"))).isTrue();
    }

    @Test
    void withoutAnEndTheStartCounts() {
        Visit open = new Visit(AppointmentStatus.BOOKED, false, STARTS, null);
        assertThat(NoShowPolicy.deadline(open, 2)).isEqualTo(Instant.parse("2026-11-26T14:00:00Z"));
        assertThat(NoShowPolicy.isNoShow(open, 2, Instant.parse("2026-11-26T13:59:59Z"))).isFalse();
        assertThat(NoShowPolicy.isNoShow(open, 2, Instant.parse("2026-11-26T14:00:00Z"))).isTrue();
    }

    @Test
    void theTimeoutIsOffUnlessTheTenantSetsHoursAboveZero() {
        Visit booked = new Visit(AppointmentStatus.BOOKED, false, STARTS, ENDS);
        Instant muchLater = Instant.parse("2026-12-31T00:00:00Z");
        assertThat(NoShowPolicy.enabled(null)).isFalse();
        assertThat(NoShowPolicy.enabled(0)).isFalse();
        assertThat(NoShowPolicy.enabled(1)).isTrue();
        assertThat(NoShowPolicy.isNoShow(booked, null, muchLater)).isFalse();
        assertThat(NoShowPolicy.isNoShow(booked, 0, muchLater)).isFalse();
        assertThat(NoShowPolicy.isNoShow(booked, 1, muchLater)).isTrue();
    }

    @Test
    void cancelledSettledOrMarkedVisitsAreNeverNoShows() {
        Instant late = Instant.parse("2026-11-30T00:00:00Z");
        assertThat(NoShowPolicy.isNoShow(new Visit(AppointmentStatus.CANCELLED, false, STARTS, ENDS), 4, late))
                .isFalse();
        assertThat(NoShowPolicy.isNoShow(new Visit(AppointmentStatus.ATTENDED, true, STARTS, ENDS), 4, late))
                .isFalse();
        assertThat(NoShowPolicy.isNoShow(new Visit(AppointmentStatus.NO_SHOW, false, STARTS, ENDS), 4, late))
                .isFalse();
        assertThat(NoShowPolicy.isNoShow(new Visit(AppointmentStatus.BOOKED, true, STARTS, ENDS), 4, late))
                .isFalse();
        assertThat(NoShowPolicy.MARKED_BY).isEqualTo("reminder-service");
        assertThat(NoShowPolicy.MARKED_BY_CRM).isEqualTo("crm");
    }
}
