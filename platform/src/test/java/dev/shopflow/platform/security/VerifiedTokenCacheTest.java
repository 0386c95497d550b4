package dev.shopflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.shopflow.platform.testsupport.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

/**
 * The decoder every service uses remembers the tokens it accepted (ADR 0025): these tests check that it does — a
 * token used again is not checked again — and that remembering never lets through a token the full check refuses.
 */
class VerifiedTokenCacheTest {

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final JwtProperties PROPERTIES = new JwtProperties("shopflow-auth", "shopflow-api",
            URI.create("http://127.0.0.1:1/jwks"), Duration.ofMinutes(5), Duration.ofSeconds(10), CLOCK_SKEW);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final RSAKey first = key("first");
    private final RSAKey second = key("second");
    private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(first.toPublicJWK()));
    private final Function<SignedJWT, Flux<JWK>> keys = token -> Flux.fromIterable(
            new JWKSelector(JWKMatcher.forJWSHeader(token.getHeader())).select(published.get()));
    /** How many tokens were checked in full (signature, claims) rather than found remembered. */
    private final AtomicInteger fullChecks = new AtomicInteger();
    private final ReactiveJwtDecoder decoder = cache(JwtDecoding.VERIFIED_TOKENS_REMEMBERED);

    @Test
    void checksATokenUsedAgainOnlyOnce() {
        String token = token(first, claims -> { });

        Jwt once = decoder.decode(token).block();
        Jwt again = decoder.decode(token).block();
        Jwt thrice = decoder.decode(token).block();

        assertThat(fullChecks).hasValue(1);
        assertThat(again).isSameAs(once);
        assertThat(thrice.getSubject()).isEqualTo(once.getSubject());
    }

    @Test
    void refusesARememberedTokenOnceItHasExpired() {
        String token = token(first, claims -> claims.expirationTime(Date.from(clock.instant().plusSeconds(60))));
        decoder.decode(token).block();

        clock.advance(Duration.ofSeconds(59));
        assertThat(decoder.decode(token).block()).isNotNull();
        int checksBeforeExpiry = fullChecks.get();

        // Past exp the cache no longer answers: the full check decides, with its clock skew, as without a cache.
        clock.advance(Duration.ofSeconds(1));
        assertThat(decoder.decode(token).block()).isNotNull();
        assertThat(fullChecks).hasValue(checksBeforeExpiry + 1);
        clock.advance(CLOCK_SKEW.plusSeconds(1));
        assertRefused(token);
    }

    @Test
    void refusesARememberedTokenOnceItsKeyIsWithdrawn() {
        String token = token(first, claims -> { });
        decoder.decode(token).block();
        decoder.decode(token).block();

        published.set(new JWKSet(second.toPublicJWK()));

        assertRefused(token);
        assertRefused(token);
    }

    @Test
    void keepsAcceptingARememberedTokenWhileItsKeyIsStillPublishedBesideANewOne() {
        String token = token(first, claims -> { });
        decoder.decode(token).block();

        published.set(new JWKSet(List.of(second.toPublicJWK(), first.toPublicJWK())));

        assertThat(decoder.decode(token).block()).isNotNull();
        assertThat(fullChecks).hasValue(1);
    }

    @Test
    void refusesAForgedVariantOfARememberedToken() {
        String token = token(first, claims -> { });
        decoder.decode(token).block();
        String[] parts = token.split("\\.");

        // The same header and claims under another signature, and under the signature of another key with the same id.
        String otherSignature = parts[0] + "." + parts[1] + "." + token(first, claims -> claims.subject(UUID.randomUUID()
                .toString())).split("\\.")[2];
        String sameIdOtherKey = token(key("first"), claims -> { });
        // The remembered signature under other claims (a promoted role).
        String promoted = parts[0] + "." + new JWTClaimsSet.Builder(claimsOf(token)).claim("roles", List.of("ADMIN"))
                .build().toPayload().toBase64URL() + "." + parts[2];

        assertRefused(otherSignature);
        assertRefused(sameIdOtherKey);
        assertRefused(promoted);
        assertRefused(promoted);
    }

    @Test
    void remembersNoTokenItRefused() {
        String expired = token(first, claims -> claims.expirationTime(Date.from(clock.instant().minusSeconds(60))));

        assertRefused(expired);
        assertRefused(expired);

        assertThat(fullChecks).hasValue(2);
        assertThat(((VerifiedTokenCache) decoder).size()).isZero();
    }

    @Test
    void holdsNoMoreTokensThanItsCapacity() {
        var small = cache(3);
        for (int i = 0; i < 10; i++) {
            small.decode(token(first, claims -> { })).block();
        }

        assertThat(small.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void dropsExpiredTokensFirstWhenFull() {
        var small = cache(2);
        String shortLived = token(first, claims -> claims.expirationTime(Date.from(clock.instant().plusSeconds(10))));
        String longLived = token(first, claims -> { });
        small.decode(shortLived).block();
        small.decode(longLived).block();
        clock.advance(Duration.ofSeconds(11));
        fullChecks.set(0);

        small.decode(token(first, claims -> { })).block();
        small.decode(longLived).block();

        assertThat(fullChecks).as("the long-lived token stayed remembered").hasValue(1);
    }

    /** The cache as {@link JwtDecoding#decoder} builds it, counting the full checks it falls back on. */
    private VerifiedTokenCache cache(int capacity) {
        ReactiveJwtDecoder fullCheck = JwtDecoding.fullCheck(PROPERTIES, keys, clock);
        return new VerifiedTokenCache(token -> {
            fullChecks.incrementAndGet();
            return fullCheck.decode(token);
        }, keys, clock, capacity);
    }

    private void assertRefused(String token) {
        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtException.class);
    }

    private String token(RSAKey key, Consumer<JWTClaimsSet.Builder> adjust) {
        Instant now = clock.instant();
        var claims = new JWTClaimsSet.Builder()
                .issuer(PROPERTIES.issuer())
                .audience(PROPERTIES.audience())
                .subject(UUID.randomUUID().toString())
                .claim("roles", List.of("CUSTOMER"))
                .claim(JwtDecoding.CLIENT_ID_CLAIM, "shopflow-storefront")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString());
        adjust.accept(claims);
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(new JOSEObjectType(JwtDecoding.ACCESS_TOKEN_TYPE)).build();
        var token = new SignedJWT(header, claims.build());
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    private static JWTClaimsSet claimsOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
