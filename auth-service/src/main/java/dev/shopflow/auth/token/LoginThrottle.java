package dev.shopflow.auth.token;

import dev.shopflow.auth.AuthProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Slows password guessing down. Failed sign-ins are counted per account (email, whether or not it exists, so that
 * the lockout reveals nothing) and per client address, within a window. Past the limit, the account or address is
 * locked: first for {@code firstLock}, doubling with each further failure up to {@code longestLock}. A successful
 * sign-in clears the account's count. Counts live in the database so a lock holds across instances and restarts.
 */
class LoginThrottle {

    private final DatabaseClient database;
    private final AuthProperties.Lockout settings;
    private final Clock clock;

    LoginThrottle(DatabaseClient database, AuthProperties.Lockout settings, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
    }

    /** How much longer sign-in stays locked for this account or address; zero when it is not locked. */
    Mono<Duration> remainingLock(String email, String address) {
        Instant now = clock.instant();
        return database.sql("""
                        SELECT max(locked_until) AS until FROM login_throttle
                        WHERE subject IN (:account, :address) AND locked_until > :now""")
                .bind("account", account(email))
                .bind("address", address(address))
                .bind("now", now)
                .map(row -> {
                    Instant until = row.get("until", Instant.class);
                    return until == null ? Duration.ZERO : Duration.between(now, until);
                })
                .one()
                .defaultIfEmpty(Duration.ZERO);
    }

    Mono<Void> recordFailure(String email, String address) {
        return recordFailure(account(email), settings.maxFailuresPerAccount())
                .then(recordFailure(address(address), settings.maxFailuresPerAddress()));
    }

    Mono<Void> recordSuccess(String email) {
        return database.sql("DELETE FROM login_throttle WHERE subject = :account")
                .bind("account", account(email)).then();
    }

    /** Forgets failures old enough to no longer count, and locks that have ended. */
    Mono<Long> forgetExpired() {
        Instant now = clock.instant();
        return database.sql("""
                        DELETE FROM login_throttle
                        WHERE last_failure_at < :windowStart AND (locked_until IS NULL OR locked_until < :now)""")
                .bind("windowStart", now.minus(settings.failureWindow()))
                .bind("now", now)
                .fetch().rowsUpdated();
    }

    private Mono<Void> recordFailure(String subject, int maxFailures) {
        Instant now = clock.instant();
        return database.sql("""
                        INSERT INTO login_throttle AS t (subject, failures, last_failure_at)
                        VALUES (:subject, 1, :now)
                        ON CONFLICT (subject) DO UPDATE SET
                            failures = CASE WHEN t.last_failure_at < :windowStart THEN 1 ELSE t.failures + 1 END,
                            last_failure_at = :now
                        RETURNING failures""")
                .bind("subject", subject)
                .bind("now", now)
                .bind("windowStart", now.minus(settings.failureWindow()))
                .map(row -> row.get("failures", Integer.class))
                .one()
                .filter(failures -> failures >= maxFailures)
                .flatMap(failures -> database.sql("UPDATE login_throttle SET locked_until = :until WHERE subject = :subject")
                        .bind("until", now.plus(lockFor(failures - maxFailures)))
                        .bind("subject", subject)
                        .then())
                .then();
    }

    /** {@code firstLock} after the limit is reached, doubled by each failure past it, at most {@code longestLock}. */
    Duration lockFor(int failuresPastLimit) {
        Duration lock = settings.firstLock().multipliedBy(1L << Math.min(failuresPastLimit, 20));
        return lock.compareTo(settings.longestLock()) > 0 ? settings.longestLock() : lock;
    }

    private static String account(String email) {
        return "account:" + email;
    }

    private static String address(String address) {
        return "address:" + address;
    }
}
