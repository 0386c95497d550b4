package dev.shopflow.gateway;

import dev.shopflow.platform.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A gateway test: the real gateway on a random port, its routes pointing at {@link FakeServices} that every test
 * class shares and that live as long as the test JVM, and its token check at the keys of {@link TestTokens}. Before
 * each test every service is running again and answers the default way, whatever the previous test did to it. A
 * class adds settings with {@code @TestPropertySource}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@ContextConfiguration(initializers = TestTokens.Initializer.class)
public abstract class GatewayTest {

    protected static final FakeServices services = new FakeServices();

    @Autowired
    protected WebTestClient web;

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @DynamicPropertySource
    static void pointRoutesAtFakeServices(DynamicPropertyRegistry registry) {
        services.register(registry);
    }

    @BeforeEach
    void servicesAreUpAndAnswerAsUsual() {
        services.reset();
    }

    /** A client of the gateway's management port, where its health and metrics are (never on the public port). */
    protected WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** The gateway's client, signed in as a new customer: each call gives another user and so another rate budget. */
    protected WebTestClient asCustomer() {
        String token = TestTokens.customer();
        return web.mutate().defaultHeaders(headers -> headers.setBearerAuth(token)).build();
    }
}
