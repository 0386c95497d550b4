package dev.shopflow.platform.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * A service's own authorization rules, contributed as a bean. Platform applies them after its public
 * infrastructure paths (health, metrics, API docs) and before its last rule: every other request needs a valid
 * access token. For example, a catalog that anyone may browse:
 *
 * <pre>{@code
 * @Bean
 * AccessRules catalogReadsArePublic() {
 *     return exchanges -> exchanges.pathMatchers(HttpMethod.GET, "/api/catalog/**").permitAll();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface AccessRules {

    void configure(ServerHttpSecurity.AuthorizeExchangeSpec exchanges);
}
