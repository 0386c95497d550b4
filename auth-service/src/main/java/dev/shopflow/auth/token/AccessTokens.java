package dev.shopflow.auth.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.shopflow.auth.account.Account;
import dev.shopflow.auth.keys.SigningKeys;
import dev.shopflow.platform.security.JwtDecoding;
import dev.shopflow.platform.security.JwtProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Issues access tokens in the JWT profile of RFC 9068: RS256 JWTs typed {@code at+jwt}, signed by the current signing
 * key, with {@code sub} (user id), {@code email}, {@code roles}, {@code iss} (a URL), {@code aud},
 * {@code client_id}, {@code iat}, {@code exp} and a unique {@code jti} (ADR 0022). Encoding is Spring Security's
 * Nimbus encoder; nothing here assembles a JWT by hand.
 */
class AccessTokens {

    private final SigningKeys keys;
    private final JwtProperties jwt;
    private final Duration lifetime;
    private final String clientId;
    private final Clock clock;

    AccessTokens(SigningKeys keys, JwtProperties jwt, Duration lifetime, String clientId, Clock clock) {
        this.keys = keys;
        this.jwt = jwt;
        this.lifetime = lifetime;
        this.clientId = clientId;
        this.clock = clock;
    }

    Duration lifetime() {
        return lifetime;
    }

    String issue(Account account) {
        var signing = keys.current().signing();
        if (signing == null) {
            throw new IllegalStateException("No signing key is loaded");
        }
        Instant now = clock.instant();
        var claims = JwtClaimsSet.builder()
                .issuer(jwt.issuer())
                .audience(List.of(jwt.audience()))
                .subject(account.id().toString())
                .claim("email", account.email())
                .claim(JwtDecoding.ROLES_CLAIM, account.roles())
                .claim(JwtDecoding.CLIENT_ID_CLAIM, clientId)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .id(UUID.randomUUID().toString())
                .build();
        var header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(signing.getKeyID())
                .type(JwtDecoding.ACCESS_TOKEN_TYPE).build();
        var encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signing)));
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
