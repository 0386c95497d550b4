package dev.shopflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What the overview dashboard reads from the gateway's {@code /actuator/prometheus}: requests per route with their
 * outcome and latency buckets, refusals per rate-limit policy, and every route's circuit breaker.
 */
class GatewayMetricsTest extends GatewayTest {

    @Test
    void countsEveryRoutedRequestByRouteAndOutcomeWithLatencyBuckets() {
        web.get().uri("/api/catalog/products").exchange().expectStatus().isOk();

        assertThat(prometheus())
                .containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*outcome=\"SUCCESSFUL\"[^}]*routeId=\"catalog\"[^}]*} [1-9]")
                .containsPattern("spring_cloud_gateway_requests_seconds_bucket\\{[^}]*routeId=\"catalog\"");
    }

    @Test
    void publishesEveryRoutesCircuitBreakerAndEveryRateLimitPolicy() {
        web.get().uri("/api/catalog/products").exchange().expectStatus().isOk();

        assertThat(prometheus())
                .containsPattern("resilience4j_circuitbreaker_state\\{application=\"gateway\",[^}]*name=\"catalog\",state=\"closed\"}")
                .containsPattern("resilience4j_circuitbreaker_failure_rate\\{application=\"gateway\",[^}]*name=\"catalog\"}")
                .contains("shopflow_gateway_rate_limited_total{application=\"gateway\",policy=\"api\"}")
                .contains("shopflow_gateway_rate_limited_total{application=\"gateway\",policy=\"credentials\"}");
    }

    private String prometheus() {
        return new String(management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
    }
}
