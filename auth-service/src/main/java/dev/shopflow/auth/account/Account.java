package dev.shopflow.auth.account;

import java.util.List;
import java.util.UUID;

/** A registered account as the rest of the service sees it: never its password hash. */
public record Account(UUID id, String email, String name, List<String> roles) {

    public Account {
        roles = List.copyOf(roles);
    }
}
