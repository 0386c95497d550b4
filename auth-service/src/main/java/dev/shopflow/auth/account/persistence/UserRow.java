package dev.shopflow.auth.account.persistence;

import java.util.List;
import java.util.UUID;

/** A row of {@code users}. */
public record UserRow(UUID id, String email, String name, String passwordHash, List<String> roles) {
}
