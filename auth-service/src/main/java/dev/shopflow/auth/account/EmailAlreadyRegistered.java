package dev.shopflow.auth.account;

/** Registration with an email address that already has an account. */
public class EmailAlreadyRegistered extends RuntimeException {

    public EmailAlreadyRegistered() {
        super("An account with this email address already exists.");
    }
}
