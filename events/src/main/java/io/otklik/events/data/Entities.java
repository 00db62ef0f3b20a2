package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Entities found in a message; every field optional.
 *
 * @param service a service of the catalogue the client named (its code)
 * @param date    the day the client asked for, resolved in the tenant's time zone
 * @param time    the time of day the client asked for
 * @param phone   a phone number in the text, E.164
 * @param name    a name the client introduced themselves with
 */
@RegisterForReflection
public record Entities(String service, LocalDate date, LocalTime time, String phone, String name) {

    public static Entities none() {
        return new Entities(null, null, null, null, null);
    }
}
