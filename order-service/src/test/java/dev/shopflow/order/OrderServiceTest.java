package dev.shopflow.order;

import dev.shopflow.platform.testsupport.FreshDatabase;
import dev.shopflow.platform.testsupport.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a real PostgreSQL (a fresh database) and an in-process Kafka broker, with catalog faked over
 * HTTP and a clock the tests can move. Test classes extending it share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // The tests sweep when they mean to (OrderTimeouts.sweep), not on a schedule.
        "shopflow.ordering.sweep-interval=1h",
        "shopflow.ordering.stream-keep-alive=500ms",
        "shopflow.ordering.stream-max-per-user=3",
        // Long enough for every stream test to finish first; OrderStreamsTest waits for it once.
        "shopflow.ordering.stream-max-duration=10s",
        "shopflow.ordering.catalog.timeout=1s"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ContextConfiguration(initializers = {FreshDatabase.class, TestTokens.Initializer.class})
@AutoConfigureWebTestClient(timeout = "PT30S")
@Import(OrderServiceTest.Clocks.class)
public abstract class OrderServiceTest {

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry properties) {
        properties.add("services.catalog.uri", FakeCatalog.instance()::uri);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        TestClock clock() {
            return new TestClock();
        }
    }
}
