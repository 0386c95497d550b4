package dev.shopflow.gateway.storefront;

import dev.shopflow.gateway.GatewayProperties;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Serves the storefront: {@code index.html} at {@code /} ({@link StorefrontController}), checked again on every visit,
 * and its assets at {@code /storefront/<version>/…}, which never change under one address and so may be kept a year.
 * An address of another version is a 404 problem like any unknown path.
 */
@Configuration(proxyBeanMethods = false)
class StorefrontConfiguration {

    private static final Duration KEEP_ASSETS = Duration.ofDays(365);

    @Bean
    StorefrontFiles storefrontFiles() {
        return StorefrontFiles.load();
    }

    @Bean
    StorefrontPolicy storefrontPolicy(GatewayProperties properties) {
        return StorefrontPolicy.allowingImagesFrom(properties.storefront().imageSources());
    }

    @Bean
    WebFluxConfigurer storefrontAssets(StorefrontFiles files) {
        return new WebFluxConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                registry.addResourceHandler(files.assetsPath() + "/**")
                        .addResourceLocations(StorefrontFiles.LOCATION + "assets/")
                        .setCacheControl(CacheControl.maxAge(KEEP_ASSETS).cachePublic().immutable());
            }
        };
    }
}
