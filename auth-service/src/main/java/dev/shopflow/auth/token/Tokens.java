package dev.shopflow.auth.token;

import dev.shopflow.auth.account.Account;
import dev.shopflow.auth.account.Accounts;
import dev.shopflow.auth.token.domain.RefreshToken;
import dev.shopflow.auth.token.persistence.RefreshTokenRepository;
import dev.shopflow.platform.tracing.TracedLogging;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Signing in, refreshing and signing out. A refresh token is 256 random bits, handed out once and stored only as
 * its SHA-256 hash. Each refresh rotates it: the presented token is marked used and a new one of the same family
 * is issued. Presenting a token that was already used means it was copied — by an attacker or from a stale client —
 * so the whole family is revoked and both parties must sign in again (OAuth 2.0 Security BCP, refresh token
 * rotation).
 */
public class Tokens {

    private static final Logger log = LoggerFactory.getLogger(Tokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Accounts accounts;
    private final RefreshTokenRepository refreshTokens;
    private final AccessTokens accessTokens;
    private final LoginThrottle throttle;
    private final TransactionalOperator transactions;
    private final Duration refreshLifetime;
    private final Clock clock;
    private final MeterRegistry meters;

    Tokens(Accounts accounts, RefreshTokenRepository refreshTokens, AccessTokens accessTokens, LoginThrottle throttle,
            TransactionalOperator transactions, Duration refreshLifetime, Clock clock, MeterRegistry meters) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.throttle = throttle;
        this.transactions = transactions;
        this.refreshLifetime = refreshLifetime;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Checks the credentials and issues a token pair. The attempt is first admitted by the {@link LoginThrottle}
     * (ADR 0011), which counts it as a failure until the password proves right; a refused attempt costs no password
     * check.
     *
     * @param clientAddress where the attempt comes from: failures are counted per email and address, per address,
     *        and per email from addresses it has never signed in from
     * @throws InvalidCredentials for an unknown email and for a wrong password alike (same answer, same work)
     * @throws SignInLocked when a budget of failures covering this email and address is spent
     */
    public Mono<TokenPair> signIn(String email, String password, String clientAddress) {
        String normalised = Accounts.normalisedEmail(email);
        return throttle.admit(normalised, clientAddress)
                .doOnError(SignInLocked.class, locked -> count("locked"))
                .flatMap(attempt -> accounts.withPassword(normalised, password)
                        .flatMap(account -> succeeded(attempt, account))
                        .switchIfEmpty(Mono.defer(this::failed)));
    }

    private Mono<TokenPair> succeeded(LoginThrottle.Attempt attempt, Account account) {
        return throttle.succeeded(attempt)
                .then(issue(account, UUID.randomUUID()))
                .doOnSuccess(pair -> count("succeeded"));
    }

    /** The throttle counted the attempt as a failure when it admitted it; it stays counted. */
    private Mono<TokenPair> failed() {
        return Mono.<TokenPair>error(new InvalidCredentials()).doOnError(failure -> count("failed"));
    }

    /**
     * Exchanges a refresh token for a new pair, rotating it.
     *
     * @throws InvalidRefreshToken when it is unknown, expired or revoked, or was already used — in which case its
     *         whole family is revoked
     */
    public Mono<TokenPair> refresh(String refreshToken) {
        Instant now = clock.instant();
        return refreshTokens.findByHash(hash(refreshToken))
                .switchIfEmpty(Mono.error(InvalidRefreshToken::new))
                .flatMap(stored -> rotate(stored, now)
                        .switchIfEmpty(Mono.defer(() -> refuse(stored, now))));
    }

    /** The new pair, or empty when the token can no longer be used. One transaction: used and replaced together. */
    private Mono<TokenPair> rotate(RefreshToken stored, Instant now) {
        return refreshTokens.markRotated(stored.id(), now)
                .filter(Boolean::booleanValue)
                .flatMap(rotated -> accounts.byId(stored.userId()))
                .flatMap(account -> issue(account, stored.familyId()))
                .as(transactions::transactional);
    }

    private Mono<TokenPair> refuse(RefreshToken stored, Instant now) {
        if (stored.revokedAt() != null || !stored.expiresAt().isAfter(now)) {
            return Mono.error(new InvalidRefreshToken());
        }
        // Live but already used — earlier, or just now by a concurrent request: a copy is in other hands.
        return refreshTokens.revokeFamily(stored.familyId(), now)
                .delayUntil(revoked -> TracedLogging.log(() -> log.warn(
                        "Refresh token reused for user {}: revoked its family {} ({} tokens)",
                        stored.userId(), stored.familyId(), revoked)))
                .then(Mono.error(new InvalidRefreshToken()));
    }

    /** Revokes the refresh token's family (this sign-in on every device it was refreshed on). Unknown tokens are ignored. */
    public Mono<Void> signOut(String refreshToken) {
        return refreshTokens.findByHash(hash(refreshToken))
                .flatMap(stored -> refreshTokens.revokeFamily(stored.familyId(), clock.instant()))
                .then();
    }

    private Mono<TokenPair> issue(Account account, UUID familyId) {
        Instant now = clock.instant();
        String refreshToken = newRefreshToken();
        return refreshTokens.insert(UUID.randomUUID(), account.id(), familyId, hash(refreshToken), now,
                        now.plus(refreshLifetime))
                .then(Mono.fromSupplier(() -> new TokenPair(accessTokens.issue(account), accessTokens.lifetime(),
                        refreshToken)));
    }

    private void count(String outcome) {
        meters.counter("shopflow.auth.sign.ins", "outcome", outcome).increment();
    }

    private static String newRefreshToken() {
        byte[] value = new byte[32];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static byte[] hash(String refreshToken) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(refreshToken.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
