package dev.shopflow.auth.token;

import java.time.Duration;

/** Too many failed sign-ins for this account or from this address: try again after {@link #retryAfter()}. */
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
