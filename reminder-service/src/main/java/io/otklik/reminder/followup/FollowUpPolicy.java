package io.otklik.reminder.followup;

import io.otklik.platform.tenant.OnDuty;
import io.otklik.platform.tenant.Tenant;
import io.otklik.reminder.appointment.AppointmentStatus;
import io.otklik.reminder.schedule.SkipReason;
import io.otklik.reminder.text.ReminderTexts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The follow-up of an unconfirmed booking (issue 8, item 4), pure: when it is due ({@code reminders.confirmBy}
 * before the visit), whether a due one is handed to staff, to whom, and what they read.
 */
public final class FollowUpPolicy {

    /** Why the conversation goes to staff, in logs and docs. */
    public static final String REASON = "client has not confirmed";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM HH:mm");

    private FollowUpPolicy() {
    }

    /** What to do with a follow-up that came due. */
    public enum Outcome {
        /** hand the client to staff: handoff_requested */
        SEND,
        /** nothing to follow up any more (confirmed, cancelled, settled): disarmed without a trace */
        CANCEL,
        /** it came due but cannot or need not go out; the reason says why */
        SKIP
    }

    /** @param reason for SKIP and CANCEL, why (SKIP reasons are {@link SkipReason} values) */
    public record Decision(Outcome outcome, String reason) {
    }

    /**
     * An appointment as the follow-up sees it.
     *
     * @param missing what handoff_requested would lack ({@code lead}, {@code conversation}, {@code channel}), or null
     */
    public record Visit(AppointmentStatus status, Instant startsAt, String missing) {
    }

    /**
     * How long before the visit an unconfirmed client is followed up; empty when the tenant switched it off.
     *
     * @throws IllegalArgumentException when confirmBy is neither {@code off} nor a positive ISO-8601 duration
     */
    public static Optional<Duration> confirmBy(Tenant.Reminders reminders) {
        if (!reminders.followUp()) {
            return Optional.empty();
        }
        Duration d;
        try {
            d = Duration.parse(reminders.confirmBy());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("reminders.confirmBy '" + reminders.confirmBy()
                    + "' is neither 'off' nor an ISO-8601 duration such as PT3H");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("reminders.confirmBy '" + reminders.confirmBy()
                    + "' must be a positive duration");
        }
        return Optional.of(d);
    }

    /**
     * When the follow-up of a visit starting at {@code startsAt} is due, or empty: switched off, or the deadline has
     * already passed at {@code now} (booked or moved too close to the visit to make a follow-up useful).
     */
    public static Optional<Instant> dueAt(Instant startsAt, Tenant.Reminders reminders, Instant now) {
        return confirmBy(reminders).map(startsAt::minus).filter(now::isBefore);
    }

    /** What a follow-up due at or before {@code now} does. */
    public static Decision decide(Visit visit, Instant now) {
        if (visit.status() != AppointmentStatus.BOOKED) {
            return new Decision(Outcome.CANCEL, "appointment is " + visit.status());
        }
        if (!now.isBefore(visit.startsAt())) {
            return new Decision(Outcome.SKIP, SkipReason.VISIT_STARTED);
        }
        if (visit.missing() != null) {
            return new Decision(Outcome.SKIP, SkipReason.unsendable(visit.missing()));
        }
        return new Decision(Outcome.SEND, REASON);
    }

    /** Who calls the client: the on-duty staff member at {@code now}, else the owner, else the first staff member. */
    public static Optional<Tenant.Staff> assignee(Tenant tenant, Instant now) {
        return OnDuty.at(tenant, now)
                .or(() -> tenant.staff().stream().filter(s -> "owner".equals(s.role())).findFirst())
                .or(() -> tenant.staff().stream().findFirst());
    }

    /**
     * What staff read (Russian), e.g. «Клиент Иван не подтвердил запись на 26.11 15:00 «Стрижка» (мастер Анна).
     * Позвоните клиенту: +79161234567.» The name and phone are for the staff member who calls; never log this text.
     */
    public static String summary(Instant startsAt, ZoneId zone, String serviceName, String staffName,
                                 String segment, String clientName, String phone) {
        StringBuilder s = new StringBuilder("Клиент");
        if (present(clientName)) {
            s.append(' ').append(clientName.strip());
        }
        s.append(" не подтвердил запись на ").append(WHEN.format(startsAt.atZone(zone)));
        if (present(serviceName)) {
            s.append(" «").append(serviceName.strip()).append('»');
        }
        if (present(staffName)) {
            s.append(" (").append(ReminderTexts.role(segment)).append(' ').append(staffName.strip()).append(')');
        }
        s.append(". Позвоните клиенту");
        if (present(phone)) {
            s.append(": ").append(phone.strip());
        }
        return s.append('.').toString();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
