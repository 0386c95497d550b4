package dev.shopflow.catalog;

import dev.shopflow.platform.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Anyone may browse the catalog; everything else needs an access token (platform's default). */
@Configuration(proxyBeanMethods = false)
class CatalogAccessRules {

    @Bean
    AccessRules catalogReadsArePublic() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/catalog/**").permitAll()
                .pathMatchers(HttpMethod.HEAD, "/api/catalog/**").permitAll();
    }
}
