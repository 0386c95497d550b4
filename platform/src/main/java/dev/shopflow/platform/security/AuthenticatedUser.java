package dev.shopflow.platform.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller, as its access token names it. A controller method declares a parameter of this type to receive it
 * (the request must be authenticated).
 *
 * @param id the user id (the token's {@code sub})
 * @param email the address the user signed in with
 * @param roles {@code CUSTOMER}, {@code ADMIN}
 */
public record AuthenticatedUser(UUID id, String email, Set<String> roles) {

    public static final String ADMIN = "ADMIN";
    public static final String CUSTOMER = "CUSTOMER";

    public AuthenticatedUser {
        roles = Set.copyOf(roles);
    }

    /** The user a validated token names ({@code sub} is a UUID: the decoder refuses tokens where it is not). */
    public static AuthenticatedUser from(Jwt token) {
        List<String> roles = token.getClaimAsStringList(JwtDecoding.ROLES_CLAIM);
        return new AuthenticatedUser(UUID.fromString(token.getSubject()), token.getClaimAsString("email"),
                roles == null ? Set.of() : Set.copyOf(roles));
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    /**
     * Whether this user may see a resource that belongs to {@code ownerId}: its owner and administrators may.
     * Services answer 404 to anyone else, so that another customer's resource cannot even be found.
     */
    public boolean mayAccessResourceOf(UUID ownerId) {
        return id.equals(ownerId) || isAdmin();
    }
}
