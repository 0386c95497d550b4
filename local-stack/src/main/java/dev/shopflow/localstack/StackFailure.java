package dev.shopflow.localstack;

/** The stack could not start; the message says what failed and what to do about it. */
public class StackFailure extends RuntimeException {

    public StackFailure(String message) {
        super(message);
    }

    public StackFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
