package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * Sandbox mode: the bot drafted a reply and holds it for a staff member's approval instead of sending it to the
 * client. Approval ({@code draft_reviewed} or routing-service's admin API) sends it.
 *
 * @param draftId        routing-service's id of the draft; the approval refers to it
 * @param conversationId the client's thread
 * @param channel        where the client wrote
 * @param staffId        who reviews it: the tenant's {@code sandbox.approver}, else the person on duty
 * @param telegramChatId that person's Telegram chat, if known
 * @param clientText     the client's message the draft answers (Russian, as written)
 * @param draftText      the bot's reply, as it would be sent
 * @param summary        a line about the conversation (its lead's summary), if any
 */
@RegisterForReflection
public record ReplyDrafted(UUID draftId, String conversationId, Channel channel, String staffId,
                           String telegramChatId, String clientText, String draftText, String summary) {
}
