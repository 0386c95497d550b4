package dev.shopflow.catalog;

import dev.shopflow.platform.testsupport.FreshDatabase;
import dev.shopflow.platform.testsupport.TestTokens;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole catalog service on a random port, against a fresh PostgreSQL database and an in-process Kafka broker,
 * with the demo catalog loaded ({@value #DEMO_STOCK} units of each product). Every test class with this annotation
 * shares one application context, so the suite starts the service once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shopflow.catalog.demo.stock=" + CatalogServiceTest.DEMO_STOCK,
        "shopflow.catalog.demo.image-url=https://images.example/{sku}.jpg",
        "shopflow.catalog.cache-max-age=" + CatalogServiceTest.CACHE_MAX_AGE_SECONDS + "s",
        // Tests count again when they need to, so that the number they read is never a stale one.
        "shopflow.catalog.out-of-stock-refresh=1h"})
@AutoConfigureWebTestClient(timeout = "PT30S")
@ContextConfiguration(initializers = {FreshDatabase.class, TestTokens.Initializer.class})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public @interface CatalogServiceTest {

    int DEMO_STOCK = 250;
    int CACHE_MAX_AGE_SECONDS = 7;
}
