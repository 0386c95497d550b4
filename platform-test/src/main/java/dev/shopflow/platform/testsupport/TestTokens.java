package dev.shopflow.platform.testsupport;

import com.nimbusds.jose.JOSEException;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Access tokens for tests of a service without the auth service: a key pair made once per test JVM, its public
 * half served as a JWKS from a small HTTP server on the loopback address, and tokens signed with it that look like
 * the auth service's: RFC 9068 access tokens ({@code typ: at+jwt}) with issuer {@value #ISSUER}, audience
 * {@value #AUDIENCE}, client {@value #CLIENT_ID}, {@code sub}, {@code email}, {@code roles}, {@code iat},
 * {@code jti}, valid 15 minutes. A Spring test context points at it with
 * {@code @ContextConfiguration(initializers = TestTokens.Initializer.class)}; the {@link ServiceContract} tests do.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:8080";
    public static final String AUDIENCE = "shopflow-api";
    public static final String CLIENT_ID = "shopflow-storefront";
    private static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");

    private static final RSAKey KEY = newKey("test-key");
    private static final HttpServer JWKS = serve(new JWKSet(KEY.toPublicJWK()));

    private TestTokens() {
    }

    /** Sets {@code shopflow.security.jwt.*} to this JWKS, issuer and audience. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testTokens", Map.of(
                    "shopflow.security.jwt.jwks-uri", jwksUri(),
                    "shopflow.security.jwt.issuer", ISSUER,
                    "shopflow.security.jwt.audience", AUDIENCE)));
        }
    }

    public static String jwksUri() {
        var address = JWKS.getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/.well-known/jwks.json";
    }

    /** A customer's token for a new user id. */
    public static String customer() {
        return customer(UUID.randomUUID());
    }

    public static String customer(UUID userId) {
        return token(userId, List.of("CUSTOMER"), claims -> { });
    }

    public static String admin() {
        return token(UUID.randomUUID(), List.of("CUSTOMER", "ADMIN"), claims -> { });
    }

    /** A token whose claims {@code adjust} changes after the usual ones are set (to expire it, drop a claim, ...). */
    public static String token(UUID userId, List<String> roles, Consumer<JWTClaimsSet.Builder> adjust) {
        return sign(KEY, ACCESS_TOKEN, claims(userId, roles, adjust));
    }

    /**
     * A customer's token, signed by the published key with every claim right, whose header names another type
     * ({@code JWT}, say, as an ID token or any other JWT from the same key would), or none when {@code type} is null.
     */
    public static String customerTokenOfType(String type) {
        return sign(KEY, type == null ? null : new JOSEObjectType(type),
                claims(UUID.randomUUID(), List.of("CUSTOMER"), claims -> { }));
    }

    /** A well-formed token signed by a key the JWKS does not publish, under the published key's id. */
    public static String signedByUnknownKey() {
        return sign(newKey(KEY.getKeyID()), ACCESS_TOKEN, claims(UUID.randomUUID(), List.of("CUSTOMER"), claims -> { }));
    }

    private static JWTClaimsSet claims(UUID userId, List<String> roles, Consumer<JWTClaimsSet.Builder> adjust) {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(userId.toString())
                .claim("email", "user-" + userId + "@example.com")
                .claim("roles", roles)
                .claim("client_id", CLIENT_ID)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString());
        adjust.accept(claims);
        return claims.build();
    }

    private static String sign(RSAKey key, JOSEObjectType type, JWTClaimsSet claims) {
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(type).build();
        var token = new SignedJWT(header, claims);
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    private static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve(JWKSet keys) {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve the test JWKS", e);
        }
    }
}
