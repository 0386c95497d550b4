package dev.shopflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.shopflow.localstack.LocalStack;
import dev.shopflow.localstack.ServiceSpec;
import dev.shopflow.localstack.StackSettings;
import dev.shopflow.platform.testsupport.TestPostgres;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The whole stack as {@code ./shopflow up} runs it (in-process Kafka, every service its own JVM from its packaged
 * jar), on fresh databases and free ports, checked from outside through HTTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackIT {

    static final List<ServiceSpec> services = ServiceSpec.ALL;

    static LocalStack stack;

    @BeforeAll
    static void startTheWholeStack() {
        Path home = Path.of(System.getProperty("shopflow.home"));
        var ports = new LinkedHashMap<String, Integer>();
        var databases = new LinkedHashMap<String, String>();
        for (ServiceSpec service : services) {
            ports.put(service.name(), Http.freePort());
            if (service.database() != null) {
                databases.put(service.name(), TestPostgres.freshDatabase(service.database()));
            }
        }
        var environment = new java.util.HashMap<>(System.getenv());
        // A test stack lives for a minute: recording start-up caches for it would only compete for the CPU.
        environment.put("SHOPFLOW_AOT_CACHE", "false");
        var settings = StackSettings.fromEnvironment(home, environment)
                .isolated(ports, databases, home.resolve("system-tests/target/stack-it"));
        stack = new LocalStack(settings, System.out::println).start(TestPostgres.server());
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @ParameterizedTest
    @FieldSource("services")
    @Order(1)
    void everyServiceIsReadyWithTheDependenciesItUses(ServiceSpec service) {
        var readiness = Http.get(stack.url(service) + "/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(readiness.body(), "$.status")).isEqualTo("UP");
        if (service.database() != null) {
            assertThat(JsonPath.<String>read(readiness.body(), "$.components.r2dbc.status")).isEqualTo("UP");
        }
        if (service.usesKafka()) {
            assertThat(JsonPath.<String>read(readiness.body(), "$.components.kafka.status")).isEqualTo("UP");
            assertThat(JsonPath.<Integer>read(readiness.body(), "$.components.kafka.details.brokers")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "POST, /api/auth/token,           auth-service",
            "GET,  /.well-known/jwks.json,    auth-service",
            "GET,  /api/catalog/products,     catalog-service",
            "GET,  /api/cart,                 order-service",
            "GET,  /api/orders,               order-service",
            "GET,  /api/payments?orderId=1,   payment-service",
            "POST, /webhooks/stripe,          payment-service"})
    @Order(1)
    void everyGatewayRouteReachesTheServiceThatOwnsIt(String method, String path, String owner) {
        var response = Http.send(method, gateway() + path);

        assertThat(response.headers().firstValue("Shopflow-Service")).hasValue(owner);
        assertThat(response.statusCode()).isLessThan(500);
    }

    @Test
    @Order(1)
    void theGatewayAnswersAPathNoServiceOwnsWithProblemDetails() {
        var response = Http.get(gateway() + "/api/no-such-thing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Shopflow-Service")).hasValue("gateway");
        assertThat(JsonPath.<String>read(response.body(), "$.detail")).isEqualTo("No endpoint GET /api/no-such-thing.");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.shopflow");
    }

    @Test
    @Order(2)
    void stopsEveryServiceGracefullyAndLeavesNoProcessBehind() {
        var processes = services.stream().map(service -> stack.process(service).orElseThrow()).toList();

        List<String> killed = stack.stop();

        assertThat(killed).as("services that had to be killed").isEmpty();
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
    }

    private static String gateway() {
        return stack.url(ServiceSpec.named("gateway").orElseThrow());
    }
}
