package dev.shopflow.auth.account.domain;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An account as the account feature keeps it: with its password hash, which never leaves the feature (the rest of
 * the service sees an {@code Account}).
 *
 * @param email the normalised address ({@link EmailAddress})
 */
public record RegisteredAccount(UUID id, String email, String name, String passwordHash, List<String> roles) {

    public RegisteredAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        roles = List.copyOf(roles);
    }
}
