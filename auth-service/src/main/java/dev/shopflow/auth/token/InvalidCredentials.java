package dev.shopflow.auth.token;

/** The email or the password is wrong; deliberately the same error for both. */
public class InvalidCredentials extends RuntimeException {

    public InvalidCredentials() {
        super("The email or password is wrong.");
    }
}
