package dev.shopflow.platform.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What makes an access token acceptable to a Shopflow service, in one place: an RFC 9068 access token — header
 * {@code typ: at+jwt}, so that an ID token or any other JWT signed by the same key is not taken for one — signed with
 * RS256 by a key the auth service publishes (so {@code alg: none} and HMAC tricks fail), not expired, issued by the
 * configured issuer for the configured audience, and naming a user id ({@code sub}, a UUID), the client it was
 * issued to ({@code client_id}) and an id ({@code jti}). See ADR 0022.
 */
public final class JwtDecoding {

    /** The claim that lists the user's roles ({@code CUSTOMER}, {@code ADMIN}). */
    public static final String ROLES_CLAIM = "roles";

    /** The claim naming the OAuth client the token was issued to (RFC 9068 §2.2). */
    public static final String CLIENT_ID_CLAIM = "client_id";

    /** The header {@code typ} of an access token (RFC 9068 §2.1); {@code application/at+jwt} is the same type. */
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";

    private JwtDecoding() {
    }

    /**
     * How many verified tokens a decoder remembers (ADR 0025): far more than the clients a laptop stack or a load
     * test signs in at once, and a few megabytes of heap when full.
     */
    static final int VERIFIED_TOKENS_REMEMBERED = 2048;

    /**
     * A decoder that takes its keys from {@code keys}: the remote JWKS in every service ({@link RemoteJwks}), the
     * key store itself in the auth service. It remembers the tokens it accepted until they expire, so a token
     * presented again skips the signature check while its key is still published ({@link VerifiedTokenCache}).
     */
    public static ReactiveJwtDecoder decoder(JwtProperties properties, Function<SignedJWT, Flux<JWK>> keys) {
        return decoder(properties, keys, Clock.systemUTC());
    }

    /** The same, telling the time (token expiry) by {@code clock}. */
    public static ReactiveJwtDecoder decoder(JwtProperties properties, Function<SignedJWT, Flux<JWK>> keys,
            Clock clock) {
        return new VerifiedTokenCache(fullCheck(properties, keys, clock), keys, clock, VERIFIED_TOKENS_REMEMBERED);
    }

    /** Every check of a token, made each time: what {@link VerifiedTokenCache} falls back on. */
    static ReactiveJwtDecoder fullCheck(JwtProperties properties, Function<SignedJWT, Flux<JWK>> keys, Clock clock) {
        var decoder = NimbusReactiveJwtDecoder.withJwkSource(VerifiedTokenCache.recordingKeys(keys))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(properties, clock));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(JwtProperties properties, Clock clock) {
        var timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setClock(clock);
        timestamps.setAllowEmptyExpiryClaim(false);
        // Nimbus leaves the header's typ alone (Spring Security 7 turns its check off): this is the check.
        var accessTokenType = new JwtTypeValidator(ACCESS_TOKEN_TYPE, "application/" + ACCESS_TOKEN_TYPE);
        accessTokenType.setAllowEmpty(false);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                accessTokenType,
                timestamps,
                new JwtIssuerValidator(properties.issuer()),
                new JwtAudienceValidator(properties.audience()),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, JwtDecoding::isUuid),
                new JwtClaimValidator<String>(JwtClaimNames.JTI, JwtDecoding::hasText),
                new JwtClaimValidator<String>(CLIENT_ID_CLAIM, JwtDecoding::hasText)));
    }

    /** Roles become authorities {@code ROLE_CUSTOMER}, {@code ROLE_ADMIN}; the principal's name is the user id. */
    public static Converter<Jwt, Mono<AbstractAuthenticationToken>> authentication() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        converter.setPrincipalClaimName(JwtClaimNames.SUB);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean isUuid(String value) {
        if (value == null) {
            return false;
        }
        try {
            return UUID.fromString(value).toString().equals(value.toLowerCase());
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }
}
