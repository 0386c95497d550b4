package dev.shopflow.auth.token.persistence;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The sign-in throttle's counts ({@code login_throttle}, one row per budget, keyed by its subject) and the addresses
 * each email has signed in from ({@code known_sign_in_addresses}). The throttle's rules are {@code LoginThrottle}'s;
 * this keeps each count change a single statement, so that concurrent attempts count one after another.
 */
@Repository
public class LoginThrottleRepository {

    private final DatabaseClient database;

    public LoginThrottleRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Whether {@code email} signed in from {@code address} after {@code since}. */
    public Mono<Boolean> isKnown(String email, String address, Instant since) {
        return database.sql("""
                        SELECT count(*) AS known FROM known_sign_in_addresses
                        WHERE email = :email AND address = :address AND last_signed_in_at > :since""")
                .bind("email", email)
                .bind("address", address)
                .bind("since", since)
                .map(row -> row.get("known", Long.class) > 0)
                .one();
    }

    /** Remembers that {@code email} signed in from {@code address} at {@code now}. */
    public Mono<Void> rememberAddress(String email, String address, Instant now) {
        return database.sql("""
                        INSERT INTO known_sign_in_addresses (email, address, last_signed_in_at)
                        VALUES (:email, :address, :now)
                        ON CONFLICT (email, address) DO UPDATE SET last_signed_in_at = excluded.last_signed_in_at""")
                .bind("email", email)
                .bind("address", address)
                .bind("now", now)
                .then();
    }

    /**
     * Counts one failure against the subject unless it is locked at {@code now}; the count starts again at 1 when the
     * subject has had neither a failure nor a lock since {@code windowStart}. The upsert's row lock makes concurrent
     * failures count one after another.
     *
     * @return the failures counted now; empty when the subject is locked (nothing was counted)
     */
    public Mono<Integer> countFailure(String subject, Instant now, Instant windowStart) {
        return database.sql("""
                        INSERT INTO login_throttle AS t (subject, failures, last_failure_at)
                        VALUES (:subject, 1, :now)
                        ON CONFLICT (subject) DO UPDATE SET
                            failures = CASE
                                WHEN greatest(t.last_failure_at, coalesce(t.locked_until, t.last_failure_at)) < :windowStart
                                THEN 1 ELSE t.failures + 1 END,
                            last_failure_at = :now
                        WHERE t.locked_until IS NULL OR t.locked_until <= :now
                        RETURNING failures""")
                .bind("subject", subject)
                .bind("now", now)
                .bind("windowStart", windowStart)
                .map(row -> row.get("failures", Integer.class))
                .one();
    }

    /** Locks the subject until {@code until}. */
    public Mono<Void> lock(String subject, Instant until) {
        return database.sql("UPDATE login_throttle SET locked_until = :until WHERE subject = :subject")
                .bind("until", until)
                .bind("subject", subject)
                .then();
    }

    /** When the subject's lock ends; empty when it has no count. */
    public Mono<Instant> lockedUntil(String subject) {
        return database.sql("SELECT locked_until FROM login_throttle WHERE subject = :subject")
                .bind("subject", subject)
                .map(row -> row.get("locked_until", Instant.class))
                .one();
    }

    /** Forgets the subject's count and lock. */
    public Mono<Void> forget(String subject) {
        return database.sql("DELETE FROM login_throttle WHERE subject = :subject")
                .bind("subject", subject)
                .then();
    }

    /**
     * Uncounts one failure of the subject. A lock is kept only while the failures left are still at least
     * {@code maxFailures} (it was renewed past the limit); otherwise it is lifted.
     */
    public Mono<Void> uncountFailure(String subject, int maxFailures) {
        return database.sql("""
                        UPDATE login_throttle SET
                            failures = failures - 1,
                            locked_until = CASE WHEN failures - 1 >= :maxFailures THEN locked_until END
                        WHERE subject = :subject AND failures > 0""")
                .bind("subject", subject)
                .bind("maxFailures", maxFailures)
                .then();
    }

    /** Deletes the counts with neither a failure nor a lock since {@code windowStart}; returns how many. */
    public Mono<Long> forgetQuietSince(Instant windowStart) {
        return database.sql("""
                        DELETE FROM login_throttle
                        WHERE greatest(last_failure_at, coalesce(locked_until, last_failure_at)) < :windowStart""")
                .bind("windowStart", windowStart)
                .fetch().rowsUpdated();
    }

    /** Deletes the addresses not signed in from since {@code since}; returns how many. */
    public Mono<Long> forgetAddressesUnusedSince(Instant since) {
        return database.sql("DELETE FROM known_sign_in_addresses WHERE last_signed_in_at < :since")
                .bind("since", since)
                .fetch().rowsUpdated();
    }
}
