package dev.shopflow.platform.kafka;

/**
 * A record that can never be applied as it is (missing CloudEvents headers, a payload that is not the event it
 * claims to be). It is not retried: it goes to the dead-letter topic at once.
 */
public class MalformedEvent extends RuntimeException {

    public MalformedEvent(String message) {
        super(message);
    }

    public MalformedEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
