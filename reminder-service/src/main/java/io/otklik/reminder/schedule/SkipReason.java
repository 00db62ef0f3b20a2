package io.otklik.reminder.schedule;

/** Why a reminder was SKIPPED, as stored in {@code reminder.skip_reason} and shown by the reminders API. */
public final class SkipReason {

    /** The visit had started when the reminder came due (a tick after downtime): reminding is pointless. */
    public static final String VISIT_STARTED = "visit_started";
    /** A later reminder of the same visit was due too; only the latest is sent. */
    public static final String SUPERSEDED = "superseded_by_later_reminder";
    /** The tenant is no longer in tenants.yaml. */
    public static final String TENANT_MISSING = "tenant_missing";
    /** The visit became a no-show (timeout, staff mark or CRM status) before the reminder was sent. */
    public static final String NO_SHOW = "no_show";
    /** The client came (attendance marked) before the reminder was sent. */
    public static final String ATTENDED = "attended";
    /** The reminder fell into the tenant's quiet hours and could not be moved before the visit. */
    public static final String QUIET_HOURS = "quiet_hours";

    private static final String UNSENDABLE = "unsendable:";

    private SkipReason() {
    }

    /** reply_requested cannot be built: {@code what} names the missing piece ({@code conversation}, {@code contact}). */
    public static String unsendable(String what) {
        return UNSENDABLE + what;
    }
}
