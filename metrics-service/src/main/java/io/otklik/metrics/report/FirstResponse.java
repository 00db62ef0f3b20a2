package io.otklik.metrics.report;

import io.otklik.events.data.Channel;

/** One conversation's time to first response: its first ANSWER's response time, in milliseconds. */
public record FirstResponse(Channel channel, long responseMs) {
}
