package dev.shopflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.shopflow.platform.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

class JwtDecodingTest {

    private static final JwtProperties PROPERTIES = new JwtProperties(TestTokens.ISSUER, TestTokens.AUDIENCE,
            URI.create(TestTokens.jwksUri()), Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(30));

    private final ReactiveJwtDecoder decoder = JwtDecoding.decoder(PROPERTIES,
            new RemoteJwks(WebClient.builder(), PROPERTIES, Clock.systemUTC()));

    private final UUID user = UUID.randomUUID();

    @Test
    void acceptsATokenFromTheAuthService() {
        var token = decoder.decode(TestTokens.token(user, List.of("CUSTOMER", "ADMIN"), claims -> { })).block();

        var caller = AuthenticatedUser.from(token);
        assertThat(caller.id()).isEqualTo(user);
        assertThat(caller.roles()).containsExactlyInAnyOrder("CUSTOMER", "ADMIN");
        assertThat(caller.isAdmin()).isTrue();
    }

    @Test
    void remembersATokenItAccepted() {
        String token = TestTokens.customer(user);

        // The same object, not an equal one: the second use was answered from the verified tokens (ADR 0025).
        assertThat(decoder.decode(token).block()).isSameAs(decoder.decode(token).block());
    }

    @Test
    void refusesAnExpiredToken() {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        assertRefused(TestTokens.token(user, List.of("CUSTOMER"), claims -> claims
                .issueTime(Date.from(anHourAgo)).expirationTime(Date.from(anHourAgo.plus(Duration.ofMinutes(15))))));
    }

    @Test
    void refusesATokenWithoutExpiry() {
        assertRefused(TestTokens.token(user, List.of("CUSTOMER"), claims -> claims.expirationTime(null)));
    }

    @Test
    void refusesATokenFromAnotherIssuer() {
        assertRefused(TestTokens.token(user, List.of("CUSTOMER"), claims -> claims.issuer("https://evil.example")));
    }

    @Test
    void refusesATokenForAnotherAudience() {
        assertRefused(TestTokens.token(user, List.of("CUSTOMER"), claims -> claims.audience("another-api")));
    }

    @Test
    void refusesATokenThatDoesNotNameAUserId() {
        assertRefused(TestTokens.token(user, List.of("CUSTOMER"), claims -> claims.subject("admin")));
        assertRefused(TestTokens.token(user, List.of("CUSTOMER"), claims -> claims.jwtID(null)));
    }

    /** RFC 9068 §4: a JWT that is not typed as an access token (an ID token from the same key, say) is refused. */
    @Test
    void refusesATokenNotTypedAsAnAccessToken() {
        assertRefused(TestTokens.customerTokenOfType("JWT"));
        assertRefused(TestTokens.customerTokenOfType(null));
        assertRefused(TestTokens.customerTokenOfType("id_token+jwt"));
    }

    @Test
    void acceptsTheMediaTypeFormOfTheAccessTokenType() {
        assertThat(decoder.decode(TestTokens.customerTokenOfType("application/at+jwt")).block()).isNotNull();
    }

    @Test
    void refusesATokenThatDoesNotNameTheClientItWasIssuedTo() {
        assertRefused(TestTokens.token(user, List.of("CUSTOMER"), claims -> claims.claim("client_id", null)));
        assertRefused(TestTokens.token(user, List.of("CUSTOMER"), claims -> claims.claim("client_id", " ")));
    }

    @Test
    void refusesATokenWithATamperedPayload() {
        String[] parts = TestTokens.customer(user).split("\\.");
        String promoted = new JWTClaimsSet.Builder(claimsOf(parts[1])).claim("roles", List.of("ADMIN")).build()
                .toPayload().toBase64URL().toString();
        assertRefused(parts[0] + "." + promoted + "." + parts[2]);
    }

    @Test
    void refusesAnUnsignedToken() {
        var claims = claimsOf(TestTokens.customer(user).split("\\.")[1]);
        assertRefused(new PlainJWT(claims).serialize());
    }

    @Test
    void refusesATokenSignedWithThePublicKeyAsAnHmacSecret() throws Exception {
        // The classic key-confusion attack: HS256 "signed" with the published RSA key as the shared secret.
        String jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(TestTokens.jwksUri())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        byte[] publicKey = JWKSet.parse(jwks).getKeys().getFirst().toRSAKey().toPublicKey().getEncoded();
        var forged = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claimsOf(TestTokens.customer(user).split("\\.")[1]));
        forged.sign(new MACSigner(publicKey));
        assertRefused(forged.serialize());
    }

    @Test
    void refusesATokenSignedByAnUnknownKey() {
        assertRefused(TestTokens.signedByUnknownKey());
    }

    private void assertRefused(String token) {
        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtException.class);
    }

    private static JWTClaimsSet claimsOf(String encodedPayload) {
        try {
            return JWTClaimsSet.parse(new com.nimbusds.jose.util.Base64URL(encodedPayload).decodeToString());
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
