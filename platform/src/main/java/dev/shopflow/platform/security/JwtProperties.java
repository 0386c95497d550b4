package dev.shopflow.platform.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a service checks access tokens ({@code shopflow.security.jwt.*}). The issuer, the audience and the key set
 * are the auth service's; defaults are in {@code shopflow-defaults.yml}.
 *
 * @param issuer the {@code iss} every token must carry: a URL, the public address (the gateway's) where the
 *        authorization server's metadata is served under {@code /.well-known/oauth-authorization-server}
 * @param audience a value the token's {@code aud} must contain
 * @param jwksUri where the auth service publishes its public keys
 * @param jwksRefreshInterval how long a fetched key set is used before it is fetched again
 * @param jwksMinRefreshInterval a token naming an unknown key fetches the set again at most this often, so that
 *        a flood of forged tokens cannot turn into a flood of requests to the auth service
 * @param clockSkew tolerance on {@code exp} and {@code nbf} for clocks that drift
 */
@Validated
@ConfigurationProperties("shopflow.security.jwt")
public record JwtProperties(
        @NotBlank String issuer,
        @NotBlank String audience,
        @NotNull URI jwksUri,
        @NotNull Duration jwksRefreshInterval,
        @NotNull Duration jwksMinRefreshInterval,
        @NotNull Duration clockSkew) {
}
