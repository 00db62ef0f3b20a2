package io.otklik.events.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * routing-service decided who handles a lead.
 *
 * @param assignee     staff id, or {@code bot} when the bot handles it
 * @param assigneeRole owner, on-duty, specialist or bot
 * @param ruleId       the routing rule that matched
 * @param reason       why, in words
 * @param priority     P1 (now), P2 (soon) or P3 (when convenient); null from older producers
 * @param notifyAssignee the assignee is alerted as well (the rule said {@code + notify}); JSON {@code notify}
 * @param summary      the lead's short summary, as {@code lead_created} has it (what the client wants, channel, new or
 *                     repeat; no phone or name), for the assignee's alert; null from older producers
 */
@RegisterForReflection
public record LeadRouted(UUID leadId, String conversationId, String assignee, String assigneeRole, String ruleId,
                         String reason, String priority,
                         @JsonProperty("notify") boolean notifyAssignee, String summary) {

    /** Without the summary (older producers). */
    public LeadRouted(UUID leadId, String conversationId, String assignee, String assigneeRole, String ruleId,
                      String reason, String priority, boolean notifyAssignee) {
        this(leadId, conversationId, assignee, assigneeRole, ruleId, reason, priority, notifyAssignee, null);
    }

    /** Without priority and notification. */
    public LeadRouted(UUID leadId, String conversationId, String assignee, String assigneeRole, String ruleId,
                      String reason) {
        this(leadId, conversationId, assignee, assigneeRole, ruleId, reason, null, false, null);
    }
}
