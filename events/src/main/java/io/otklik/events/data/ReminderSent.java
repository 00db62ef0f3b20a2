package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * reminder-service asked for a reminder to be sent.
 *
 * @param kind    which reminder of the policy (for example {@code before_24h}, {@code before_2h})
 * @param variant the A/B variant of the reminder policy, if an experiment runs
 */
@RegisterForReflection
public record ReminderSent(UUID reminderId, UUID appointmentId, String conversationId, Channel channel, String kind,
                           Instant dueAt, Instant sentAt, String variant) {
}
