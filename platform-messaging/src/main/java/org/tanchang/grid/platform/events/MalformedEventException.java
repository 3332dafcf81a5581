package org.tanchang.grid.platform.events;

/** An event that can never be processed (missing attributes, unreadable data): retrying is pointless, dead-letter it. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
