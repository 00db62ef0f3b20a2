package io.otklik.metrics.report;

import java.util.List;
import java.util.Map;

/**
 * What the store holds for one report: the window's facts, the first responses sent in it, and what is known of the
 * conversations they belong to.
 */
public record WindowFacts(List<FactRow> rows, List<FirstResponse> firstResponses,
                          Map<FactRow.ConversationKey, ConversationInfo> conversations) {

    public static final WindowFacts EMPTY = new WindowFacts(List.of(), List.of(), Map.of());

    public WindowFacts {
        rows = List.copyOf(rows);
        firstResponses = List.copyOf(firstResponses);
        conversations = Map.copyOf(conversations);
    }

    ConversationInfo conversation(FactRow.ConversationKey key) {
        return key == null ? ConversationInfo.UNKNOWN : conversations.getOrDefault(key, ConversationInfo.UNKNOWN);
    }
}
