package dev.shopflow.gateway.security;

import dev.shopflow.platform.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * What passes the gateway without an access token: signing up, in and out and refreshing (the refresh token is the
 * credential there), the public keys and the authorization-server metadata, catalog reads, and Stripe's webhooks
 * (payment-service checks their signature), the storefront's page and assets ({@code /}, {@code /storefront/**}:
 * static files, which call the API with the customer's token), and {@code OPTIONS} on each of these (which methods
 * a public path serves is public too).
 * The API docs are public through platform's own rules; health and metrics are not on the gateway's public port at
 * all, but on its management port, which no route reaches. Every other request needs a valid
 * token, or the gateway answers 401 itself and the service never sees it; the token is forwarded unchanged, and
 * each service checks it again and decides on roles and ownership.
 */
@Configuration(proxyBeanMethods = false)
class GatewayAccessRules {

    @Bean
    AccessRules gatewayPublicRoutes() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/token", "/api/auth/refresh",
                        "/api/auth/logout", "/webhooks/stripe").permitAll()
                .pathMatchers(HttpMethod.GET, "/.well-known/jwks.json", "/.well-known/oauth-authorization-server",
                        "/api/catalog/**", "/", "/storefront/**").permitAll()
                .pathMatchers(HttpMethod.HEAD, "/api/catalog/**", "/", "/storefront/**").permitAll()
                .pathMatchers(HttpMethod.OPTIONS, "/api/auth/register", "/api/auth/token", "/api/auth/refresh",
                        "/api/auth/logout", "/webhooks/stripe", "/api/catalog/**").permitAll();
    }
}
