package dev.shopflow.catalog.demo;

import dev.shopflow.catalog.CatalogProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo catalog is in place before the service reports ready (runners finish before readiness). A missing or
 * invalid {@code demo-catalog.json} fails the start, with a message that names the file and what is wrong.
 */
@Configuration(proxyBeanMethods = false)
class DemoCatalogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogConfiguration.class);

    @Bean
    ApplicationRunner demoCatalog(CatalogProperties properties, DemoCatalogLoader loader) {
        return arguments -> {
            if (!properties.demo().enabled()) {
                log.info("The demo catalog is switched off (SHOPFLOW_CATALOG_DEMO_ENABLED=false)");
                return;
            }
            Integer loaded = loader.loadIntoEmptyCatalog().block();
            if (loaded == null || loaded == 0) {
                log.info("The catalog has products already; the demo catalog was not loaded");
            }
        };
    }
}
