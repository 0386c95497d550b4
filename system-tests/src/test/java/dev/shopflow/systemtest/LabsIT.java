package dev.shopflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fault labs of docs/labs/, followed step by step on one stack of their own, as a learner types them: each lab's
 * check ({@code ./shopflow lab check N}) fails before its steps, and passes after them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabsIT {

    static final Path home = Path.of(System.getProperty("shopflow.home"));
    static final Map<String, String> environment = new HashMap<>();
    static final Map<String, Integer> ports = new HashMap<>();
    static final String ADMIN_PASSWORD = "labs-admin-passphrase-0123";
    /** Longer than a start's time-out (SHOPFLOW_START_TIMEOUT_SECONDS below) and up's own two minutes more. */
    static final Duration COMMAND_LIMIT = Duration.ofMinutes(13);
    static String gateway;
    static Shop shop;
    static Customers.Customer learner;
    static String confirmedOrder;

    @BeforeAll
    static void startTheStack() {
        var stack = ShopflowScript.IsolatedStack.in(home.resolve("system-tests/target/labs-stack"));
        environment.putAll(stack.environment());
        ports.putAll(stack.ports());
        environment.put("SHOPFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // A busy machine can take longer than the default 240 s to start five JVMs (or one of them again).
        environment.put("SHOPFLOW_START_TIMEOUT_SECONDS", "600");
        var up = shopflow("up", "-d");
        assertThat(up.exitCode()).as(up.output()).isZero();
        gateway = "http://127.0.0.1:" + ports.get("gateway");
        shop = new Shop(gateway);
        learner = Customers.signUp(gateway);
    }

    @AfterAll
    static void stopTheStack() {
        shopflow("down");
    }

    @Test
    @Order(1)
    void lab1OneOrderThroughTheSaga() {
        assertFails(1, "no CONFIRMED order yet");

        var product = shop.productWithStock(10, 0);
        assertThat(shop.addToCart(learner.accessToken(), product.get("id"), 2).statusCode()).isEqualTo(200);
        var placed = shop.checkout(learner.accessToken(), "lab-1", "{\"paymentMethod\":\"pm_card_visa\"}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        confirmedOrder = JsonPath.read(placed.body(), "$.id");
        shop.awaitStatus(learner.accessToken(), confirmedOrder, "CONFIRMED");

        assertPasses(1).contains("ORDER_PLACED (order-service) → STOCK_RESERVED (catalog-service)");
    }

    @Test
    @Order(2)
    void lab6ADeclinedCardAndItsCompensation() {
        assertFails(6, "no order was cancelled for a declined payment");

        var product = shop.productWithStock(10, 1);
        String declined = shop.buyNow(learner.accessToken(), product.get("id"), 1, "pm_card_chargeDeclined");
        shop.awaitStatus(learner.accessToken(), declined, "CANCELLED");

        assertPasses(6).contains("PAYMENT_DECLINED").contains("RELEASED");
    }

    @Test
    @Order(3)
    void lab3APoisonEventIsDeadLetteredAndReplayed() {
        assertFails(3, "no dead letter");
        String admin = JsonPath.read(Customers.signIn(gateway, "admin@shopflow.local", ADMIN_PASSWORD), "$.access_token");

        var published = shopflow("events", "publish", "inventory.v1", "--key", "lab-3", "{\"poison\":true}");
        assertThat(published.exitCode()).as(published.output()).isZero();
        assertThat(published.output()).contains("Published to inventory.v1 partition");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(JsonPath.<Integer>read(
                Http.get(gateway + "/api/orders/admin/dead-letters?topic=inventory.v1", admin).body(), "$.items.length()"))
                .isEqualTo(1));
        assertFails(3, "it has not been replayed");

        var replay = Http.send("POST", gateway + "/api/orders/admin/dead-letters/replay?topic=inventory.v1", admin, null);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);

        assertPasses(3).contains("it was replayed").contains("MalformedEvent");
    }

    @Test
    @Order(4)
    void lab5ADuplicateDeliveryIsAppliedOnce() {
        assertFails(5, "no event was delivered twice");

        var listed = shopflow("events", "list", confirmedOrder);
        var succeeded = Pattern.compile("payments\\.v1 +(\\d+) +(\\d+) +\\S+ +shopflow\\.payment\\.succeeded\\.v1")
                .matcher(listed.output());
        assertThat(succeeded.find()).as(listed.output()).isTrue();
        var resent = shopflow("events", "resend", "payments.v1", succeeded.group(1), succeeded.group(2));
        assertThat(resent.exitCode()).as(resent.output()).isZero();

        assertPasses(5).contains("order.saga applied it once").contains("duplicate(s) that changed nothing")
                .contains("timeline shows its step once");
    }

    @Test
    @Order(5)
    void lab7TheGatewayBreaksTheCircuitAndLimitsRates() {
        assertFails(7, "no circuit breaker of the gateway has refused a call");
        var lowLimits = new HashMap<>(environment);
        lowLimits.put("GATEWAY_CREDENTIALS_RATE_LIMIT_REQUESTS", "1");
        lowLimits.put("GATEWAY_CREDENTIALS_RATE_LIMIT_BURST", "5");
        var restarted = ShopflowScript.run(home, lowLimits, COMMAND_LIMIT, "restart", "gateway");
        assertThat(restarted.exitCode()).as(restarted.output()).isZero();

        assertThat(shopflow("kill", "catalog-service").exitCode()).isZero();
        for (int attempt = 0; attempt < 20; attempt++) {
            assertThat(Http.get(gateway + "/api/catalog/products").statusCode()).isEqualTo(503);
        }
        assertFails(7, "no request has been refused by a rate limit");
        assertThat(shopflow("lab", "check", "7").output()).contains("the breaker \"catalog\" opened and refused");
        var answers = new java.util.ArrayList<Integer>();
        for (int attempt = 0; attempt < 10; attempt++) {
            answers.add(Http.post(gateway + "/api/auth/token", "{}").statusCode());
        }
        assertThat(answers).contains(429);

        assertPasses(7).contains("the rate limit \"credentials\" refused");
        assertThat(shopflow("restart", "catalog-service").exitCode()).isZero();
        // The breaker lets calls through again after its open time (GATEWAY_CIRCUIT_OPEN_WAIT) and a few good ones.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(Http.get(gateway + "/api/catalog/products").statusCode()).isEqualTo(200));
    }

    @Test
    @Order(6)
    void lab2WithPaymentServiceDownAnOrderTimesOutAndItsStockReturns() {
        assertFails(2, "no order has timed out yet");
        var shortDeadline = new HashMap<>(environment);
        shortDeadline.put("ORDER_DEADLINE", "20s");
        shortDeadline.put("ORDER_SWEEP_INTERVAL", "2s");
        assertThat(ShopflowScript.run(home, shortDeadline, COMMAND_LIMIT, "restart", "order-service").exitCode()).isZero();
        assertThat(shopflow("kill", "payment-service").exitCode()).isZero();

        String token = freshToken();
        var product = shop.productWithStock(10, 2);
        int before = shop.available(product.get("id"));
        String waiting = shop.buyNow(token, product.get("id"), 3, "pm_card_visa");
        shop.awaitStatus(token, waiting, "AWAITING_PAYMENT");
        assertThat(shop.available(product.get("id"))).isEqualTo(before - 3);
        shop.awaitStatus(token, waiting, "CANCELLED");

        assertPasses(2).contains("TIMED_OUT").contains("the stock came back");
        assertThat(shop.available(product.get("id"))).isEqualTo(before);
        assertThat(shopflow("restart", "payment-service").exitCode()).isZero();
    }

    @Test
    @Order(7)
    void lab4AnEventCommittedBeforeACrashIsPublishedOnceAfterTheRestart() {
        var slowRelay = new HashMap<>(environment);
        slowRelay.put("ORDER_OUTBOX_PUBLISH_DELAY", "5m");
        assertThat(ShopflowScript.run(home, slowRelay, COMMAND_LIMIT, "restart", "order-service").exitCode()).isZero();
        assertFails(4, "no order placed before order-service's last start");

        String token = freshToken();
        var product = shop.productWithStock(10, 3);
        String held = shop.buyNow(token, product.get("id"), 1, "pm_card_visa");
        assertThat(JsonPath.<String>read(shop.order(token, held).body(), "$.status")).isEqualTo("PENDING");
        assertThat(shopflow("kill", "order-service").exitCode()).isZero();
        assertThat(shopflow("restart", "order-service").exitCode()).isZero();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(JsonPath.<String>read(
                shop.order(token, held).body(), "$.status")).isEqualTo("CONFIRMED"));

        assertPasses(4).contains("order " + held + "'s OrderPlaced was committed").contains("sent it once (1 attempt)")
                .contains("catalog-service applied it once");
    }

    /** A new access token for the learner: on a busy machine the whole run can outlast one (15 minutes). */
    private static String freshToken() {
        return JsonPath.read(Customers.signIn(gateway, learner.email(), Customers.PASSWORD), "$.access_token");
    }

    private static void assertFails(int lab, String saying) {
        var check = shopflow("lab", "check", String.valueOf(lab));
        assertThat(check.exitCode()).as(check.output()).isEqualTo(1);
        assertThat(check.output()).contains("FAIL: lab " + lab).contains(saying);
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertPasses(int lab) {
        var passed = new ShopflowScript.Result[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            passed[0] = shopflow("lab", "check", String.valueOf(lab));
            assertThat(passed[0].exitCode()).as(passed[0].output()).isZero();
        });
        assertThat(passed[0].output()).contains("PASS: lab " + lab).doesNotContain("  FAIL  ");
        return assertThat(passed[0].output());
    }

    static ShopflowScript.Result shopflow(String... args) {
        return ShopflowScript.run(home, environment, COMMAND_LIMIT, args);
    }
}
