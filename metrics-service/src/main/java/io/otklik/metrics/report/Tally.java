package io.otklik.metrics.report;

import io.otklik.events.Topics;
import java.util.Collection;

/**
 * The counts of one slice of the facts (all channels, or one), by the definitions of the metrics: conversations are
 * the distinct conversations of {@code message_received}, messages its events, and every other count the number of
 * events of its type.
 */
public record Tally(long conversations, long messages, long classified, long fallbacks, long leads, long booked,
                    long confirmed, long cancelled, long noShows, long repliesSent, long repliesFailed,
                    long rescheduled) {

    public static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Sums grouped counts into a tally; types the metrics do not count are ignored. */
    public static Tally of(Collection<TypeCount> counts) {
        Tally tally = ZERO;
        for (TypeCount c : counts) {
            tally = tally.plus(of(c));
        }
        return tally;
    }

    private static Tally of(TypeCount c) {
        long n = c.events();
        return switch (c.type()) {
            // one conversation has one channel, so distinct conversations of several channel rows add up
            case Topics.MESSAGE_RECEIVED -> new Tally(c.conversations(), n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            case Topics.MESSAGE_CLASSIFIED -> new Tally(0, 0, n, c.fallbacks(), 0, 0, 0, 0, 0, 0, 0, 0);
            case Topics.LEAD_CREATED -> new Tally(0, 0, 0, 0, n, 0, 0, 0, 0, 0, 0, 0);
            case Topics.APPOINTMENT_BOOKED -> new Tally(0, 0, 0, 0, 0, n, 0, 0, 0, 0, 0, 0);
            case Topics.APPOINTMENT_CONFIRMED -> new Tally(0, 0, 0, 0, 0, 0, n, 0, 0, 0, 0, 0);
            case Topics.APPOINTMENT_CANCELLED -> new Tally(0, 0, 0, 0, 0, 0, 0, n, 0, 0, 0, 0);
            case Topics.NO_SHOW -> new Tally(0, 0, 0, 0, 0, 0, 0, 0, n, 0, 0, 0);
            case Topics.REPLY_SENT -> new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, n, 0, 0);
            case Topics.REPLY_FAILED -> new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, n, 0);
            case Topics.APPOINTMENT_RESCHEDULED -> new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, n);
            default -> ZERO;
        };
    }

    public Tally plus(Tally o) {
        return new Tally(conversations + o.conversations, messages + o.messages, classified + o.classified,
                fallbacks + o.fallbacks, leads + o.leads, booked + o.booked, confirmed + o.confirmed,
                cancelled + o.cancelled, noShows + o.noShows, repliesSent + o.repliesSent,
                repliesFailed + o.repliesFailed, rescheduled + o.rescheduled);
    }

    /** Classified messages the bot was not sure about, of all classified. Target 3–10 %. */
    public double fallbackRate() {
        return Rates.ratio(fallbacks, classified);
    }

    /** Leads per conversation. Target 10–25 %. */
    public double chatToLead() {
        return Rates.ratio(leads, conversations);
    }

    /** Confirmed appointments per booked one. */
    public double confirmedShare() {
        return Rates.ratio(confirmed, booked);
    }

    /** Missed visits per booked appointment. */
    public double noShowRate() {
        return Rates.ratio(noShows, booked);
    }
}
