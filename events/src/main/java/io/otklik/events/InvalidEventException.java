package io.otklik.events;

/** An event that cannot be read: it goes to the dead-letter topic with this message as the reason. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
