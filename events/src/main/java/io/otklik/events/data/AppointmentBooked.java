package io.otklik.events.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A client was booked into a slot.
 *
 * @param conversationId   the client's thread, if the booking came from one
 * @param leadId           the lead, if any
 * @param channelAccountId the business's account on the client's channel, for reminders
 * @param timezone         the tenant's time zone (IANA id), for texts that name local times
 * @param variants         the conversation's A/B arms: experiment id → variant name; empty (left out of the JSON)
 *                         when none
 */
@RegisterForReflection
public record AppointmentBooked(UUID appointmentId, String conversationId, UUID leadId, String clientId,
                                Channel channel, String channelAccountId, Contact contact, String serviceCode,
                                String serviceName, String staffId, String staffName, Instant startsAt,
                                Instant endsAt, String timezone,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> variants) {

    public AppointmentBooked {
        variants = Variants.copy(variants);
    }

    /** Without experiments. */
    public AppointmentBooked(UUID appointmentId, String conversationId, UUID leadId, String clientId,
                             Channel channel, String channelAccountId, Contact contact, String serviceCode,
                             String serviceName, String staffId, String staffName, Instant startsAt,
                             Instant endsAt, String timezone) {
        this(appointmentId, conversationId, leadId, clientId, channel, channelAccountId, contact, serviceCode,
                serviceName, staffId, staffName, startsAt, endsAt, timezone, null);
    }
}
