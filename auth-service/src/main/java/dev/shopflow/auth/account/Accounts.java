package dev.shopflow.auth.account;

import dev.shopflow.auth.account.domain.EmailAddress;
import dev.shopflow.auth.account.domain.PasswordPolicy;
import dev.shopflow.auth.account.domain.RegisteredAccount;
import dev.shopflow.auth.account.persistence.AccountRepository;
import dev.shopflow.platform.security.AuthenticatedUser;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Registering accounts, reading them, checking their passwords, and keeping the administrator account as
 * configuration says. The rest of the service (signing in, refreshing tokens) reaches accounts through here.
 */
@Service
public class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final AccountRepository users;
    private final Passwords passwords;
    private final Clock clock;

    public Accounts(AccountRepository users, Passwords passwords, Clock clock) {
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
                .flatMap(hash -> users.insertIfEmailFree(new RegisteredAccount(UUID.randomUUID(), address.value(),
                        name.strip(), hash, List.of(AuthenticatedUser.CUSTOMER)), clock.instant()))
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
                                new RegisteredAccount(UUID.randomUUID(), address.value(), "Administrator", hash, roles),
                                clock.instant()))
                        .doOnNext(created -> log.info("Created the administrator account {}", address))))
                .map(Accounts::account);
    }

    /**
     * The account with this email, when {@code password} is its password. An unknown email and a wrong password get
     * the same answer after the same work (a password check against a decoy hash), so that neither tells the other.
     *
     * @return the account, or empty
     */
    public Mono<Account> withPassword(String email, String password) {
        return users.findByEmail(normalisedEmail(email)).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(found -> passwords.matches(password, found.map(RegisteredAccount::passwordHash).orElse(null))
                        .filter(Boolean::booleanValue)
                        .map(matches -> account(found.get())));
    }

    /** The account, or empty when there is none (no caller check: for the service's own use, such as a refresh). */
    public Mono<Account> byId(UUID id) {
        return users.findById(id).map(Accounts::account);
    }

    /** The email as accounts are keyed by it: trimmed and lower-cased ({@link EmailAddress}). */
    public static String normalisedEmail(String email) {
        return EmailAddress.normalise(email);
    }

    private static Account account(RegisteredAccount account) {
        return new Account(account.id(), account.email(), account.name(), account.roles());
    }
}
