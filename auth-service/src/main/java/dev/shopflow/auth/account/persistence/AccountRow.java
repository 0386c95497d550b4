package dev.shopflow.auth.account.persistence;

import dev.shopflow.auth.account.domain.RegisteredAccount;
import java.util.List;
import java.util.UUID;

/** A row of {@code users}, the table that holds accounts. */
record AccountRow(UUID id, String email, String name, String passwordHash, List<String> roles) {

    static AccountRow of(RegisteredAccount account) {
        return new AccountRow(account.id(), account.email(), account.name(), account.passwordHash(), account.roles());
    }

    RegisteredAccount account() {
        return new RegisteredAccount(id, email, name, passwordHash, roles);
    }
}
