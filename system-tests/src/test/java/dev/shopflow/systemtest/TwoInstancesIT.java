package dev.shopflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of order-service and of payment-service in one stack, started as a user starts them
 * ({@code ./shopflow up -d --instances order-service=2}, then {@code ./shopflow scale payment-service 2}), share the
 * work and keep every guarantee (ADR 0028):
 * <ul>
 *     <li>checkouts placed through the gateway (which routes to the first order-service) and straight to the second
 *     order-service all reach a final state, and each of the four instances did its part, as its own metrics on its
 *     own management port show: Kafka partitions assigned to it, orders placed and confirmed, payments charged;</li>
 *     <li>when one instance of each service is killed with checkouts in flight, the survivor takes over every
 *     partition and every order still ends final;</li>
 *     <li>the killed instances come back with {@code restart}, the consistency audit finds nothing wrong, and
 *     {@code down} stops all six services' seven... every instance.</li>
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    static final Path home = Path.of(System.getProperty("shopflow.home"));
    static final Map<String, String> environment = new HashMap<>();
    /** Each instance's port and management port, by instance name. */
    static final Map<String, Integer> ports = new LinkedHashMap<>();
    static final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    static final List<String> orders = new ArrayList<>();
    static Customers.Customer shopper;
    static Object product;

    @BeforeAll
    static void startTheStackWithTwoOrderServices() {
        var stack = ShopflowScript.IsolatedStack.in(home.resolve("system-tests/target/two-instances-stack"));
        environment.putAll(stack.environment());
        ports.putAll(stack.ports());
        managementPorts.putAll(stack.managementPorts());
        for (String instance : List.of("order-service-2", "payment-service-2")) {
            String variable = "SHOPFLOW_" + instance.toUpperCase().replace('-', '_');
            ports.put(instance, Http.freePort());
            managementPorts.put(instance, Http.freePort());
            environment.put(variable + "_PORT", String.valueOf(ports.get(instance)));
            environment.put(variable + "_MANAGEMENT_PORT", String.valueOf(managementPorts.get(instance)));
        }

        var up = shopflow("up", "-d", "--instances", "order-service=2");

        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).containsPattern("✓ order-service-2 +ready on port " + ports.get("order-service-2")
                + ", management port " + managementPorts.get("order-service-2"));
    }

    @AfterAll
    static void stopTheStack() {
        shopflow("down");
    }

    @Test
    @Order(1)
    void scaleAddsASecondPaymentServiceAndStatusShowsEveryInstanceReady() {
        var scale = shopflow("scale", "payment-service", "2");

        assertThat(scale.exitCode()).as(scale.output()).isZero();
        assertThat(scale.output()).containsPattern("✓ payment-service-2 +ready on port " + ports.get("payment-service-2"));
        var status = shopflow("status").output();
        for (String instance : List.of("order-service", "order-service-2", "payment-service", "payment-service-2")) {
            assertThat(status).containsPattern(instance + " +\\d+ +" + ports.get(instance) + " +"
                    + managementPorts.get(instance) + " +ready");
        }
    }

    @Test
    @Order(2)
    void bothInstancesOfEachServiceTakeTheirShareOfTheCheckouts() {
        shopper = Customers.signUp(gateway());
        product = new Shop(gateway()).productWithStock(10_000, 0).get("id");
        var instances = List.of("order-service", "order-service-2", "payment-service", "payment-service-2");

        // Both instances' consumers are in their service's group, and each instance holds some of its partitions.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(group("order-service")).isEqualTo(new Group(4, 6));
            assertThat(group("payment-service")).isEqualTo(new Group(6, 3));
            instances.forEach(instance -> assertThat(metric(instance, "kafka_consumer_coordinator_assigned_partitions"))
                    .as("partitions assigned to " + instance).isPositive());
        });
        // Orders are spread over the partitions by their id: a few rounds give every instance some.
        for (int round = 0; round < 6 && !everyInstanceDidItsPart(); round++) {
            var placed = new ArrayList<String>();
            for (int i = 0; i < 5; i++) {
                placed.add(buyNow(gateway(), i == 4 ? "pm_card_chargeDeclined" : "pm_card_visa"));
                placed.add(buyNow(orderService2(), "pm_card_visa"));
            }
            awaitFinal(placed);
        }

        for (String instance : List.of("order-service", "order-service-2")) {
            assertThat(metric(instance, "shopflow_orders_placed_total")).as("orders placed by " + instance).isPositive();
            assertThat(metric(instance, "shopflow_orders_confirmed_total")).as("orders confirmed by " + instance).isPositive();
        }
        for (String instance : List.of("payment-service", "payment-service-2")) {
            assertThat(metric(instance, "shopflow_payments_succeeded_total")).as("payments charged by " + instance).isPositive();
        }
    }

    @Test
    @Order(3)
    void whenOneInstanceOfEachIsKilledMidSagaTheOtherTakesOverItsPartitions() {
        double confirmedBefore = metric("order-service-2", "shopflow_orders_confirmed_total");
        double chargedBefore = metric("payment-service", "shopflow_payments_succeeded_total");
        var inFlight = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            inFlight.add(buyNow(gateway(), "pm_card_visa"));
            inFlight.add(buyNow(orderService2(), "pm_card_visa"));
        }

        var killOrders = shopflow("kill", "order-service");
        var killPayments = shopflow("kill", "payment-service-2");

        assertThat(killOrders.exitCode()).as(killOrders.output()).isZero();
        assertThat(killPayments.exitCode()).as(killPayments.output()).isZero();
        var afterwards = new ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            afterwards.add(buyNow(orderService2(), "pm_card_visa"));
        }
        awaitFinal(inFlight);
        awaitFinal(afterwards);
        // Every partition is the survivor's now: each order placed after the kill was confirmed by order-service-2
        // and charged by payment-service.
        assertThat(metric("order-service-2", "shopflow_orders_confirmed_total") - confirmedBefore)
                .isGreaterThanOrEqualTo(afterwards.size());
        assertThat(metric("payment-service", "shopflow_payments_succeeded_total") - chargedBefore)
                .isGreaterThanOrEqualTo(afterwards.size());
        // The killed instances' consumers have left their groups: the survivors' hold every partition.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(group("order-service")).as("order-service-2's two listeners hold inventory.v1's and payments.v1's"
                    + " three partitions each").isEqualTo(new Group(2, 6));
            assertThat(group("payment-service")).as("payment-service's three consumers hold orders.v1's three partitions")
                    .isEqualTo(new Group(3, 3));
        });
        var status = shopflow("status").output();
        assertThat(status).containsPattern("order-service +- +" + ports.get("order-service") + " .*stopped")
                .containsPattern("payment-service-2 +- +" + ports.get("payment-service-2") + " .*stopped");
    }

    @Test
    @Order(4)
    void theKilledInstancesComeBackWithRestartAndTheAuditFindsNothingWrong() {
        var restartOrders = shopflow("restart", "order-service");
        var restartPayments = shopflow("restart", "payment-service-2");

        assertThat(restartOrders.exitCode()).as(restartOrders.output()).isZero();
        assertThat(restartPayments.exitCode()).as(restartPayments.output()).isZero();
        assertThat(restartPayments.output()).contains("payment-service-2 is ready on port " + ports.get("payment-service-2"));
        assertThat(shopflow("logs", "payment-service-2").output()).contains("Started PaymentServiceApplication");
        awaitFinal(orders);

        var audit = shopflow("audit");

        assertThat(audit.exitCode()).as(audit.output()).isZero();
    }

    @Test
    @Order(5)
    void downStopsEveryInstance() {
        var pids = new ArrayList<Long>();
        var line = Pattern.compile("\\n +[a-z-]+(?:-\\d)? +(\\d+) ").matcher(shopflow("status").output());
        while (line.find()) {
            pids.add(Long.parseLong(line.group(1)));
        }
        assertThat(pids).hasSize(7);

        var down = shopflow("down");

        assertThat(down.exitCode()).isZero();
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
        assertThat(shopflow("status").output()).doesNotContain("order-service-2").doesNotContain("payment-service-2");
    }

    // ---- helpers ----

    private static String gateway() {
        return "http://127.0.0.1:" + ports.get("gateway");
    }

    private static String orderService2() {
        return "http://127.0.0.1:" + ports.get("order-service-2");
    }

    /** Buys one unit through this entry (the gateway, or an order-service instance itself); the order's id. */
    private static String buyNow(String entry, String paymentMethod) {
        var placed = Http.send("POST", entry + "/api/orders", shopper.accessToken(),
                "{\"paymentMethod\":\"" + paymentMethod + "\",\"items\":[{\"productId\":\"" + product + "\",\"quantity\":1}]}",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        String id = JsonPath.read(placed.body(), "$.id");
        orders.add(id);
        return id;
    }

    /** Waits until each order is CONFIRMED or CANCELLED, asking the second order-service (which is never killed). */
    private static void awaitFinal(List<String> ids) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String id : ids) {
                var order = Http.get(orderService2() + "/api/orders/" + id, shopper.accessToken());
                assertThat(order.statusCode()).as(order.body()).isEqualTo(200);
                assertThat(JsonPath.<String>read(order.body(), "$.status")).as(order.body()).isIn("CONFIRMED", "CANCELLED");
            }
        });
    }

    private static boolean everyInstanceDidItsPart() {
        return metric("order-service", "shopflow_orders_confirmed_total") > 0
                && metric("order-service-2", "shopflow_orders_confirmed_total") > 0
                && metric("order-service-2", "shopflow_orders_placed_total") > 0
                && metric("payment-service", "shopflow_payments_succeeded_total") > 0
                && metric("payment-service-2", "shopflow_payments_succeeded_total") > 0;
    }

    /** A consumer group as the broker sees it: how many consumers are in it, and how many partitions they hold. */
    record Group(int members, int partitions) {
    }

    static Group group(String id) {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + environment.get("SHOPFLOW_KAFKA_PORT")))) {
            var members = admin.describeConsumerGroups(List.of(id)).all().get(10, TimeUnit.SECONDS).get(id).members();
            return new Group(members.size(),
                    members.stream().mapToInt(member -> member.assignment().topicPartitions().size()).sum());
        } catch (Exception e) {
            throw new AssertionError("Cannot describe consumer group " + id, e);
        }
    }

    /** The sum of a metric's series on an instance's management port (0 when it has none). */
    static double metric(String instance, String name) {
        var scrape = Http.send("GET", "http://127.0.0.1:" + managementPorts.get(instance) + "/actuator/prometheus", null,
                null, Map.of("Accept", "text/plain"));
        assertThat(scrape.statusCode()).as(instance + ": " + scrape.body()).isEqualTo(200);
        double sum = 0;
        for (String line : scrape.body().split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    static ShopflowScript.Result shopflow(String... args) {
        return ShopflowScript.run(home, environment, args);
    }
}
