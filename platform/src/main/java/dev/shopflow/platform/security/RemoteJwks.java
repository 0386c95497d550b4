package dev.shopflow.platform.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The auth service's public keys, fetched from its JWKS endpoint and cached. The set is fetched again when it is
 * older than the refresh interval, or when a token names a key the set does not have (the auth service rotated)
 * — but then at most once per minimum interval, however many such tokens arrive. Concurrent requests share one
 * fetch. When a fetch fails, the keys already known stay in use.
 */
public final class RemoteJwks implements Function<SignedJWT, Flux<JWK>> {

    private static final Logger log = LoggerFactory.getLogger(RemoteJwks.class);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private final WebClient client;
    private final JwtProperties properties;
    private final Clock clock;

    private volatile Snapshot snapshot = new Snapshot(new JWKSet(), Instant.EPOCH);
    private volatile Mono<Snapshot> inFlight;

    private record Snapshot(JWKSet keys, Instant fetchedAt) {
    }

    public RemoteJwks(WebClient.Builder clients, JwtProperties properties, Clock clock) {
        this.client = clients.build();
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Flux<JWK> apply(SignedJWT token) {
        var selector = new JWKSelector(JWKMatcher.forJWSHeader(token.getHeader()));
        Snapshot current = snapshot;
        Instant now = clock.instant();
        List<JWK> known = selector.select(current.keys());
        boolean stale = current.fetchedAt().plus(properties.jwksRefreshInterval()).isBefore(now);
        boolean mayFetch = current.fetchedAt().plus(properties.jwksMinRefreshInterval()).isBefore(now);
        if (!known.isEmpty() && !stale) {
            return Flux.fromIterable(known);
        }
        if (!mayFetch) {
            return Flux.fromIterable(known);
        }
        return fetch(current)
                .flatMapIterable(fetched -> selector.select(fetched.keys()));
    }

    private synchronized Mono<Snapshot> fetch(Snapshot previous) {
        if (inFlight == null) {
            inFlight = client.get().uri(properties.jwksUri())
                    .retrieve()
                    .bodyToMono(String.class)
                    .timeout(FETCH_TIMEOUT)
                    .map(RemoteJwks::parse)
                    .map(keys -> new Snapshot(keys, clock.instant()))
                    .doOnNext(fetched -> snapshot = fetched)
                    .onErrorResume(error -> keepKnownKeys(previous, error))
                    // Cleared before the result reaches anyone (not after, as doFinally would): a caller that has
                    // the result and asks again must get a new fetch, not this finished one.
                    .doOnEach(signal -> clearInFlight())
                    .cache();
        }
        return inFlight;
    }

    private Mono<Snapshot> keepKnownKeys(Snapshot previous, Throwable error) {
        if (previous.keys().isEmpty()) {
            return Mono.error(new JwksUnavailable(properties.jwksUri(), error));
        }
        log.warn("Cannot refresh the signing keys from {} ({}); using the {} known", properties.jwksUri(),
                error.toString(), previous.keys().size());
        // Remember the attempt, so that the next try waits for the minimum interval like any other fetch.
        Snapshot retried = new Snapshot(previous.keys(), clock.instant());
        snapshot = retried;
        return Mono.just(retried);
    }

    private synchronized void clearInFlight() {
        inFlight = null;
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        } catch (ParseException e) {
            throw new IllegalStateException("The JWKS endpoint answered something that is not a JWK set", e);
        }
    }
}
