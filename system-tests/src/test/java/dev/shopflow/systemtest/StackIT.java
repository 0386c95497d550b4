package dev.shopflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.shopflow.localstack.LocalStack;
import dev.shopflow.localstack.ServiceSpec;
import dev.shopflow.localstack.StackSettings;
import dev.shopflow.localstack.audit.AuditReport;
import dev.shopflow.localstack.audit.ConsistencyAudit;
import dev.shopflow.platform.testsupport.SpanCollector;
import dev.shopflow.platform.testsupport.ApiContract;
import dev.shopflow.platform.testsupport.TestPostgres;
import dev.shopflow.platform.testsupport.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The whole stack as {@code ./shopflow up} runs it (in-process Kafka, every service its own JVM from its packaged
 * jar), on fresh databases and free ports, checked from outside through HTTP. Every answer the tests get through
 * {@link Http} is checked against the API documents the gateway serves ({@link ApiContract}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackIT {

    static final List<ServiceSpec> services = ServiceSpec.ALL;

    static LocalStack stack;
    static Customers.Customer customer;
    /** Where every service of the stack reports its spans (its ZIPKIN_ENDPOINT). */
    static SpanCollector spans;

    @BeforeAll
    static void startTheWholeStack() {
        Path home = Path.of(System.getProperty("shopflow.home"));
        var ports = new LinkedHashMap<String, Integer>();
        var managementPorts = new LinkedHashMap<String, Integer>();
        var databases = new LinkedHashMap<String, String>();
        for (ServiceSpec service : services) {
            ports.put(service.name(), Http.freePort());
            managementPorts.put(service.name(), Http.freePort());
            if (service.database() != null) {
                databases.put(service.name(), TestPostgres.freshDatabase(service.database()));
            }
        }
        var environment = new java.util.HashMap<>(System.getenv());
        // A test stack lives for a minute: recording start-up caches for it would only compete for the CPU.
        environment.put("SHOPFLOW_AOT_CACHE", "false");
        // The launcher's own administrator: a password generated into the stack's state folder.
        environment.remove("SHOPFLOW_ADMIN_EMAIL");
        environment.remove("SHOPFLOW_ADMIN_PASSWORD");
        spans = SpanCollector.start();
        environment.put("ZIPKIN_ENDPOINT", spans.endpoint());
        var settings = StackSettings.fromEnvironment(home, environment)
                .isolated(ports, managementPorts, databases, home.resolve("system-tests/target/stack-it"));
        stack = new LocalStack(settings, System.out::println).start(TestPostgres.server());
        Http.checkAnswersAgainst(ApiContract.of(DOCUMENTS.stream()
                .map(name -> Http.get(gateway() + "/v3/api-docs/" + name).body()).toArray(String[]::new)));
        customer = Customers.signUp(gateway());
    }

    /** The services' API documents as the gateway serves them: every answer the tests get must be what they say. */
    static final List<String> DOCUMENTS = List.of("auth", "catalog", "order", "payment");

    @AfterAll
    static void stopTheStack() {
        Http.checkAnswersAgainst(null);
        if (stack != null) {
            stack.stop();
        }
        if (spans != null) {
            spans.close();
        }
    }

    @ParameterizedTest
    @FieldSource("services")
    @Order(1)
    void everyServiceIsReadyWithTheDependenciesItUses(ServiceSpec service) {
        var readiness = Http.get(stack.managementUrl(service) + "/actuator/health/readiness", administrator());

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
    @FieldSource("services")
    @Order(1)
    void everyServiceTellsAnyoneWhetherItIsReadyButNotWhatItRunsOn(ServiceSpec service) {
        for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness", "/actuator/health")) {
            var answer = Http.get(stack.managementUrl(service) + probe);

            assertThat(answer.statusCode()).as(probe).isEqualTo(200);
            assertThat(JsonPath.<String>read(answer.body(), "$.status")).as(probe).isEqualTo("UP");
            assertThat(answer.body()).as(probe).doesNotContain("components").doesNotContain("details");
        }
    }

    @ParameterizedTest
    @FieldSource("services")
    @Order(1)
    void prometheusScrapesEveryServiceOnItsManagementPort(ServiceSpec service) {
        // As Prometheus asks: its text format, not JSON.
        var metrics = Http.send("GET", stack.managementUrl(service) + "/actuator/prometheus", null, null,
                java.util.Map.of("Accept", "text/plain"));

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"" + service.name() + "\"");
    }

    @ParameterizedTest
    @CsvSource({"/actuator/prometheus", "/actuator/health", "/actuator/health/readiness", "/actuator"})
    @Order(1)
    void theGatewayServesNoOperationalEndpointToThePublic(String path) {
        var answer = Http.get(gateway() + path, administrator());

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).doesNotContain("jvm_").doesNotContain("UP");
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
        var response = Http.send(method, gateway() + path, customer.accessToken(), null);

        assertThat(response.headers().firstValue("Shopflow-Service")).hasValue(owner);
        assertThat(response.statusCode()).isLessThan(500);
    }

    /**
     * Every service's document as the gateway serves it to Swagger UI and to clients, written to
     * {@code target/openapi/gateway-<name>.json} for CI's Spectral step (ADR 0018).
     */
    @ParameterizedTest
    @CsvSource({"auth, auth-service", "catalog, catalog-service", "order, order-service", "payment, payment-service"})
    @Order(1)
    void theGatewayServesEveryServicesApiDocumentPointedAtItself(String name, String owner) throws IOException {
        var response = Http.get(gateway() + "/v3/api-docs/" + name);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Shopflow-Service")).hasValue(owner);
        assertThat(JsonPath.<String>read(response.body(), "$.info.title")).isEqualTo("Shopflow " + owner);
        assertThat(JsonPath.<List<String>>read(response.body(), "$.servers[*].url")).containsExactly("/");
        Path written = Path.of("target", "openapi", "gateway-" + name + ".json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, response.body());
    }

    @Test
    @Order(1)
    void theGatewayAnswersAPathNoServiceOwnsWithProblemDetails() {
        var response = Http.get(gateway() + "/api/no-such-thing", customer.accessToken());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Shopflow-Service")).hasValue("gateway");
        assertThat(JsonPath.<String>read(response.body(), "$.detail")).isEqualTo("No endpoint GET /api/no-such-thing.");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.shopflow");
    }

    @Test
    @Order(1)
    void aCustomerSignsUpSignsInRefreshesAndSignsOutThroughTheGateway() {
        var shopper = Customers.signUp(gateway());

        var me = Http.get(gateway() + "/api/auth/me", shopper.accessToken());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(me.body(), "$.email")).isEqualTo(shopper.email());

        var refreshed = Http.post(gateway() + "/api/auth/refresh", refreshBody(shopper.refreshToken()));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(refreshed.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        String next = JsonPath.read(refreshed.body(), "$.refresh_token");
        assertThat(Http.get(gateway() + "/api/auth/me", JsonPath.read(refreshed.body(), "$.access_token")).statusCode())
                .isEqualTo(200);

        var reused = Http.post(gateway() + "/api/auth/refresh", refreshBody(shopper.refreshToken()));
        assertThat(reused.statusCode()).isEqualTo(401);
        assertThat(Http.post(gateway() + "/api/auth/refresh", refreshBody(next)).statusCode())
                .as("reuse revoked the whole family").isEqualTo(401);

        var again = Customers.signIn(gateway(), shopper.email(), Customers.PASSWORD);
        assertThat(Http.post(gateway() + "/api/auth/logout", refreshBody(JsonPath.read(again, "$.refresh_token"))).statusCode())
                .isEqualTo(204);
        assertThat(Http.post(gateway() + "/api/auth/refresh", refreshBody(JsonPath.read(again, "$.refresh_token"))).statusCode())
                .isEqualTo(401);
    }

    @ParameterizedTest
    @FieldSource("refusedTokens")
    @Order(1)
    void theGatewayRefusesAMissingOrForgedTokenWithA401Problem(String label, String token) {
        var response = Http.get(gateway() + "/api/orders", token);

        assertThat(response.statusCode()).as(label).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).as(label).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Shopflow-Service")).as("refused at the edge").hasValue("gateway");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.shopflow");
    }

    static final List<org.junit.jupiter.params.provider.Arguments> refusedTokens = List.of(
            org.junit.jupiter.params.provider.Arguments.of("no token", null),
            org.junit.jupiter.params.provider.Arguments.of("signed by a key the auth service never published", TestTokens.customer()),
            org.junit.jupiter.params.provider.Arguments.of("not a JWT", "not-a-jwt"),
            org.junit.jupiter.params.provider.Arguments.of("alg none", unsigned()));

    /**
     * What a standard OAuth client does, with Nimbus JOSE+JWT directly rather than Spring's decoder: configured with
     * the issuer alone (the gateway's URL), it reads the RFC 8414 metadata there, takes the keys from its
     * {@code jwks_uri}, and verifies an access token as RFC 9068 describes one: {@code typ: at+jwt}, RS256, its
     * issuer and audience, and the claims the profile requires.
     */
    @Test
    @Order(1)
    void aStandardClientConfiguredWithTheIssuerAloneVerifiesAnAccessToken() throws Exception {
        String issuer = "http://localhost:" + java.net.URI.create(gateway()).getPort();

        var metadataAnswer = Http.get(issuer + "/.well-known/oauth-authorization-server");
        assertThat(metadataAnswer.statusCode()).as(metadataAnswer.body()).isEqualTo(200);
        var metadata = com.nimbusds.jose.util.JSONObjectUtils.parse(metadataAnswer.body());
        assertThat(metadata.get("issuer")).as("RFC 8414 §3.3").isEqualTo(issuer);
        assertThat(metadata.get("token_endpoint")).isEqualTo(issuer + "/api/auth/token");

        var keys = com.nimbusds.jose.jwk.source.JWKSourceBuilder
                .<com.nimbusds.jose.proc.SecurityContext>create(java.net.URI.create((String) metadata.get("jwks_uri")).toURL())
                .retrying(false).build();
        var verifier = new com.nimbusds.jwt.proc.DefaultJWTProcessor<com.nimbusds.jose.proc.SecurityContext>();
        verifier.setJWSTypeVerifier(new com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier<>(
                new com.nimbusds.jose.JOSEObjectType("at+jwt")));
        verifier.setJWSKeySelector(new com.nimbusds.jose.proc.JWSVerificationKeySelector<>(
                com.nimbusds.jose.JWSAlgorithm.RS256, keys));
        verifier.setJWTClaimsSetVerifier(new com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier<>("shopflow-api",
                new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(issuer).build(),
                java.util.Set.of("sub", "exp", "iat", "jti", "client_id")));

        var claims = verifier.process(customer.accessToken(), null);

        assertThat(claims.getSubject()).isEqualTo(customer.id());
        assertThat(claims.getStringClaim("client_id")).isEqualTo("shopflow-storefront");
        assertThat(com.nimbusds.jwt.SignedJWT.parse(customer.accessToken()).getHeader().getType())
                .hasToString("at+jwt");
    }

    @Test
    @Order(1)
    void servicesCheckTheTokenThemselvesWhenCalledPastTheGateway() {
        String orders = stack.url(ServiceSpec.named("order-service").orElseThrow()) + "/api/orders/admin/dead-letters";

        assertThat(Http.get(orders).statusCode()).isEqualTo(401);
        assertThat(Http.get(orders, TestTokens.admin()).statusCode()).as("a forged admin token").isEqualTo(401);
        assertThat(Http.get(orders, customer.accessToken()).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(1)
    void theLaunchersAdministratorManagesDeadLettersThroughTheGatewayAndCustomersCannot() throws Exception {
        String password = java.nio.file.Files.readString(stack.settings().stateDirectory().resolve("admin-password")).strip();
        String admin = JsonPath.read(Customers.signIn(gateway(), "admin@shopflow.local", password), "$.access_token");

        for (String service : List.of("catalog", "orders", "payments")) {
            var deadLetters = Http.get(gateway() + "/api/" + service + "/admin/dead-letters", admin);
            assertThat(deadLetters.statusCode()).as(service + ": " + deadLetters.body()).isEqualTo(200);
            assertThat(JsonPath.<List<Object>>read(deadLetters.body(), "$.items")).isEmpty();
            assertThat(Http.get(gateway() + "/api/" + service + "/admin/dead-letters", customer.accessToken()).statusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    @Order(1)
    void aCustomerCannotFindAnotherCustomersAccount() {
        var stranger = Customers.signUp(gateway());

        var response = Http.get(gateway() + "/api/auth/users/" + stranger.id(), customer.accessToken());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain(stranger.email());
        assertThat(Http.get(gateway() + "/api/auth/users/" + customer.id(), customer.accessToken()).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(1)
    void badInputGetsAClientErrorProblemAndNeverAStackTrace() {
        var malformed = Http.post(gateway() + "/api/auth/register", "{\"email\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        var weak = Http.post(gateway() + "/api/auth/register", "{\"email\":\"x@example.com\",\"password\":\"short\",\"name\":\"X\"}");
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(JsonPath.<String>read(weak.body(), "$.errors[0].field")).isEqualTo("password");

        var oversized = Http.post(gateway() + "/api/auth/register", "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(oversized.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        for (var response : List.of(malformed, weak, oversized)) {
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.shopflow").doesNotContain("at org.");
        }
    }

    @Test
    @Order(1)
    void aCustomerFillsACartChecksOutAndTheOrderIsConfirmed() {
        var shop = new Shop(gateway());
        var shopper = Customers.signUp(gateway());
        var product = shop.productWithStock(10, 0);
        int before = shop.available(product.get("id"));

        var cart = shop.addToCart(shopper.accessToken(), product.get("id"), 2);
        assertThat(cart.statusCode()).as(cart.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(cart.body(), "$.items[0].name")).isEqualTo(product.get("name"));
        var placed = shop.checkout(shopper.accessToken(), java.util.UUID.randomUUID().toString(),
                "{\"paymentMethod\":\"pm_card_visa\"}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        String orderId = JsonPath.read(placed.body(), "$.id");
        assertThat(placed.headers().firstValue("Location")).hasValue("/api/orders/" + orderId);

        String confirmed = shop.awaitStatus(shopper.accessToken(), orderId, "CONFIRMED");
        assertThat(JsonPath.<Object>read(confirmed, "$.cancellationReason")).isNull();
        assertThat(shop.available(product.get("id"))).isEqualTo(before - 2);
        var payments = Http.get(gateway() + "/api/payments?orderId=" + orderId, shopper.accessToken());
        assertThat(JsonPath.<String>read(payments.body(), "$.items[0].status")).isEqualTo("SUCCEEDED");
        var timeline = Http.get(gateway() + "/api/orders/" + orderId + "/timeline", shopper.accessToken());
        assertThat(JsonPath.<List<String>>read(timeline.body(), "$.items[*].actor"))
                .contains("order-service", "catalog-service", "payment-service");
        var cartAfter = Http.get(gateway() + "/api/cart", shopper.accessToken());
        assertThat(JsonPath.<List<Object>>read(cartAfter.body(), "$.items")).as("checkout empties the cart").isEmpty();
    }

    /** The checkout walk-through with only the client generated from the API documents (module api-client). */
    @Test
    @Order(1)
    void aClientGeneratedFromTheApiDocumentsChecksOutThroughTheGateway() throws Exception {
        var confirmed = new GeneratedClientWalkThrough(gateway()).checkOut();

        assertThat(String.valueOf(confirmed.getStatus())).isEqualTo("CONFIRMED");
    }

    @Test
    @Order(1)
    void aPriceChangedSinceTheProductWentIntoTheCartIsShownBeforeTheCustomerIsChargedIt() throws Exception {
        var shop = new Shop(gateway());
        var shopper = Customers.signUp(gateway());
        var product = shop.productWithStock(10, 5);
        long oldPrice = ((Number) ((java.util.Map<?, ?>) product.get("price")).get("amount")).longValue();
        long newPrice = oldPrice * 100;
        assertThat(shop.addToCart(shopper.accessToken(), product.get("id"), 2).statusCode()).isEqualTo(200);

        setPrice(product.get("id"), newPrice);
        var refused = shop.checkout(shopper.accessToken(), java.util.UUID.randomUUID().toString(),
                "{\"paymentMethod\":\"pm_card_visa\"}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(JsonPath.<String>read(refused.body(), "$.type"))
                .isEqualTo("https://shopflow.dev/problems/prices-changed");
        assertThat(JsonPath.<Number>read(refused.body(), "$.priceChanges[0].oldUnitPrice.amount").longValue())
                .isEqualTo(oldPrice);
        assertThat(JsonPath.<Number>read(refused.body(), "$.priceChanges[0].newUnitPrice.amount").longValue())
                .isEqualTo(newPrice);
        var cart = Http.get(gateway() + "/api/cart", shopper.accessToken());
        assertThat(JsonPath.<Number>read(cart.body(), "$.total.amount").longValue()).isEqualTo(2 * newPrice);

        var placed = shop.checkout(shopper.accessToken(), java.util.UUID.randomUUID().toString(),
                "{\"paymentMethod\":\"pm_card_visa\"}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        String orderId = JsonPath.read(placed.body(), "$.id");
        String confirmed = shop.awaitStatus(shopper.accessToken(), orderId, "CONFIRMED");
        assertThat(JsonPath.<Number>read(confirmed, "$.total.amount").longValue()).isEqualTo(2 * newPrice);
        var payments = Http.get(gateway() + "/api/payments?orderId=" + orderId, shopper.accessToken());
        assertThat(JsonPath.<Number>read(payments.body(), "$.items[0].amount.amount").longValue())
                .isEqualTo(2 * newPrice);
    }

    @Test
    @Order(1)
    void anOrderForMoreThanIsInStockIsCancelledAndTheStockIsUntouched() throws Exception {
        var shop = new Shop(gateway());
        var shopper = Customers.signUp(gateway());
        var product = shop.productWithStock(1, 1);
        setStock(product.get("id"), 1);

        String orderId = shop.buyNow(shopper.accessToken(), product.get("id"), 2, "pm_card_visa");

        String cancelled = shop.awaitStatus(shopper.accessToken(), orderId, "CANCELLED");
        assertThat(JsonPath.<String>read(cancelled, "$.cancellationReason")).isEqualTo("OUT_OF_STOCK");
        assertThat(shop.available(product.get("id"))).isEqualTo(1);
        assertThat(Http.get(gateway() + "/api/payments?orderId=" + orderId, shopper.accessToken()).statusCode())
                .as("no payment was ever requested").isEqualTo(404);
    }

    @Test
    @Order(1)
    void aDeclinedCardCancelsTheOrderAndPutsTheStockBack() {
        var shop = new Shop(gateway());
        var shopper = Customers.signUp(gateway());
        var product = shop.productWithStock(10, 2);
        int before = shop.available(product.get("id"));

        String orderId = shop.buyNow(shopper.accessToken(), product.get("id"), 3, "pm_card_chargeDeclined");

        String cancelled = shop.awaitStatus(shopper.accessToken(), orderId, "CANCELLED");
        assertThat(JsonPath.<String>read(cancelled, "$.cancellationReason")).isEqualTo("PAYMENT_DECLINED");
        await().atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(shop.available(product.get("id"))).isEqualTo(before));
        var payments = Http.get(gateway() + "/api/payments?orderId=" + orderId, shopper.accessToken());
        assertThat(JsonPath.<String>read(payments.body(), "$.items[0].declineCode")).isEqualTo("generic_decline");
    }

    @Test
    @Order(1)
    void checkingOutTwiceWithOneKeyPlacesOneOrder() {
        var shop = new Shop(gateway());
        var shopper = Customers.signUp(gateway());
        var product = shop.productWithStock(10, 3);
        String key = java.util.UUID.randomUUID().toString();
        String body = "{\"paymentMethod\":\"pm_card_visa\",\"items\":[{\"productId\":\"" + product.get("id")
                + "\",\"quantity\":1}]}";

        var first = shop.checkout(shopper.accessToken(), key, body);
        var again = shop.checkout(shopper.accessToken(), key, body);
        var otherBody = shop.checkout(shopper.accessToken(), key, body.replace("pm_card_visa", "pm_card_mastercard"));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(JsonPath.<String>read(again.body(), "$.id")).isEqualTo(JsonPath.<String>read(first.body(), "$.id"));
        assertThat(otherBody.statusCode()).isEqualTo(422);
        var mine = Http.get(gateway() + "/api/orders", shopper.accessToken());
        assertThat(JsonPath.<Integer>read(mine.body(), "$.totalItems")).isEqualTo(1);
    }

    @Test
    @Order(1)
    void anotherCustomersOrderCannotBeFoundAndItsStreamShowsEveryStep() throws Exception {
        var shop = new Shop(gateway());
        var owner = Customers.signUp(gateway());
        var stranger = Customers.signUp(gateway());
        var product = shop.productWithStock(10, 4);
        String orderId = shop.buyNow(owner.accessToken(), product.get("id"), 1, "pm_card_visa");

        assertThat(shop.order(stranger.accessToken(), orderId).statusCode()).isEqualTo(404);
        assertThat(Http.get(gateway() + "/api/orders/" + orderId + "/timeline", stranger.accessToken()).statusCode())
                .isEqualTo(404);

        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway() + "/api/orders/" + orderId + "/events"))
                .header("Authorization", "Bearer " + owner.accessToken()).header("Accept", "text/event-stream")
                .timeout(java.time.Duration.ofSeconds(60)).build();
        List<String> statuses = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofLines()).body()
                .filter(line -> line.startsWith("data:"))
                .map(line -> JsonPath.<String>read(line.substring(5), "$.status"))
                .toList();
        assertThat(statuses).last().isEqualTo("CONFIRMED");
        assertThat(statuses).isSubsetOf("PENDING", "AWAITING_PAYMENT", "CONFIRMED").doesNotHaveDuplicates();
    }

    /**
     * One checkout, one trace (docs/event-backbone.md): the client's trace context is continued by the gateway, the
     * checkout in order-service with its price lookup in catalog-service, and every saga step after it, through
     * each outbox relay and Kafka hop, in catalog-service, payment-service and back in order-service. Every span
     * hangs from another span of the trace: no hop started a trace of its own.
     */
    @Test
    @Order(1)
    void aCheckoutIsOneTraceAcrossEveryServiceItsKafkaHopsAndItsCatalogLookup() {
        var shop = new Shop(gateway());
        var shopper = Customers.signUp(gateway());
        var product = shop.productWithStock(10, 6);
        assertThat(shop.addToCart(shopper.accessToken(), product.get("id"), 1).statusCode()).isEqualTo(200);
        String traceId = randomHex(32);
        String clientSpanId = randomHex(16);

        var placed = Http.send("POST", gateway() + "/api/orders", shopper.accessToken(), "{\"paymentMethod\":\"pm_card_visa\"}",
                java.util.Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString(),
                        "traceparent", "00-" + traceId + "-" + clientSpanId + "-01"));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        shop.awaitStatus(shopper.accessToken(), JsonPath.read(placed.body(), "$.id"), "CONFIRMED");

        await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
            var trace = spans.trace(traceId);
            assertThat(trace).extracting(SpanCollector.Span::serviceName)
                    .contains("gateway", "order-service", "catalog-service", "payment-service");
            assertThat(trace).as("the gateway's call to order-service").anySatisfy(span -> assertSpan(span, "gateway", "CLIENT"));
            assertThat(trace).as("order-service's price lookup in catalog-service")
                    .anySatisfy(span -> {
                        assertSpan(span, "order-service", "CLIENT");
                        assertThat(span.tags().toString()).contains("/api/catalog/products/");
                    })
                    .anySatisfy(span -> {
                        assertSpan(span, "catalog-service", "SERVER");
                        assertThat(span.tags().toString()).contains("/api/catalog/products/");
                    });
            // Each saga step: the relay's producer span, and the listener's consumer span in the next service.
            for (String[] hop : new String[][] {
                    {"order-service", "orders.v1", "catalog-service"},
                    {"catalog-service", "inventory.v1", "order-service"},
                    {"order-service", "orders.v1", "payment-service"},
                    {"payment-service", "payments.v1", "order-service"}}) {
                assertThat(trace).as("%s publishes to %s", hop[0], hop[1]).anySatisfy(span -> {
                    assertSpan(span, hop[0], "PRODUCER");
                    assertThat(span.name()).containsIgnoringCase(hop[1]);
                });
                assertThat(trace).as("%s receives from %s", hop[2], hop[1]).anySatisfy(span -> {
                    assertSpan(span, hop[2], "CONSUMER");
                    assertThat(span.name()).containsIgnoringCase(hop[1]);
                });
            }
            var ids = new java.util.HashSet<String>(trace.stream().map(SpanCollector.Span::id).toList());
            ids.add(clientSpanId);
            assertThat(trace).as("every span's parent is in the trace").allSatisfy(span ->
                    assertThat(ids).contains(span.parentId()));
        });
    }

    /** A service's log line written while it served a request carries the request's trace and span ids. */
    @Test
    @Order(1)
    void aLogLineWrittenForARequestCarriesItsTraceId() throws IOException {
        var shopper = Customers.signUp(gateway());
        String traceId = randomHex(32);
        var rotated = Http.post(gateway() + "/api/auth/refresh", refreshBody(shopper.refreshToken()));
        assertThat(rotated.statusCode()).isEqualTo(200);

        var reused = Http.send("POST", gateway() + "/api/auth/refresh", null, refreshBody(shopper.refreshToken()),
                java.util.Map.of("traceparent", "00-" + traceId + "-" + randomHex(16) + "-01"));

        assertThat(reused.statusCode()).isEqualTo(401);
        Path log = stack.settings().logFile("auth-service");
        await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Files.readAllLines(log)).filteredOn(line -> line.contains("Refresh token reused for user " + shopper.id()))
                        .singleElement().asString().containsPattern(traceId + "[-,][0-9a-f]{16}"));
    }

    private static void assertSpan(SpanCollector.Span span, String service, String kind) {
        assertThat(span.serviceName()).isEqualTo(service);
        assertThat(span.kind()).isEqualTo(kind);
    }

    private static String randomHex(int digits) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        var hex = new StringBuilder();
        while (hex.length() < digits) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }

    /**
     * The storefront in a real browser, as a customer uses it: sign up, search, fill the cart, check out with a card
     * that succeeds, and see CONFIRMED arrive over the order's event stream, with each service's step in the
     * timeline — all in one page, with nothing the Content-Security-Policy refused.
     */
    @Test
    @Order(1)
    @EnabledIf(value = "dev.shopflow.systemtest.Browser#isFoundOrThisIsCi", disabledReason = Browser.HOW_TO_INSTALL)
    void aShopperBuysInTheStorefrontAndSeesTheOrderConfirmedLive() {
        var shop = new Shop(gateway());
        var product = shop.productWithStock(10, 6);
        String sku = (String) product.get("sku");
        int before = shop.available(product.get("id"));

        try (var storefront = Storefront.open(gateway(), Path.of("target", "storefront", "confirmed"))) {
            storefront.screenshot("products");
            storefront.signUp("Ann Shopper", "ann-" + java.util.UUID.randomUUID() + "@example.com", Customers.PASSWORD);
            storefront.search(sku);
            assertThat(storefront.listedSkus()).contains(sku);
            storefront.screenshot("search");
            storefront.addToCart(sku, 1);
            storefront.openCart();
            storefront.changeQuantity(product.get("id"), 2, 2);
            storefront.screenshot("cart");
            String orderId = storefront.checkout("pm_card_visa");
            storefront.screenshot("order-placed");

            assertThat(storefront.awaitStatus("CONFIRMED", java.time.Duration.ofSeconds(60))).as("no reason").isNull();
            List<String> steps = storefront.awaitTimelineStep("ORDER_CONFIRMED");
            storefront.screenshot("order-confirmed");
            assertThat(storefront.statusesReceivedLive()).as("statuses that came over the stream").last().isEqualTo("CONFIRMED");
            assertThat(storefront.statusesReceivedLive()).isSubsetOf("PENDING", "AWAITING_PAYMENT", "CONFIRMED")
                    .doesNotHaveDuplicates();
            assertThat(storefront.streamState()).isEqualTo("closed");
            assertThat(steps).containsSubsequence("order-service ORDER_PLACED", "catalog-service STOCK_RESERVED",
                    "order-service PAYMENT_REQUESTED", "payment-service PAYMENT_SUCCEEDED", "order-service ORDER_CONFIRMED");
            assertThat(storefront.stayedOnOnePage()).as("every step in one page, so the session stayed in memory").isTrue();
            assertThat(storefront.consoleErrors()).isEmpty();
            // What the page showed is what the services hold.
            assertThat(JsonPath.<Integer>read(Http.get(gateway() + "/api/orders/" + orderId, administrator()).body(),
                    "$.items[0].quantity")).isEqualTo(2);
            assertThat(shop.available(product.get("id"))).isEqualTo(before - 2);
        }
    }

    /**
     * A declined card in the storefront: the order page ends CANCELLED with PAYMENT_DECLINED and shows the payment's
     * decline code; before that, sign-up and sign-in refusals are shown as the API's problems.
     */
    @Test
    @Order(1)
    @EnabledIf(value = "dev.shopflow.systemtest.Browser#isFoundOrThisIsCi", disabledReason = Browser.HOW_TO_INSTALL)
    void aDeclinedCardInTheStorefrontEndsTheOrderAsPaymentDeclined() {
        var shop = new Shop(gateway());
        var product = shop.productWithStock(10, 7);
        String sku = (String) product.get("sku");
        var shopper = Customers.signUp(gateway());

        try (var storefront = Storefront.open(gateway(), Path.of("target", "storefront", "declined"))) {
            assertThat(storefront.signUpRefused("Bo", "bo-" + java.util.UUID.randomUUID() + "@example.com", "short"))
                    .as("the password's field error, from the API's 422").isNotBlank();
            storefront.signIn(shopper.email(), Customers.PASSWORD);
            storefront.search(sku);
            storefront.addToCart(sku, 1);
            storefront.openCart();
            String orderId = storefront.checkout("pm_card_chargeDeclined");

            assertThat(storefront.awaitStatus("CANCELLED", java.time.Duration.ofSeconds(60))).isEqualTo("PAYMENT_DECLINED");
            assertThat(storefront.awaitTimelineStep("ORDER_CANCELLED")).containsSubsequence(
                    "payment-service PAYMENT_FAILED", "order-service ORDER_CANCELLED");
            assertThat(storefront.awaitPayment()).contains("generic_decline");
            storefront.screenshot("order-declined");
            assertThat(storefront.statusesReceivedLive()).last().isEqualTo("CANCELLED");
            assertThat(storefront.consoleErrors()).isEmpty();
            assertThat(JsonPath.<String>read(shop.order(shopper.accessToken(), orderId).body(), "$.cancellationReason"))
                    .isEqualTo("PAYMENT_DECLINED");
        }
    }

    /** The storefront's admin view: the launcher's administrator sets a product's stock and sees no dead letters. */
    @Test
    @Order(1)
    @EnabledIf(value = "dev.shopflow.systemtest.Browser#isFoundOrThisIsCi", disabledReason = Browser.HOW_TO_INSTALL)
    void theAdministratorSetsStockAndSeesTheDeadLettersInTheStorefront() throws IOException {
        var shop = new Shop(gateway());
        var product = shop.productWithStock(10, 8);
        String password = Files.readString(stack.settings().stateDirectory().resolve("admin-password")).strip();

        try (var storefront = Storefront.open(gateway(), Path.of("target", "storefront", "admin"))) {
            storefront.signIn("admin@shopflow.local", password);
            storefront.openAdmin();
            int shown = storefront.setStock((String) product.get("sku"), product.get("id"), 4321);
            storefront.screenshot("admin");

            assertThat(shown).isEqualTo(shop.available(product.get("id"))).isLessThanOrEqualTo(4321);
            assertThat(storefront.deadLettersShown()).containsOnly("No dead letters.");
            assertThat(storefront.consoleErrors()).isEmpty();
        }
    }

    /** The audit `./shopflow audit` runs, after every flow above: the services' stores agree with each other. */
    @Test
    @Order(2)
    void afterEveryFlowTheServicesStoresAreConsistent() {
        AuditReport report = ConsistencyAudit.of(stack).run();

        report.print(System.out);
        assertThat(report.results()).hasSize(9);
        assertThat(report.clean()).as(report.toString()).isTrue();
    }

    @Test
    @Order(3)
    void stopsEveryServiceGracefullyAndLeavesNoProcessBehind() {
        var processes = services.stream().map(service -> stack.process(service).orElseThrow()).toList();

        List<String> killed = stack.stop();

        assertThat(killed).as("services that had to be killed").isEmpty();
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
    }

    private static String administratorToken;

    /** An access token of the launcher's administrator, signed in through the gateway once. */
    static synchronized String administrator() {
        if (administratorToken == null) {
            try {
                String password = java.nio.file.Files.readString(stack.settings().stateDirectory().resolve("admin-password")).strip();
                administratorToken = JsonPath.read(Customers.signIn(gateway(), "admin@shopflow.local", password), "$.access_token");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return administratorToken;
    }

    /** Sets a product's stock as an administrator (the launcher's) does. */
    private static void setStock(Object productId, int quantity) throws Exception {
        var response = Http.send("PUT", gateway() + "/api/catalog/products/" + productId + "/stock", administrator(),
                "{\"quantity\":" + quantity + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Changes a product's price (minor units) as an administrator does: read it, change it, send it back. */
    private static void setPrice(Object productId, long amount) throws Exception {
        String product = Http.get(gateway() + "/api/catalog/products/" + productId).body();
        String changed = JsonPath.parse(product).set("$.price.amount", amount)
                .delete("$.id").delete("$.categoryName").delete("$.available").delete("$.createdAt")
                .delete("$.updatedAt").jsonString();
        var response = Http.send("PUT", gateway() + "/api/catalog/products/" + productId, administrator(), changed);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** An access token of the launcher's administrator. */
    private static String refreshBody(String refreshToken) {
        return "{\"refresh_token\":\"" + refreshToken + "\"}";
    }

    /** A customer's claims with {@code alg: none} and no signature. */
    private static String unsigned() {
        String payload = TestTokens.customer().split("\\.")[1];
        String header = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    private static String gateway() {
        return stack.url(ServiceSpec.named("gateway").orElseThrow());
    }
}
