package io.otklik.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with its base clock plus an offset that can only grow: demos and end-to-end tests move a
 * running service through a day in seconds. Thread-safe; the time it reads never goes back, not even when the base
 * clock does.
 */
public final class AdjustableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;
    private final AtomicReference<Instant> latest;

    public AdjustableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO), new AtomicReference<>(Instant.MIN));
    }

    private AdjustableClock(Clock base, AtomicReference<Duration> offset, AtomicReference<Instant> latest) {
        this.base = Objects.requireNonNull(base, "base");
        this.offset = offset;
        this.latest = latest;
    }

    @Override
    public Instant instant() {
        Instant candidate = base.instant().plus(offset.get());
        return latest.accumulateAndGet(candidate, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    /** The same time, seen in another zone; it shares the offset, so advancing either advances both. */
    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : new AdjustableClock(base.withZone(zone), offset, latest);
    }

    /** How far this clock is ahead of its base clock. */
    public Duration offset() {
        return offset.get();
    }

    /**
     * Moves the clock forward.
     *
     * @return the time after the move
     * @throws IllegalArgumentException when {@code by} is negative (the clock never goes back)
     */
    public Instant advance(Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward; " + by + " is negative");
        }
        offset.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    /**
     * Moves the clock forward to {@code target}.
     *
     * @return the time after the move ({@code target}, plus whatever the base clock ran since)
     * @throws IllegalArgumentException when {@code target} is before the clock's current time
     */
    public Instant advanceTo(Instant target) {
        Objects.requireNonNull(target, "target");
        while (true) {
            Duration current = offset.get();
            Instant now = instant();
            if (target.isBefore(now)) {
                throw new IllegalArgumentException("the clock only moves forward; it is already " + now
                        + ", after " + target);
            }
            Duration next = current.plus(Duration.between(now, target));
            if (offset.compareAndSet(current, next)) {
                return instant();
            }
        }
    }

    /** The base clock (UTC) when off; an {@link AdjustableClock} over it when on. */
    public static Clock system(boolean adjustable) {
        return adjustable ? new AdjustableClock(Clock.systemUTC()) : Clock.systemUTC();
    }

    @Override
    public String toString() {
        return "AdjustableClock[" + base + " + " + offset.get() + "]";
    }
}
