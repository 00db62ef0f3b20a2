package io.otklik.metrics.report;

import java.time.Duration;
import java.time.Instant;

/** Response time of one answered message: the answer's {@code sentAt} minus the inbound message's arrival. */
public final class ResponseTime {

    private ResponseTime() {
    }

    /**
     * Milliseconds from the inbound message's arrival to the answer's send time. Clocks of two services may disagree
     * by a few milliseconds; an answer apparently sent before the question arrived counts as 0, not as negative.
     */
    public static long millis(Instant inboundReceivedAt, Instant sentAt) {
        return Math.max(0, Duration.between(inboundReceivedAt, sentAt).toMillis());
    }
}
