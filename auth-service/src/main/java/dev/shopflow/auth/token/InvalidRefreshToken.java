package dev.shopflow.auth.token;

/** The refresh token is unknown, expired, revoked, or was already used (which revokes its whole family). */
public class InvalidRefreshToken extends RuntimeException {

    public InvalidRefreshToken() {
        super("The refresh token is invalid, expired or revoked. Sign in again.");
    }
}
