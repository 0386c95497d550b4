package dev.shopflow.gateway.ratelimit;

import static dev.shopflow.gateway.FakeServices.clientFrom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.gateway.GatewayTest;
import dev.shopflow.platform.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * How rate limits behave, wherever the counters live; {@link RateLimitInMemoryTest} and {@link RateLimitInRedisTest}
 * run it. The policies are tiny (four requests, two sign-ins, then one a minute) so that a few requests reach them;
 * each test sends from a loopback address of its own, so that no test spends another's budget.
 */
@TestPropertySource(properties = {
        "shopflow.gateway.rate-limit.policies.api.requests=1",
        "shopflow.gateway.rate-limit.policies.api.per=60s",
        "shopflow.gateway.rate-limit.policies.api.burst=4",
        "shopflow.gateway.rate-limit.policies.credentials.requests=1",
        "shopflow.gateway.rate-limit.policies.credentials.per=60s",
        "shopflow.gateway.rate-limit.policies.credentials.burst=2"})
abstract class RateLimitContract extends GatewayTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void letsAClientSendItsBurstAndCountsDownWhatRemains() {
        var client = clientFrom("127.0.0.11", port);
        for (String remaining : new String[] {"3", "2", "1", "0"}) {
            client.get().uri("/api/catalog/products").exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("X-RateLimit-Limit", "4")
                    .expectHeader().valueEquals("X-RateLimit-Remaining", remaining);
        }
    }

    @Test
    void refusesARequestBeyondTheBudgetWithA429ProblemThatSaysWhenToComeBack() {
        var client = clientFrom("127.0.0.12", port);
        spend(client, 4);
        int receivedBefore = services.catalog.received().size();

        var refused = client.get().uri("/api/catalog/products").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "60")
                .expectHeader().valueEquals("X-RateLimit-Remaining", "0")
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/rate-limited")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.detail").isEqualTo("Too many requests: this client may send 4 at once and then 1 every 60 s. Try again in 60 s.")
                .returnResult();

        assertThat(new String(refused.getResponseBodyContent()))
                .contains(refused.getResponseHeaders().getFirst("X-Request-Id"));
        assertThat(services.catalog.received()).hasSize(receivedBefore);
        assertThat(meters.get("shopflow.gateway.rate.limited").tag("policy", "api").counter().count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void countsRefusalsOfEveryPolicyFromZero() {
        assertThat(meters.get("shopflow.gateway.rate.limited").tag("policy", "credentials").counter()).isNotNull();
    }

    @Test
    void countsEachClientAddressOnItsOwn() {
        spend(clientFrom("127.0.0.13", port), 4);

        clientFrom("127.0.0.14", port).get().uri("/api/catalog/products").exchange()
                .expectStatus().isOk();
    }

    @Test
    void believesNoForwardedForHeaderFromTheClient() {
        var client = clientFrom("127.0.0.15", port);
        for (int i = 1; i <= 4; i++) {
            client.get().uri("/api/catalog/products").header("X-Forwarded-For", "198.51.100." + i).exchange()
                    .expectStatus().isOk();
        }

        client.get().uri("/api/catalog/products").header("X-Forwarded-For", "198.51.100.5").exchange()
                .expectStatus().isEqualTo(429);
    }

    @Test
    void limitsSignInAndRegistrationMoreStrictlyThanOtherRequests() {
        var client = clientFrom("127.0.0.16", port);
        client.post().uri("/api/auth/register").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Limit", "2");
        client.post().uri("/api/auth/token").exchange()
                .expectStatus().isOk();

        client.post().uri("/api/auth/token").exchange()
                .expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.detail").isEqualTo("Too many requests: this client may send 2 at once and then 1 every 60 s. Try again in 60 s.");

        client.get().uri("/api/catalog/products").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "0");
    }

    @Test
    void countsASignedInUserOnTheirOwnBudget() {
        var client = clientFrom("127.0.0.19", port);
        String alice = TestTokens.customer();
        for (int i = 0; i < 4; i++) {
            client.get().uri("/api/cart").headers(headers -> headers.setBearerAuth(alice)).exchange()
                    .expectStatus().isOk();
        }
        client.get().uri("/api/cart").headers(headers -> headers.setBearerAuth(alice)).exchange()
                .expectStatus().isEqualTo(429);

        client.get().uri("/api/cart").headers(headers -> headers.setBearerAuth(TestTokens.customer())).exchange()
                .expectStatus().isOk();
        client.get().uri("/api/catalog/products").exchange()
                .expectStatus().isOk();
    }

    static void spend(WebTestClient client, int requests) {
        for (int i = 0; i < requests; i++) {
            client.get().uri("/api/catalog/products").exchange().expectStatus().isOk();
        }
    }
}
