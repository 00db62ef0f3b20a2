package io.otklik.reminder.admin;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Duration;
import java.time.Instant;

/**
 * The service's adjustable clock, as {@code GET /api/v1/admin/clock} answers it.
 *
 * @param now    the service's current time
 * @param offset how far it is ahead of the real (system) time, an ISO-8601 duration
 */
@RegisterForReflection
public record ClockView(Instant now, String offset) {

    static ClockView of(Instant now, Duration offset) {
        return new ClockView(now, offset.toString());
    }
}
