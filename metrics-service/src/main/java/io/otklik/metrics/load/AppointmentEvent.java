package io.otklik.metrics.load;

import java.time.Instant;

/**
 * One appointment event as stored, reduced to what the load needs.
 *
 * @param type          the topic name: {@code appointment_booked}, {@code appointment_rescheduled} or
 *                      {@code appointment_cancelled}; other types are ignored
 * @param staffId       booked: the specialist; rescheduled: the specialist after the move, or null when unchanged;
 *                      cancelled: unused
 * @param startsAt      booked and rescheduled: the visit's start (after the move)
 * @param endsAt        booked and rescheduled: the visit's end (after the move)
 * @param occurredAt    when the event happened (the envelope's {@code time}); orders the moves of one appointment
 */
public record AppointmentEvent(String type, String appointmentId, String staffId, Instant startsAt, Instant endsAt,
                               Instant occurredAt) {
}
