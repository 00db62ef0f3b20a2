package io.otklik.reminder.admin;

import io.otklik.platform.time.AdjustableClock;
import io.otklik.platform.time.ClockProducer;
import io.otklik.platform.web.ProblemException;
import io.otklik.reminder.schedule.ReminderDispatcher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Moves the service's adjustable clock forward and runs the tick at the new time, so a demo or an end-to-end test
 * sees a day of reminders in seconds. Only this service's clock moves: the other services keep the real time.
 */
@ApplicationScoped
public class AdminClockService {

    private static final Logger LOG = Logger.getLogger(AdminClockService.class);

    private final ClockProducer clocks;
    private final ReminderDispatcher dispatcher;

    public AdminClockService(ClockProducer clocks, ReminderDispatcher dispatcher) {
        this.clocks = clocks;
        this.dispatcher = dispatcher;
    }

    public ClockView view() {
        AdjustableClock clock = clock();
        return ClockView.of(clock.instant(), clock.offset());
    }

    /** Advances by {@code by} (not negative) and ticks. */
    public Uni<ClockTickView> advance(Duration by) {
        AdjustableClock clock = clock();
        Instant now = move(() -> clock.advance(by), "advance");
        return tick(clock, now);
    }

    /** Advances to {@code to} (not before the clock's current time) and ticks. */
    public Uni<ClockTickView> advanceTo(Instant to) {
        AdjustableClock clock = clock();
        Instant now = move(() -> clock.advanceTo(to), "to");
        return tick(clock, now);
    }

    private static Instant move(java.util.function.Supplier<Instant> move, String field) {
        try {
            return move.get();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage(), field);
        }
    }

    private Uni<ClockTickView> tick(AdjustableClock clock, Instant now) {
        Duration offset = clock.offset();
        LOG.infof("clock advanced to %s (offset %s); ticking", now, offset);
        return dispatcher.dispatchDue(now).map(result -> ClockTickView.of(now, offset, result));
    }

    /** 404 when the service runs with the real clock: then the endpoint does not exist. */
    private AdjustableClock clock() {
        return clocks.adjustable().orElseThrow(() -> ProblemException.notFound(
                "the clock of this service is not adjustable (set OTKLIK_CLOCK_ADJUSTABLE=true to enable"
                        + " /api/v1/admin/clock; never in production)"));
    }
}
