package dev.shopflow.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The auth service's settings ({@code shopflow.auth.*}); defaults in {@code application.yml}.
 *
 * @param accessTokenLifetime how long an access token is valid
 * @param refreshTokenLifetime how long a refresh token is valid; each rotation starts a new one
 * @param admin the administrator account created at start-up, when an email and password are given
 * @param signingKeys key pairs from configuration; when empty, a key pair is generated on first start and kept in
 *        the database
 * @param lockout how repeated failed sign-ins slow an attacker down
 * @param clientId the {@code client_id} of every access token: the one public client Shopflow knows, as which every
 *        first-party client (the storefront, scripts, load tests) signs in (ADR 0022)
 */
@Validated
@ConfigurationProperties("shopflow.auth")
public record AuthProperties(
        @NotNull Duration accessTokenLifetime,
        @NotNull Duration refreshTokenLifetime,
        @Valid @NotNull Admin admin,
        @Valid List<ConfiguredKey> signingKeys,
        @Valid @NotNull Lockout lockout,
        @NotBlank String clientId) {

    public AuthProperties {
        signingKeys = signingKeys == null ? List.of() : List.copyOf(signingKeys);
    }

    /** {@code SHOPFLOW_ADMIN_EMAIL}, {@code SHOPFLOW_ADMIN_PASSWORD}: both or neither. */
    public record Admin(String email, String password) {

        public boolean isConfigured() {
            return email != null && !email.isBlank() && password != null && !password.isBlank();
        }
    }

    /**
     * One key from configuration. The first key with a private key signs; every key listed is published in the
     * JWKS, so the previous key can stay published (public key only) until the tokens it signed have expired.
     *
     * @param id the {@code kid}
     * @param privateKey PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----})
     * @param publicKey X.509 PEM ({@code -----BEGIN PUBLIC KEY-----}); derived from the private key when absent
     */
    public record ConfiguredKey(@NotNull String id, String privateKey, String publicKey) {
    }

    /**
     * How failed sign-ins slow guessing down without letting a stranger lock the owner out (ADR 0011). Each attempt
     * spends from budgets of failures; a spent budget refuses the attempts it covers with 429 for a lock that starts
     * at {@code firstLock} and doubles with each further failure up to {@code longestLock}. An address the account
     * has signed in from within {@code knownAddressLifetime} is held back only by its own failures for that account.
     *
     * @param maxFailuresPerAccountAndAddress failures for one email from one client address before that address is
     *        locked for that email (the right password included: it would otherwise tell the guesser it is right)
     * @param maxFailuresPerAddress failures from one client address, for emails that have never signed in from it,
     *        before it may try no further such emails (credential stuffing, password spraying)
     * @param maxFailuresPerAccount failures for one email from addresses it has never signed in from, before such
     *        addresses must wait (a guesser with many addresses); its known addresses are never held back by them
     * @param failureWindow failures older than this are forgotten
     * @param firstLock how long the first lock lasts; each further failure doubles it
     * @param longestLock the longest a lock lasts
     * @param knownAddressLifetime how long a successful sign-in makes its address known to the account
     */
    public record Lockout(
            @Min(1) int maxFailuresPerAccountAndAddress,
            @Min(1) int maxFailuresPerAddress,
            @Min(1) int maxFailuresPerAccount,
            @NotNull Duration failureWindow,
            @NotNull Duration firstLock,
            @NotNull Duration longestLock,
            @NotNull Duration knownAddressLifetime) {
    }
}
