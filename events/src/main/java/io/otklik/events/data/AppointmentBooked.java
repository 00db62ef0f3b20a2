package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * A client was booked into a slot.
 *
 * @param conversationId   the client's thread, if the booking came from one
 * @param leadId           the lead, if any
 * @param channelAccountId the business's account on the client's channel, for reminders
 * @param timezone         the tenant's time zone (IANA id), for texts that name local times
 */
@RegisterForReflection
public record AppointmentBooked(UUID appointmentId, String conversationId, UUID leadId, String clientId,
                                Channel channel, String channelAccountId, Contact contact, String serviceCode,
                                String serviceName, String staffId, String staffName, Instant startsAt,
                                Instant endsAt, String timezone) {
}
