package dev.shopflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.shopflow.platform.testsupport.MutableClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

class RemoteJwksTest {

    private final RSAKey first = key("first");
    private final RSAKey second = key("second");
    private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(first.toPublicJWK()));
    private final AtomicInteger fetches = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private HttpServer server;
    private RemoteJwks jwks;

    @BeforeEach
    void publishKeys() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        var uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
        var properties = new JwtProperties("issuer", "audience", uri, Duration.ofMinutes(5), Duration.ofSeconds(10),
                Duration.ZERO);
        jwks = new RemoteJwks(WebClient.builder(), properties, clock);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void fetchesTheKeysOnceAndServesLaterTokensFromTheCache() {
        for (int i = 0; i < 5; i++) {
            assertThat(keysFor(first)).containsExactly("first");
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void fetchesAgainWhenTheCacheIsOlderThanTheRefreshInterval() {
        keysFor(first);
        clock.advance(Duration.ofMinutes(6));
        keysFor(first);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void findsARotatedKeyOnceTheMinimumIntervalHasPassed() {
        keysFor(first);
        published.set(new JWKSet(List.of(second.toPublicJWK(), first.toPublicJWK())));

        assertThat(keysFor(second)).as("within the minimum interval").isEmpty();
        clock.advance(Duration.ofSeconds(11));
        assertThat(keysFor(second)).containsExactly("second");
        assertThat(keysFor(first)).containsExactly("first");
    }

    @Test
    void aFloodOfTokensNamingUnknownKeysFetchesAtMostOncePerMinimumInterval() {
        keysFor(first);
        for (int i = 0; i < 50; i++) {
            assertThat(keysNamed("forged-" + i)).isEmpty();
        }
        assertThat(fetches).hasValue(1);
        clock.advance(Duration.ofSeconds(11));
        for (int i = 0; i < 50; i++) {
            keysNamed("forged-again-" + i);
        }
        assertThat(fetches).hasValue(2);
    }

    @Test
    void keepsUsingTheKnownKeysWhenTheAuthServiceCannotBeReached() {
        keysFor(first);
        server.stop(0);
        clock.advance(Duration.ofMinutes(6));

        assertThat(keysFor(first)).containsExactly("first");
    }

    @Test
    void signalsThatNoKeysAreAvailableWhenTheFirstFetchFails() {
        server.stop(0);

        assertThatThrownBy(() -> keysFor(first)).isInstanceOf(JwksUnavailable.class);
    }

    private List<String> keysFor(RSAKey signingKey) {
        return keysNamed(signingKey.getKeyID());
    }

    /** The keys offered for a token whose header names {@code keyId}. */
    private List<String> keysNamed(String keyId) {
        return jwks.apply(signedBy(first, keyId)).map(key -> key.getKeyID()).collectList().block();
    }

    private static SignedJWT signedBy(RSAKey key, String keyId) {
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).type(JOSEObjectType.JWT).build();
        var token = new SignedJWT(header, new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString())
                .expirationTime(Date.from(Instant.now().plusSeconds(60))).build());
        try {
            token.sign(new RSASSASigner(key));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return token;
    }

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
