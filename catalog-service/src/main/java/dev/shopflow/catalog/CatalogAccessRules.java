package dev.shopflow.catalog;

import dev.shopflow.platform.security.AccessRules;
import dev.shopflow.platform.security.AuthenticatedUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what. Anyone may browse the catalog (no token) and ask which methods its paths serve ({@code OPTIONS}); changing products, stock and categories is for
 * administrators; everything else needs an access token (platform's last rule).
 */
@Configuration(proxyBeanMethods = false)
class CatalogAccessRules {

    @Bean
    AccessRules catalogReadsArePublic() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/catalog/**").permitAll()
                .pathMatchers(HttpMethod.HEAD, "/api/catalog/**").permitAll()
                .pathMatchers(HttpMethod.OPTIONS, "/api/catalog/**").permitAll()
                .pathMatchers("/api/catalog/products", "/api/catalog/products/**",
                        "/api/catalog/categories", "/api/catalog/categories/**").hasRole(AuthenticatedUser.ADMIN);
    }
}
