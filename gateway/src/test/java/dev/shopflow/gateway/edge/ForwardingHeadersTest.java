package dev.shopflow.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.gateway.GatewayTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The services hear where a request came from only from the gateway's own {@code X-Forwarded-For}, even when Spring
 * Cloud Gateway is told to trust proxies of its own and so would pass on, and add to, the forwarding headers the
 * client sent ({@code GatewayRoutingTest} shows the default).
 */
@TestPropertySource(properties = "spring.cloud.gateway.server.webflux.trusted-proxies=.*")
class ForwardingHeadersTest extends GatewayTest {

    @Test
    void passesNoForwardingHeaderTheClientSentButTheGatewaysOwnForwardedFor() {
        web.get().uri("/api/catalog/products").header("Forwarded", "for=203.0.113.7;proto=https;host=shop.example")
                .header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Host", "shop.example")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Port", "443")
                .header("X-Forwarded-Prefix", "/evil").exchange()
                .expectStatus().isOk();

        var received = services.catalog.lastReceived().headers();
        assertThat(received.get("Forwarded")).isNull();
        assertThat(received.get("X-Forwarded-For")).containsExactly("127.0.0.1");
        assertThat(received.headerNames()).noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("x-forwarded-")
                && !name.equalsIgnoreCase("X-Forwarded-For"));
    }
}
