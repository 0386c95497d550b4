package dev.shopflow.auth.token;

import java.time.Duration;

/**
 * Too many failed sign-ins lately for this email from this address, from this address, or for this email from
 * addresses it has never signed in from (ADR 0011): try again after {@link #retryAfter()}.
 */
public class SignInLocked extends RuntimeException {

    private final Duration retryAfter;

    public SignInLocked(Duration retryAfter) {
        super("Too many failed sign-ins. Try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
