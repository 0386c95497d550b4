package dev.shopflow.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.shopflow.auth.AuthProperties;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The RSA key pairs that sign access tokens. They come from configuration when it names any; otherwise a key pair
 * is generated on the first start and kept in the database, so a restart does not sign everybody out. The newest
 * key signs; older keys stay published (and accepted) until the tokens they signed have expired, which is what
 * makes {@link #rotate()} safe. Several instances of the service share the database's keys.
 */
public class SigningKeys implements Function<SignedJWT, Flux<JWK>> {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final long ADVISORY_LOCK = 0x5349474e4b455953L; // "SIGNKEYS"
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final List<RSAKey> configured;
    private final Duration stillPublishedAfterRetirement;
    private final Clock clock;
    private volatile KeySet current = new KeySet(null, new JWKSet());

    /** The key that signs and every key that is published. */
    public record KeySet(RSAKey signing, JWKSet published) {
    }

    public SigningKeys(DatabaseClient database, TransactionalOperator transactions, AuthProperties properties,
            Duration clockSkew, Clock clock) {
        this.database = database;
        this.transactions = transactions;
        this.configured = PemKeys.fromConfiguration(properties.signingKeys());
        this.stillPublishedAfterRetirement = properties.accessTokenLifetime().plus(clockSkew);
        this.clock = clock;
    }

    public boolean comeFromConfiguration() {
        return !configured.isEmpty();
    }

    /** Loads the keys, generating the first key pair when neither configuration nor the database has one. */
    public Mono<KeySet> load() {
        if (comeFromConfiguration()) {
            return Mono.fromSupplier(() -> remember(new KeySet(configured.getFirst(),
                    new JWKSet(configured.stream().map(key -> (JWK) key.toPublicJWK()).toList()))));
        }
        return storedKeys()
                .flatMap(keys -> keys.signing() != null ? Mono.just(keys) : generate(false))
                .map(this::remember);
    }

    /** The keys as last loaded: what signs now and what is published. */
    public KeySet current() {
        return current;
    }

    /**
     * Generates a new key pair that signs from now on. The previous keys stay published until the access tokens
     * they signed have expired.
     *
     * @throws KeysComeFromConfiguration when configuration names the keys (rotate them there)
     */
    public Mono<KeySet> rotate() {
        if (comeFromConfiguration()) {
            return Mono.error(new KeysComeFromConfiguration());
        }
        return generate(true).map(this::remember);
    }

    /** The published keys that match a token's header: the key source of this service's own token decoder. */
    @Override
    public Flux<JWK> apply(SignedJWT token) {
        var selector = new JWKSelector(JWKMatcher.forJWSHeader(token.getHeader()));
        List<JWK> known = selector.select(current.published());
        if (!known.isEmpty() || comeFromConfiguration()) {
            return Flux.fromIterable(known);
        }
        // Another instance may have rotated: look again before refusing.
        return load().flatMapIterable(keys -> selector.select(keys.published()));
    }

    private KeySet remember(KeySet keys) {
        current = keys;
        return keys;
    }

    private Mono<KeySet> generate(boolean retireOthers) {
        return transactions.transactional(
                database.sql("SELECT pg_advisory_xact_lock(:lock)").bind("lock", ADVISORY_LOCK).then()
                        .then(retireOthers ? Mono.just(new KeySet(null, new JWKSet())) : storedKeys())
                        .flatMap(existing -> existing.signing() != null ? Mono.just(existing) : insertNewKey(retireOthers)));
    }

    private Mono<KeySet> insertNewKey(boolean retireOthers) {
        RSAKey key = newKey();
        Instant now = clock.instant();
        Mono<Void> retire = retireOthers
                ? database.sql("UPDATE signing_keys SET retired_at = :now WHERE retired_at IS NULL")
                        .bind("now", now).then()
                : Mono.empty();
        return retire
                .then(database.sql("""
                                INSERT INTO signing_keys (kid, algorithm, public_key_pem, private_key_pem, created_at)
                                VALUES (:kid, 'RS256', :publicKey, :privateKey, :now)""")
                        .bind("kid", key.getKeyID())
                        .bind("publicKey", PemKeys.publicPem(key))
                        .bind("privateKey", PemKeys.privatePem(key))
                        .bind("now", now)
                        .then())
                .doOnSuccess(done -> log.info("Generated signing key {}{}", key.getKeyID(),
                        retireOthers ? "; earlier keys stay published until their tokens expire" : ""))
                .then(storedKeys());
    }

    private Mono<KeySet> storedKeys() {
        Instant publishedSince = clock.instant().minus(stillPublishedAfterRetirement);
        return database.sql("""
                        SELECT kid, public_key_pem, private_key_pem, retired_at FROM signing_keys
                        WHERE retired_at IS NULL OR retired_at > :publishedSince
                        ORDER BY created_at DESC, kid""")
                .bind("publishedSince", publishedSince)
                .map(row -> new StoredKey(
                        PemKeys.keyPair(row.get("kid", String.class), row.get("private_key_pem", String.class),
                                row.get("public_key_pem", String.class)),
                        row.get("retired_at", Instant.class) == null))
                .all()
                .collectList()
                .map(SigningKeys::keySet);
    }

    private record StoredKey(RSAKey key, boolean active) {
    }

    private static KeySet keySet(List<StoredKey> stored) {
        RSAKey signing = stored.stream().filter(StoredKey::active).map(StoredKey::key).findFirst().orElse(null);
        List<JWK> published = new ArrayList<>();
        stored.forEach(key -> published.add(key.key().toPublicJWK()));
        return new KeySet(signing, new JWKSet(published));
    }

    private static RSAKey newKey() {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(Base64.getUrlEncoder().withoutPadding().encodeToString(id))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key pair", e);
        }
    }
}
