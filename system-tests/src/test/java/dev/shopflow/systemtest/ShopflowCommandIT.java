package dev.shopflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.shopflow.localstack.ServiceSpec;
import dev.shopflow.platform.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ./shopflow} as a user runs it: {@code up -d}, {@code status}, {@code kill}, {@code restart}, {@code logs},
 * {@code down}. The stack gets its own ports, state folder and databases, so it runs beside anything else.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopflowCommandIT {

    static final Path home = Path.of(System.getProperty("shopflow.home"));
    static final Map<String, String> environment = new HashMap<>();
    static final Map<String, Integer> ports = new HashMap<>();
    static final Map<String, Integer> managementPorts = new HashMap<>();
    static final List<Long> servicePids = new ArrayList<>();
    static long launcherPid;

    @BeforeAll
    static void isolateTheStack() {
        var stack = ShopflowScript.IsolatedStack.in(home.resolve("system-tests/target/cli-stack"));
        environment.putAll(stack.environment());
        ports.putAll(stack.ports());
        managementPorts.putAll(stack.managementPorts());
        // Orders stuck without a payment service time out quickly here (see the payment-outage test).
        environment.put("ORDER_DEADLINE", "20s");
        environment.put("ORDER_SWEEP_INTERVAL", "1s");
    }

    @AfterAll
    static void stopWhateverIsLeft() {
        shopflow("down");
    }

    @Test
    @Order(1)
    void upInTheBackgroundReturnsOnceEveryServiceIsReadyAndPrintsTheUrls() {
        var up = shopflow("up", "-d");

        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("Shopflow is ready in");
        for (ServiceSpec service : ServiceSpec.ALL) {
            assertThat(up.output()).containsPattern(Pattern.compile(
                    "✓ " + service.name() + " +ready on port " + ports.get(service.name())));
            assertThat(up.output()).contains("http://localhost:" + managementPorts.get(service.name()) + "/actuator/prometheus");
        }
        assertThat(up.output()).containsPattern("Storefront +http://localhost:" + ports.get("gateway") + "/\n");
        assertThat(Http.get("http://127.0.0.1:" + managementPorts.get("gateway") + "/actuator/health").body())
                .contains("\"UP\"");
        var storefront = Http.send("GET", "http://127.0.0.1:" + ports.get("gateway") + "/", null, null,
                Map.of("Accept", "text/html"));
        assertThat(storefront.statusCode()).isEqualTo(200);
        assertThat(storefront.body()).contains("<title>Shopflow</title>");
        assertThat(Http.send("GET", "http://127.0.0.1:" + managementPorts.get("order-service") + "/actuator/prometheus",
                null, null, Map.of("Accept", "text/plain")).body())
                .contains("application=\"order-service\"");
    }

    @Test
    @Order(2)
    void aSecondUpSaysTheStackIsAlreadyRunningAndChangesNothing() {
        launcherPid = launcherPidInStatus();

        var detached = shopflow("up", "-d");
        var foreground = shopflow("up");

        assertThat(detached.exitCode()).isEqualTo(1);
        assertThat(detached.output()).contains("already running");
        assertThat(foreground.exitCode()).isEqualTo(1);
        assertThat(foreground.output()).contains("already running");
        assertThat(launcherPidInStatus()).isEqualTo(launcherPid);
        assertThat(shopflow("status").output()).containsPattern("gateway +\\d+ +" + ports.get("gateway") + " +"
                + managementPorts.get("gateway") + " +ready");
    }

    @Test
    @Order(3)
    void statusShowsEveryServiceReady() {
        var status = shopflow("status");

        assertThat(status.exitCode()).isZero();
        for (ServiceSpec service : ServiceSpec.ALL) {
            var line = Pattern.compile(service.name() + " +(\\d+) +" + ports.get(service.name()) + " +"
                    + managementPorts.get(service.name()) + " +ready").matcher(status.output());
            assertThat(line.find()).as(status.output()).isTrue();
            servicePids.add(Long.parseLong(line.group(1)));
        }
        assertThat(status.output()).contains("in-process KRaft broker");
    }

    @Test
    @Order(4)
    void aKilledServiceIsReportedStoppedAndComesBackOnRestart() {
        var kill = shopflow("kill", "order-service");
        assertThat(kill.exitCode()).as(kill.output()).isZero();
        assertThat(shopflow("status").output()).containsPattern("order-service +- +" + ports.get("order-service") + " +"
                + managementPorts.get("order-service") + " +stopped");
        String gateway = "http://127.0.0.1:" + ports.get("gateway");
        String token = Customers.signUp(gateway).accessToken();
        var whileDown = Http.get(gateway + "/api/orders", token);
        assertThat(whileDown.statusCode()).isEqualTo(503);
        assertThat(whileDown.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        var restart = shopflow("restart", "order");

        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(restart.output()).contains("order-service is ready");
        // The gateway's circuit breaker may have opened while the service was down; it lets calls through again
        // once the service answers.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Http.get(gateway + "/api/orders", token)
                .headers().firstValue("Shopflow-Service")).hasValue("order-service"));
        assertThat(shopflow("logs", "order-service").output()).contains("Started OrderServiceApplication");
    }

    @Test
    @Order(5)
    void whileThePaymentServiceIsDownAnOrderCanBeCancelledByItsCustomerOrTimesOut() {
        String gateway = "http://127.0.0.1:" + ports.get("gateway");
        var shop = new Shop(gateway);
        var shopper = Customers.signUp(gateway);
        var product = shop.productWithStock(10, 0);
        int before = shop.available(product.get("id"));
        assertThat(shopflow("kill", "payment-service").exitCode()).isZero();

        String cancelledByCustomer = shop.buyNow(shopper.accessToken(), product.get("id"), 1, "pm_card_visa");
        String timedOut = shop.buyNow(shopper.accessToken(), product.get("id"), 1, "pm_card_visa");
        var cancel = Http.send("POST", gateway + "/api/orders/" + cancelledByCustomer + "/cancel", shopper.accessToken(), null);

        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(shop.awaitStatus(shopper.accessToken(), cancelledByCustomer, "CANCELLED"),
                "$.cancellationReason")).isEqualTo("CUSTOMER_CANCELLED");
        assertThat(JsonPath.<String>read(shop.awaitStatus(shopper.accessToken(), timedOut, "CANCELLED"),
                "$.cancellationReason")).isEqualTo("TIMED_OUT");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(shop.available(product.get("id"))).as("both reservations released").isEqualTo(before));

        assertThat(shopflow("restart", "payment-service").exitCode()).isZero();
    }

    @Test
    @Order(6)
    void refusesAnUnknownServiceWithTheListOfServices() {
        var kill = shopflow("kill", "billing");

        assertThat(kill.exitCode()).isEqualTo(2);
        assertThat(kill.output()).contains("No service called billing").contains(ServiceSpec.names());
    }

    @Test
    @Order(7)
    void downStopsEverythingAndLeavesNoProcessBehind() {
        var restarted = ServiceSpec.named("order-service").flatMap(service -> pidInStatus(service.name()));
        var down = shopflow("down");

        assertThat(down.exitCode()).isZero();
        assertThat(down.output()).contains("Shopflow is stopped.");
        assertThat(servicePids).isNotEmpty();
        restarted.ifPresent(servicePids::add);
        assertThat(servicePids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
        assertThat(ProcessHandle.of(launcherPid).filter(ProcessHandle::isAlive)).as("the launcher").isEmpty();
        assertThat(ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains(environment.get("SHOPFLOW_STATE_DIR"))))
                .as("processes running from this stack's folder").isEmpty();
        for (String port : List.of(environment.get("SHOPFLOW_KAFKA_PORT"), String.valueOf(ports.get("gateway")),
                String.valueOf(managementPorts.get("gateway")))) {
            try (var socket = new java.net.ServerSocket()) {
                socket.bind(new java.net.InetSocketAddress("127.0.0.1", Integer.parseInt(port)));
            } catch (IOException e) {
                throw new AssertionError("port " + port + " is still in use after down", e);
            }
        }
        assertThat(shopflow("status").output()).contains("The launcher is not running.");
        assertThat(shopflow("down").output()).contains("Shopflow is not running.");
    }

    @Test
    @Order(8)
    void afterTheLauncherIsKilledUpRefusesAndDownStopsWhatWasLeft() {
        assertThat(shopflow("up", "-d").exitCode()).isZero();
        long launcher = launcherPidInStatus();
        var services = ServiceSpec.ALL.stream().map(service -> pidInStatus(service.name()).orElseThrow()).toList();

        ProcessHandle.of(launcher).orElseThrow().destroyForcibly();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> ProcessHandle.of(launcher).filter(ProcessHandle::isAlive).isEmpty());
        var up = shopflow("up", "-d");
        var down = shopflow("down");

        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.output()).contains("Services from an earlier run are still running").contains("./shopflow down");
        assertThat(down.output()).contains("stopping order-service").contains("Shopflow is stopped.");
        assertThat(services).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
    }

    private static long launcherPidInStatus() {
        var line = Pattern.compile("launcher +pid (\\d+)").matcher(shopflow("status").output());
        assertThat(line.find()).as("the launcher's pid in ./shopflow status").isTrue();
        return Long.parseLong(line.group(1));
    }

    private static java.util.Optional<Long> pidInStatus(String service) {
        var line = Pattern.compile(service + " +(\\d+)").matcher(shopflow("status").output());
        return line.find() ? java.util.Optional.of(Long.parseLong(line.group(1))) : java.util.Optional.empty();
    }

    static ShopflowScript.Result shopflow(String... args) {
        return ShopflowScript.run(home, environment, args);
    }
}
