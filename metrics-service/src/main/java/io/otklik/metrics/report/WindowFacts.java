package io.otklik.metrics.report;

import io.otklik.metrics.load.AppointmentEvent;
import io.otklik.platform.tenant.Tenant;
import java.util.List;
import java.util.Map;

/**
 * What the store holds for one report: the window's facts, the first responses sent in it, what is known of the
 * conversations they belong to, and — for one tenant — the tenant and the events of the appointments that may fall in
 * the window (for the specialist load).
 *
 * @param tenant       the tenant of a one-tenant report, null for all tenants (no specialist load then)
 * @param appointments booked, rescheduled and cancelled events of the appointments near the window
 */
public record WindowFacts(List<FactRow> rows, List<FirstResponse> firstResponses,
                          Map<FactRow.ConversationKey, ConversationInfo> conversations, Tenant tenant,
                          List<AppointmentEvent> appointments) {

    public static final WindowFacts EMPTY = new WindowFacts(List.of(), List.of(), Map.of());

    public WindowFacts {
        rows = List.copyOf(rows);
        firstResponses = List.copyOf(firstResponses);
        conversations = Map.copyOf(conversations);
        appointments = appointments == null ? List.of() : List.copyOf(appointments);
    }

    /** Without the specialist load. */
    public WindowFacts(List<FactRow> rows, List<FirstResponse> firstResponses,
                       Map<FactRow.ConversationKey, ConversationInfo> conversations) {
        this(rows, firstResponses, conversations, null, List.of());
    }

    ConversationInfo conversation(FactRow.ConversationKey key) {
        return key == null ? ConversationInfo.UNKNOWN : conversations.getOrDefault(key, ConversationInfo.UNKNOWN);
    }
}
