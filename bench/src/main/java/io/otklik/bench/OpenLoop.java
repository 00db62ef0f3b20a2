package io.otklik.bench;

import java.util.function.LongConsumer;

/**
 * The schedule of an open-loop load: request {@code i} is meant to leave at {@code start + i / rate}, whatever
 * happened to the ones before it. The sender asks which requests are due and measures each one's latency from its
 * intended time, not from when it actually left, so a stall (of the server, the network or the sender itself)
 * shows up in the latency of every request it delayed — no coordinated omission.
 */
public final class OpenLoop {

    private final long startNanos;
    private final double periodNanos;
    private final long total;
    private long next;

    /**
     * @param startNanos     the intended time of request 0 (a {@link System#nanoTime()} value)
     * @param ratePerSecond  requests per second
     * @param durationNanos  how long the schedule runs; it holds {@code floor(duration * rate)} requests
     */
    public OpenLoop(long startNanos, double ratePerSecond, long durationNanos) {
        if (ratePerSecond <= 0 || durationNanos <= 0) {
            throw new IllegalArgumentException("rate and duration must be positive");
        }
        this.startNanos = startNanos;
        this.periodNanos = 1e9 / ratePerSecond;
        this.total = (long) Math.floor(durationNanos / 1e9 * ratePerSecond);
    }

    /** The intended send time of request {@code i}. */
    public long intendedNanos(long i) {
        return startNanos + Math.round(i * periodNanos);
    }

    /**
     * Hands every request that is due at {@code nowNanos} and not handed out yet to {@code send} (its intended time),
     * oldest first; a sender that fell behind gets the whole backlog at once.
     *
     * @return how many were handed out
     */
    public int due(long nowNanos, LongConsumer send) {
        int n = 0;
        while (next < total && intendedNanos(next) <= nowNanos) {
            send.accept(intendedNanos(next));
            next++;
            n++;
        }
        return n;
    }

    /** The intended time of the next request not handed out yet, or {@code Long.MAX_VALUE} when all were. */
    public long nextNanos() {
        return next < total ? intendedNanos(next) : Long.MAX_VALUE;
    }

    public boolean done() {
        return next >= total;
    }

    /** Requests handed out so far. */
    public long issued() {
        return next;
    }

    public long total() {
        return total;
    }
}
