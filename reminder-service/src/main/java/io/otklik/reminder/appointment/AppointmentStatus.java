package io.otklik.reminder.appointment;

/** Where an appointment stands for reminders: open (booked or confirmed) or settled one way or another. */
public enum AppointmentStatus {
    BOOKED, CONFIRMED, CANCELLED, ATTENDED, NO_SHOW;

    /** Still ahead of the client: reminders go out and a missed visit can still become a no-show. */
    public boolean open() {
        return this == BOOKED || this == CONFIRMED;
    }
}
