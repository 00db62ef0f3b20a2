package io.otklik.nlu.entities;

import java.time.Instant;

/**
 * One thing a message names, with where it stands in the message.
 *
 * @param type  {@code phone}, {@code datetime}, {@code service}, {@code staff} or {@code name}
 * @param text  the words of the message that name it
 * @param start offset of its first character in the message
 * @param end   offset after its last character
 * @param value a phone in E.164; a datetime as an ISO local date-time ("2026-11-27T15:00") or an interval of two
 *              ("2026-11-28T08:00/2026-11-28T12:00", end exclusive); the catalogue code of a service; the id of a
 *              staff member; the client's name
 * @param from  for a datetime, the instant or the start of the interval; null for other types
 * @param to    for a datetime interval, its exclusive end; null for an instant and for other types
 */
public record Entity(String type, String text, int start, int end, String value, Instant from, Instant to) {

    public static final String PHONE = "phone";
    public static final String DATETIME = "datetime";
    public static final String SERVICE = "service";
    public static final String STAFF = "staff";
    public static final String NAME = "name";
}
