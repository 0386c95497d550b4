package dev.shopflow.platform.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A token decoder that remembers the access tokens its delegate accepted, so that a token presented again — a
 * signed-in client sends the same one with every request for its 15 minutes — costs a lookup instead of an RSA
 * signature check and the claim checks (ADR 0025). It wraps the whole decoder, so every check the delegate makes is
 * made once per token, whatever checks are added there. What it never does:
 * <ul>
 *     <li>use a token at or after its {@code exp}: an entry ends there, even though the full check tolerates some
 *     clock skew (the delegate then decides, as without a cache);</li>
 *     <li>accept a token whose signing key has been withdrawn: on every use it asks the key source again for the keys
 *     that match the token's header — what a full check would do, with the same refetch rules — and uses the entry
 *     only while every key the token was checked against is still offered; otherwise the token is checked in full;</li>
 *     <li>remember a token that was refused: a forged or altered token is another string than the one that was
 *     accepted, so it never matches an entry, and is checked in full every time.</li>
 * </ul>
 * It holds at most {@code capacity} tokens; when full, it drops the expired ones, then arbitrary others.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    /** A header-only stand-in for a token, enough to ask a key source for keys: key sources read the header alone. */
    private static final JWTClaimsSet NO_CLAIMS = new JWTClaimsSet.Builder().build();

    private final ReactiveJwtDecoder delegate;
    private final Function<SignedJWT, Flux<JWK>> keys;
    private final Clock clock;
    private final int capacity;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param delegate the full check; it must take its keys from {@code keys} through {@link #recordingKeys}
     * @param keys the key source, asked again each time a remembered token is used
     */
    VerifiedTokenCache(ReactiveJwtDecoder delegate, Function<SignedJWT, Flux<JWK>> keys, Clock clock, int capacity) {
        this.delegate = delegate;
        this.keys = keys;
        this.clock = clock;
        this.capacity = capacity;
    }

    /**
     * The key source to give the delegate: the same keys, noting which ones it offered for the token being checked,
     * so the cache knows what the token was verified against.
     */
    static Function<SignedJWT, Flux<JWK>> recordingKeys(Function<SignedJWT, Flux<JWK>> keys) {
        return token -> Flux.deferContextual(context -> {
            var check = context.getOrDefault(Check.class, null);
            return keys.apply(token).collectList()
                    .doOnNext(offered -> {
                        if (check instanceof Check current) {
                            current.offered(token, offered);
                        }
                    })
                    .flatMapIterable(offered -> offered);
        });
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return check(token);
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(token, entry);
            return check(token);
        }
        return keys.apply(entry.keyQuery()).collectList()
                .map(offered -> offered.containsAll(entry.keys()))
                // Keys that cannot be had now: the full check decides (and says why), as without a cache.
                .onErrorReturn(false)
                .flatMap(stillOffered -> stillOffered ? Mono.just(entry.token()) : recheck(token, entry));
    }

    /** How many tokens are remembered now. */
    int size() {
        return entries.size();
    }

    private Mono<Jwt> recheck(String token, Entry stale) {
        entries.remove(token, stale);
        return check(token);
    }

    private Mono<Jwt> check(String token) {
        var check = new Check();
        return delegate.decode(token)
                .doOnNext(verified -> remember(token, verified, check))
                .contextWrite(context -> context.put(Check.class, check));
    }

    private void remember(String token, Jwt verified, Check check) {
        Instant expiresAt = verified.getExpiresAt();
        if (expiresAt == null || check.header == null || check.keys.isEmpty()
                || !clock.instant().isBefore(expiresAt)) {
            return;
        }
        if (entries.size() >= capacity) {
            makeRoom();
        }
        entries.put(token, new Entry(verified, expiresAt, new SignedJWT(check.header.getHeader(), NO_CLAIMS),
                check.keys));
    }

    private void makeRoom() {
        Instant now = clock.instant();
        entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
        var remembered = entries.keySet().iterator();
        while (entries.size() >= capacity && remembered.hasNext()) {
            remembered.next();
            remembered.remove();
        }
    }

    /** What one full check of a token saw: its header and the keys the key source offered for it. */
    private static final class Check {

        private volatile SignedJWT header;
        private volatile List<JWK> keys = List.of();

        void offered(SignedJWT token, List<JWK> offered) {
            this.header = token;
            this.keys = List.copyOf(offered);
        }
    }

    /**
     * @param keyQuery the token's header, to ask the key source with
     * @param keys the keys the token was checked against; one of them verified its signature
     */
    private record Entry(Jwt token, Instant expiresAt, SignedJWT keyQuery, List<JWK> keys) {
    }
}
