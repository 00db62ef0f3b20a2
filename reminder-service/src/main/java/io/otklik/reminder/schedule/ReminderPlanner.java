package io.otklik.reminder.schedule;

import io.otklik.platform.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reminder timing, as plain functions: which reminders a visit gets under a tenant's policy, and which of the
 * reminders found due at a tick are actually sent.
 */
public final class ReminderPlanner {

    /** A reminder due sooner than this after booking is noise: the client has just talked to us. */
    public static final Duration DEFAULT_MIN_LEAD = Duration.ofMinutes(15);

    private ReminderPlanner() {
    }

    /**
     * One offset of the policy.
     *
     * @param kind   its stable name, derived from the duration ({@code before_24h}, {@code before_30m})
     * @param before how long before the visit the reminder is due
     */
    public record Offset(String kind, Duration before) {
    }

    /** A reminder to create. */
    public record PlannedReminder(String kind, Instant dueAt) {
    }

    /**
     * The policy's offsets, largest first, duplicates removed.
     *
     * @throws IllegalArgumentException naming the bad entry when one is not a positive ISO-8601 duration in whole
     *                                  minutes
     */
    public static List<Offset> offsets(Tenant.Reminders policy) {
        if (policy == null || policy.before() == null) {
            return List.of();
        }
        Map<String, Offset> byKind = new LinkedHashMap<>();
        for (String text : policy.before()) {
            Duration before;
            try {
                before = Duration.parse(String.valueOf(text).strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("reminders.before '" + text
                        + "' is not an ISO-8601 duration such as PT24H or PT2H");
            }
            if (before.isNegative() || before.isZero() || before.toSecondsPart() != 0 || before.toNanosPart() != 0) {
                throw new IllegalArgumentException("reminders.before '" + text
                        + "' must be a positive duration in whole minutes");
            }
            Offset offset = new Offset(kind(before), before);
            byKind.putIfAbsent(offset.kind(), offset);
        }
        return byKind.values().stream().sorted(Comparator.comparing(Offset::before).reversed()).toList();
    }

    /** {@code PT24H} → {@code before_24h}, {@code PT30M} → {@code before_30m}, {@code PT1H30M} → {@code before_1h30m}. */
    public static String kind(Duration before) {
        long hours = before.toHours();
        int minutes = before.toMinutesPart();
        StringBuilder kind = new StringBuilder("before_");
        if (hours > 0) {
            kind.append(hours).append('h');
        }
        if (minutes > 0 || hours == 0) {
            kind.append(minutes).append('m');
        }
        return kind.toString();
    }

    /**
     * A visit's reminders and the reminder-timing arm they came from.
     *
     * @param variant the arm of the tenant's reminder experiment, null when none runs
     */
    public record Plan(List<PlannedReminder> reminders, String variant) {
    }

    /**
     * The reminders of a visit of {@code tenant}: the offsets of the visit's reminder-timing arm (if the tenant runs
     * that experiment) or of its policy, moved out of the quiet hours read in {@code zone} (the visit's own, else the
     * tenant's).
     */
    public static Plan plan(Tenant tenant, String conversationId, UUID appointmentId, Instant startsAt, ZoneId zone,
                            Instant now, Duration minLead) {
        Optional<ReminderExperiments.Arm> arm = ReminderExperiments.arm(tenant, conversationId, appointmentId);
        Tenant.Reminders policy = arm.map(ReminderExperiments.Arm::policy).orElse(tenant.reminders());
        return new Plan(plan(startsAt, now, policy, minLead, zone),
                arm.map(ReminderExperiments.Arm::variant).orElse(null));
    }

    /** {@link #plan(Instant, Instant, Tenant.Reminders, Duration)} with the default 15-minute lead. */
    public static List<PlannedReminder> plan(Instant startsAt, Instant now, Tenant.Reminders policy) {
        return plan(startsAt, now, policy, DEFAULT_MIN_LEAD);
    }

    /**
     * The reminders for a visit starting at {@code startsAt}, planned at {@code now} (booking or rescheduling time):
     * one per offset, due {@code startsAt - offset}, except those due before {@code now + minLead}. Quiet hours are
     * not applied (no zone is known): see {@link #plan(Instant, Instant, Tenant.Reminders, Duration, ZoneId)}.
     */
    public static List<PlannedReminder> plan(Instant startsAt, Instant now, Tenant.Reminders policy,
                                             Duration minLead) {
        return plan(startsAt, now, policy, minLead, null);
    }

    /**
     * The reminders for a visit starting at {@code startsAt}, planned at {@code now} (booking or rescheduling time):
     * one per offset, due {@code startsAt - offset}; one that falls in the policy's quiet hours (read in
     * {@code zone}; none when {@code zone} is null) moves earlier, to the minute before they begin that evening.
     * Reminders then due before {@code now + minLead} are dropped, and two landing on the same instant are one (the
     * one that was not moved, else the larger offset).
     */
    public static List<PlannedReminder> plan(Instant startsAt, Instant now, Tenant.Reminders policy,
                                             Duration minLead, ZoneId zone) {
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(now, "now");
        Instant earliest = now.plus(minLead);
        QuietHours quiet = QuietHours.of(policy);
        Map<Instant, PlannedReminder> byDue = new LinkedHashMap<>();
        Set<Instant> unmoved = new HashSet<>();
        for (Offset offset : offsets(policy)) {
            Instant due = startsAt.minus(offset.before());
            Instant moved = zone == null ? due : quiet.moveOutOf(due, zone);
            if (moved.isBefore(earliest)) {
                continue;
            }
            PlannedReminder reminder = new PlannedReminder(offset.kind(), moved);
            if (moved.equals(due)) {
                if (unmoved.add(moved)) {
                    byDue.put(moved, reminder); // an unmoved reminder wins over one moved onto its instant
                }
            } else {
                byDue.putIfAbsent(moved, reminder);
            }
        }
        return byDue.values().stream().sorted(Comparator.comparing(PlannedReminder::dueAt)).toList();
    }

    /** A reminder found due at a tick, with the start of its visit. */
    public record Due(UUID reminderId, UUID appointmentId, Instant dueAt, Instant startsAt) {
    }

    /** What a tick does with the due reminders. */
    public record Triage(List<UUID> send, List<UUID> skip) {
    }

    /**
     * Of the reminders due at {@code now}: per visit only the latest one is sent (after downtime, "tomorrow" and
     * "in two hours" must not arrive together) and none once the visit has started (too late to remind).
     */
    public static Triage triage(List<Due> due, Instant now) {
        Map<UUID, List<Due>> byVisit = new LinkedHashMap<>();
        for (Due d : due) {
            byVisit.computeIfAbsent(d.appointmentId(), id -> new ArrayList<>()).add(d);
        }
        List<UUID> send = new ArrayList<>();
        List<UUID> skip = new ArrayList<>();
        for (List<Due> visit : byVisit.values()) {
            Due latest = visit.stream().max(Comparator.comparing(Due::dueAt)).orElseThrow();
            for (Due d : visit) {
                if (d == latest && now.isBefore(d.startsAt())) {
                    send.add(d.reminderId());
                } else {
                    skip.add(d.reminderId());
                }
            }
        }
        return new Triage(send, skip);
    }
}
