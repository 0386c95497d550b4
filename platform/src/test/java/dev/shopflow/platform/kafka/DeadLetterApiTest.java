package dev.shopflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shopflow.platform.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.micrometer.core.instrument.MeterRegistry;
import dev.shopflow.platform.security.AccessRules;

/** The admin-only dead-letter API of a consuming service, against a real broker. */
@SpringBootTest(classes = DeadLetterApiTest.Shop.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=shop",
                "shopflow.kafka.topics[0].name=orders.test", "shopflow.kafka.topics[0].partitions=1",
                "shopflow.kafka.topics[1].name=payments.test", "shopflow.kafka.topics[1].partitions=1",
                "shopflow.kafka.consumed-topics=orders.test",
                "shopflow.kafka.dead-letters-path=/api/shop/admin/dead-letters",
                "shopflow.kafka.retries=0",
                "spring.autoconfigure.exclude="
                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                + "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@AutoConfigureWebTestClient(timeout = "PT30S")
@ContextConfiguration(initializers = TestTokens.Initializer.class)
class DeadLetterApiTest {

    static final Set<String> applied = ConcurrentHashMap.newKeySet();
    static volatile boolean fixed;

    @SpringBootApplication
    static class Shop {

        /** Like a service whose reads are public: the dead-letter rule must still come first. */
        @Bean
        AccessRules everythingUnderShopIsPublic() {
            return exchanges -> exchanges.pathMatchers("/api/shop/**").permitAll();
        }

        @KafkaListener(topics = "orders.test")
        void on(ConsumerRecord<String, String> record) {
            if (record.value().contains("unreadable") && !fixed) {
                throw new MalformedEvent("cannot read " + record.value());
            }
            applied.add(ReceivedEvent.from(record).id().toString());
        }

        /** A second listener, as order-service has: its consumers must not share the first's client id. */
        @KafkaListener(topics = "payments.test")
        void onPayment(ConsumerRecord<String, String> record) {
        }
    }

    @Autowired
    private WebTestClient web;

    @Autowired
    private KafkaTemplate<String, String> kafka;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Test
    void letsAnAdministratorListAndReplayTheServicesDeadLetters() throws Exception {
        String eventId = UUID.randomUUID().toString();
        var record = new ProducerRecord<String, String>("orders.test", "order-1", "{\"unreadable\":true}");
        record.headers().add(new RecordHeader("ce_id", eventId.getBytes()));
        record.headers().add(new RecordHeader("ce_type", "shopflow.order.placed.v1".getBytes()));
        record.headers().add(new RecordHeader("ce_source", "/order-service".getBytes()));
        record.headers().add(new RecordHeader("ce_time", java.time.Instant.now().toString().getBytes()));
        kafka.send(record).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(list(TestTokens.admin()))
                .anySatisfy(dead -> assertThat(dead).containsEntry("eventId", eventId)
                        .containsEntry("originalTopic", "orders.test")
                        .containsEntry("consumerGroup", "shop")
                        .containsEntry("exceptionClass", MalformedEvent.class.getName())));
        assertThat(meters.counter("shopflow.kafka.dead.letters", "topic", "orders.test").count()).isGreaterThanOrEqualTo(1);
        Map<String, Object> dead = list(TestTokens.admin()).stream()
                .filter(letter -> eventId.equals(letter.get("eventId"))).findFirst().orElseThrow();

        fixed = true;
        web.post().uri("/api/shop/admin/dead-letters/orders.test/{partition}/{offset}/replay",
                        dead.get("partition"), dead.get("offset"))
                .headers(headers -> headers.setBearerAuth(TestTokens.admin()))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.eventId").isEqualTo(eventId);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied.contains(eventId));
    }

    @Test
    void namesEachListenersConsumersAfterTheServiceAndTheirTopicSoThatTheirMetricsStayApart() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(listeners.getListenerContainers().stream()
                .flatMap(container -> container.metrics().keySet().stream()))
                .containsExactlyInAnyOrder("shop-orders.test-0", "shop-payments.test-0"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(meters.find("kafka.consumer.coordinator.assigned.partitions")
                .gauges().stream().map(gauge -> gauge.getId().getTag("client.id")))
                .contains("shop-orders.test-0", "shop-payments.test-0"));
    }

    @Test
    void refusesCustomersAndAnonymousCallers() {
        web.get().uri("/api/shop/admin/dead-letters").headers(headers -> headers.setBearerAuth(TestTokens.customer()))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/shop/admin/dead-letters").exchange().expectStatus().isUnauthorized();
        web.method(HttpMethod.POST).uri("/api/shop/admin/dead-letters/replay?topic=orders.test").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void answersATopicTheServiceDoesNotReadOrAMissingRecordWith404() {
        web.get().uri("/api/shop/admin/dead-letters?topic=payments.v1").headers(headers -> headers.setBearerAuth(TestTokens.admin()))
                .exchange().expectStatus().isNotFound();
        web.post().uri("/api/shop/admin/dead-letters/orders.test/0/999999/replay")
                .headers(headers -> headers.setBearerAuth(TestTokens.admin()))
                .exchange().expectStatus().isNotFound();
        web.post().uri("/api/shop/admin/dead-letters/orders.test/0/not-a-number/replay")
                .headers(headers -> headers.setBearerAuth(TestTokens.admin()))
                .exchange().expectStatus().isBadRequest();
    }

    private List<Map<String, Object>> list(String token) {
        Map<String, List<Map<String, Object>>> body = web.get().uri("/api/shop/admin/dead-letters")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, List<Map<String, Object>>>>() { })
                .returnResult().getResponseBody();
        return body.get("items");
    }
}
