package dev.shopflow.auth.account;

import dev.shopflow.auth.account.domain.EmailAddress;
import dev.shopflow.auth.account.domain.PasswordPolicy;
import dev.shopflow.auth.account.persistence.UserRepository;
import dev.shopflow.auth.account.persistence.UserRow;
import dev.shopflow.platform.security.AuthenticatedUser;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Registering accounts, reading them, and keeping the administrator account as configuration says. */
@Service
public class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final UserRepository users;
    private final Passwords passwords;
    private final Clock clock;

    public Accounts(UserRepository users, Passwords passwords, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Registers a customer.
     *
     * @return the new account
     * @throws PasswordRejected (as the error signal) when the password breaks the policy
     * @throws EmailAlreadyRegistered when the normalised email has an account
     */
    public Mono<Account> register(String email, String password, String name) {
        var address = new EmailAddress(email);
        List<String> violations = PasswordPolicy.violations(password, address);
        if (!violations.isEmpty()) {
            return Mono.error(new PasswordRejected(violations));
        }
        return passwords.hash(password)
                .flatMap(hash -> users.insertIfEmailFree(new UserRow(UUID.randomUUID(), address.value(), name.strip(),
                        hash, List.of(AuthenticatedUser.CUSTOMER)), clock.instant()))
                .switchIfEmpty(Mono.error(EmailAlreadyRegistered::new))
                .map(Accounts::account);
    }

    /**
     * The account {@code id}, if {@code caller} may see it (its owner or an administrator).
     *
     * @throws AccountNotFound otherwise, and when there is no such account
     */
    public Mono<Account> find(UUID id, AuthenticatedUser caller) {
        if (!caller.mayAccessResourceOf(id)) {
            return Mono.error(AccountNotFound::new);
        }
        return users.findById(id).map(Accounts::account).switchIfEmpty(Mono.error(AccountNotFound::new));
    }

    /**
     * Makes sure the administrator account exists with the configured password and the {@code ADMIN} role:
     * configuration is the source of truth for it, so changing the password there changes it here.
     */
    public Mono<Account> ensureAdministrator(String email, String password) {
        var address = new EmailAddress(email);
        List<String> roles = List.of(AuthenticatedUser.CUSTOMER, AuthenticatedUser.ADMIN);
        return users.findByEmail(address.value())
                .flatMap(existing -> passwords.matches(password, existing.passwordHash())
                        .flatMap(same -> same && existing.roles().containsAll(roles)
                                ? Mono.just(existing)
                                : passwords.hash(password)
                                        .flatMap(hash -> users.updateCredentials(existing.id(), hash, roles, clock.instant()))
                                        .doOnSuccess(done -> log.info("Updated the administrator account {}", address))
                                        .then(users.findById(existing.id()))))
                .switchIfEmpty(Mono.defer(() -> passwords.hash(password)
                        .flatMap(hash -> users.insertIfEmailFree(
                                new UserRow(UUID.randomUUID(), address.value(), "Administrator", hash, roles),
                                clock.instant()))
                        .doOnNext(created -> log.info("Created the administrator account {}", address))))
                .map(Accounts::account);
    }

    static Account account(UserRow row) {
        return new Account(row.id(), row.email(), row.name(), row.roles());
    }
}
