package io.otklik.reminder.schedule;

import io.otklik.platform.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A tenant's quiet hours, local time {@code [from, to)} every night, when no reminder reaches a client. The window
 * may cross midnight (21:00–09:00, the default) or not (00:00–08:00); {@code from == to} means none. Local times are
 * turned into instants with {@link ZonedDateTime}, so a DST change inside the window moves nothing by an hour.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    /** How much before the quiet hours a reminder that would fall into them is sent instead. */
    static final Duration BEFORE_START = Duration.ofMinutes(1);

    /** What a tick does with a reminder that came due. */
    public enum AtTick {
        /** Outside quiet hours: send it now. */
        SEND,
        /** Quiet now, the visit starts after the quiet hours end: leave it pending for the morning. */
        HOLD,
        /** Quiet now, the visit starts before they end: a reminder after the visit began is pointless. */
        SKIP
    }

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** The tenant policy's window (default 21:00–09:00). */
    public static QuietHours of(Tenant.Reminders policy) {
        Tenant.Reminders p = policy != null ? policy : new Tenant.Reminders(null, null, null, null, null, null);
        return new QuietHours(p.quietFrom(), p.quietTo());
    }

    /** Whether there are quiet hours at all. */
    public boolean none() {
        return from.equals(to);
    }

    /** Whether {@code at}, read in {@code zone}, falls inside the quiet hours. */
    public boolean contains(Instant at, ZoneId zone) {
        if (none()) {
            return false;
        }
        LocalTime local = at.atZone(zone).toLocalTime();
        if (from.isBefore(to)) {
            return !local.isBefore(from) && local.isBefore(to);
        }
        return !local.isBefore(from) || local.isBefore(to);
    }

    /**
     * Where a reminder due at {@code due} goes: unchanged outside the quiet hours, otherwise the last minute before
     * the quiet spell that holds it began ({@code from - 1 min} of that evening).
     */
    public Instant moveOutOf(Instant due, ZoneId zone) {
        if (!contains(due, zone)) {
            return due;
        }
        return start(due, zone).minus(BEFORE_START);
    }

    /** When the quiet spell holding {@code at} (inside the quiet hours) began. */
    Instant start(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (from.isAfter(to) && local.toLocalTime().isBefore(to)) {
            day = day.minusDays(1); // after midnight: the spell began the evening before
        }
        return ZonedDateTime.of(day, from, zone).toInstant();
    }

    /** When the quiet spell holding {@code at} (inside the quiet hours) ends. */
    Instant end(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (from.isAfter(to) && !local.toLocalTime().isBefore(from)) {
            day = day.plusDays(1); // before midnight: the spell ends the next morning
        }
        return ZonedDateTime.of(day, to, zone).toInstant();
    }

    /**
     * What a tick at {@code now} does with a due reminder of a visit starting at {@code startsAt}: send it outside the
     * quiet hours; inside them hold it when the visit starts after they end, skip it otherwise.
     */
    public AtTick atTick(Instant now, Instant startsAt, ZoneId zone) {
        if (!contains(now, zone)) {
            return AtTick.SEND;
        }
        return startsAt.isAfter(end(now, zone)) ? AtTick.HOLD : AtTick.SKIP;
    }
}
