package dev.shopflow.auth.token;

import dev.shopflow.auth.AuthProperties;
import dev.shopflow.auth.token.persistence.LoginThrottleRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Slows password guessing down without letting a stranger lock the owner out (ADR 0011). Failures are counted in
 * budgets, each within a window:
 * <ul>
 * <li>per email <em>and</em> client address — the only budget that holds back an address the account has signed in
 * from before (a <em>known</em> address), so failures from elsewhere never refuse the owner there;</li>
 * <li>per client address, for emails new to that address — one address trying many accounts;</li>
 * <li>per email, from addresses new to it — many addresses trying one account.</li>
 * </ul>
 * A spent budget refuses the attempts it covers, the right password included, for {@code firstLock}, doubling with
 * each further failure up to {@code longestLock}; a budget is whole again only after a window with neither a failure
 * nor a lock. Emails are counted whether or not an account exists, so the answers reveal nothing about which do.
 *
 * <p>An attempt is counted <em>before</em> its password is checked, and handed back when it succeeds: otherwise a
 * guesser sending many attempts at once would have them all checked before the first failure is recorded. Counts
 * live in the database ({@link LoginThrottleRepository}), so limits hold across instances and restarts.
 */
class LoginThrottle {

    private final LoginThrottleRepository counts;
    private final TransactionalOperator transactions;
    private final AuthProperties.Lockout settings;
    private final Clock clock;

    LoginThrottle(LoginThrottleRepository counts, TransactionalOperator transactions, AuthProperties.Lockout settings,
            Clock clock) {
        this.counts = counts;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** One admitted sign-in attempt, counted as a failure until {@link #succeeded} hands it back. */
    record Attempt(String email, String address, boolean fromKnownAddress) {
    }

    /** A budget of failures: the counted subject and how many failures it allows before it locks. */
    private record Budget(String subject, int maxFailures) {
    }

    /**
     * Counts the attempt against every budget that covers it, or refuses it without counting anything.
     *
     * @throws SignInLocked (as the error signal) when one of those budgets is locked
     */
    Mono<Attempt> admit(String email, String address) {
        Instant now = clock.instant();
        return counts.isKnown(email, address, now.minus(settings.knownAddressLifetime()))
                .map(known -> new Attempt(email, address, known))
                .flatMap(attempt -> Flux.fromIterable(budgets(attempt))
                        .concatMap(budget -> take(budget, now))
                        // A refusal by a later budget rolls back what the earlier ones counted.
                        .then(Mono.just(attempt))
                        .as(transactions::transactional));
    }

    /**
     * The password was right: the attempt's failures are handed back, the email and address start afresh, and the
     * address becomes known to the account.
     */
    Mono<Void> succeeded(Attempt attempt) {
        Instant now = clock.instant();
        return counts.forget(accountAndAddressBudget(attempt).subject())
                .thenMany(Flux.fromIterable(newAddressBudgets(attempt)).concatMap(this::handBack))
                .then(counts.rememberAddress(attempt.email(), attempt.address(), now))
                .as(transactions::transactional);
    }

    /**
     * Forgets budgets that have been quiet for a whole window — no failure and no lock in it — and addresses not used
     * for long. A lock that ended less than a window ago keeps its count, as in {@link #take}.
     */
    Mono<Long> forgetExpired() {
        Instant now = clock.instant();
        Mono<Long> failures = counts.forgetQuietSince(now.minus(settings.failureWindow()));
        Mono<Long> addresses = counts.forgetAddressesUnusedSince(now.minus(settings.knownAddressLifetime()));
        return failures.zipWith(addresses, Long::sum);
    }

    /** {@code firstLock} when the limit is reached, doubled by each failure past it, at most {@code longestLock}. */
    Duration lockFor(int failuresPastLimit) {
        Duration lock = settings.firstLock().multipliedBy(1L << Math.min(failuresPastLimit, 20));
        return lock.compareTo(settings.longestLock()) > 0 ? settings.longestLock() : lock;
    }

    /** The budgets an attempt spends from. */
    private List<Budget> budgets(Attempt attempt) {
        return Stream.concat(Stream.of(accountAndAddressBudget(attempt)), newAddressBudgets(attempt).stream()).toList();
    }

    private Budget accountAndAddressBudget(Attempt attempt) {
        return new Budget("account+address:" + attempt.email() + " " + attempt.address(),
                settings.maxFailuresPerAccountAndAddress());
    }

    /** What an address new to the account spends from besides: the address's budget and the account's. */
    private List<Budget> newAddressBudgets(Attempt attempt) {
        if (attempt.fromKnownAddress()) {
            return List.of();
        }
        return List.of(new Budget("address:" + attempt.address(), settings.maxFailuresPerAddress()),
                new Budget("account:" + attempt.email(), settings.maxFailuresPerAccount()));
    }

    /**
     * Counts one failure, unless the budget is locked; the failure that reaches the limit locks it. The row lock the
     * upsert takes makes concurrent attempts count one after another, so no more than the limit get through.
     *
     * <p>The count starts again only after a whole window with neither a failure nor a lock. Measured from the last
     * failure alone, a lock as long as the window would end just as its failures fell out of it, and the attempt after
     * it would open a whole new budget instead of renewing the lock.
     */
    private Mono<Void> take(Budget budget, Instant now) {
        return counts.countFailure(budget.subject(), now, now.minus(settings.failureWindow()))
                .switchIfEmpty(Mono.defer(() -> refuse(budget, now)))
                .filter(failures -> failures >= budget.maxFailures())
                .flatMap(failures -> counts.lock(budget.subject(), now.plus(lockFor(failures - budget.maxFailures()))));
    }

    private Mono<Integer> refuse(Budget budget, Instant now) {
        return counts.lockedUntil(budget.subject())
                .flatMap(until -> Mono.error(new SignInLocked(Duration.between(now, until))));
    }

    /**
     * Uncounts a successful attempt. A lock it started by reaching the limit is lifted; one it renewed past the
     * limit stays (the budget was spent by failures already, so the next attempt waits a little longer).
     */
    private Mono<Void> handBack(Budget budget) {
        return counts.uncountFailure(budget.subject(), budget.maxFailures());
    }
}
