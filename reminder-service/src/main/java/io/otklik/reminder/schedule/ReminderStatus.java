package io.otklik.reminder.schedule;

/** The life of one reminder: waiting, handed to ingest, or dropped (cancelled with the visit, or skipped as stale). */
public enum ReminderStatus {
    PENDING, SENT, CANCELLED, SKIPPED
}
