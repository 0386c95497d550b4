package dev.shopflow.auth;

import dev.shopflow.platform.security.AccessRules;
import dev.shopflow.platform.security.AuthenticatedUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what. Signing up, signing in and out, refreshing, the public keys and the authorization-server metadata need no access token (the
 * refresh token is the credential for refresh and logout), nor does asking which methods those paths serve
 * ({@code OPTIONS}); rotating keys is for administrators; everything else
 * needs a valid access token (platform's last rule).
 */
@Configuration(proxyBeanMethods = false)
class AuthAccessRules {

    @Bean
    AccessRules authRules() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/token", "/api/auth/refresh",
                        "/api/auth/logout").permitAll()
                .pathMatchers(HttpMethod.OPTIONS, "/api/auth/register", "/api/auth/token", "/api/auth/refresh",
                        "/api/auth/logout").permitAll()
                .pathMatchers(HttpMethod.GET, "/.well-known/jwks.json", "/.well-known/oauth-authorization-server").permitAll()
                .pathMatchers("/api/auth/keys/**").hasRole(AuthenticatedUser.ADMIN);
    }
}
