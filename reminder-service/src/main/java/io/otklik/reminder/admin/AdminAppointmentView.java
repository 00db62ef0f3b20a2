package io.otklik.reminder.admin;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/** An appointment as the operator's list shows it: ids, status and time, no contact data. */
@RegisterForReflection
public record AdminAppointmentView(UUID id, String tenantId, String conversationId, String channel, String status,
                                   Instant startsAt, Instant endsAt, String timezone) {
}
