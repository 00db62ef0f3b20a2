package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Entities found in a message; every field optional.
 *
 * @param service a service of the catalogue the client named (its code)
 * @param date    the day the client asked for, resolved in the tenant's time zone
 * @param time    the time of day the client asked for, when they named one
 * @param phone   a phone number in the text, E.164
 * @param name    a name the client introduced themselves with
 * @param staff   the id of a staff member the client asked for ("к Анне")
 * @param from    the start of the time the client asked for, resolved in the tenant's time zone: the instant itself
 *                ("завтра в 15") or the start of an interval ("послезавтра утром")
 * @param to      the end (exclusive) of that interval; null when the client named an instant
 */
@RegisterForReflection
public record Entities(String service, LocalDate date, LocalTime time, String phone, String name, String staff,
                       Instant from, Instant to) {

    /** Without staff and resolved time (tests and older producers). */
    public Entities(String service, LocalDate date, LocalTime time, String phone, String name) {
        this(service, date, time, phone, name, null, null, null);
    }

    public static Entities none() {
        return new Entities(null, null, null, null, null, null, null, null);
    }
}
