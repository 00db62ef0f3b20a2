package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * routing-service decided who handles a lead.
 *
 * @param assignee     staff id, or {@code bot} when the bot handles it
 * @param assigneeRole owner, on-duty, specialist or bot
 * @param ruleId       the routing rule that matched
 * @param reason       why, in words
 */
@RegisterForReflection
public record LeadRouted(UUID leadId, String conversationId, String assignee, String assigneeRole, String ruleId,
                         String reason) {
}
