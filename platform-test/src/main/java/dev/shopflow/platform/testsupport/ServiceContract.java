package dev.shopflow.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every Shopflow service promises the launcher, the gateway and whoever operates it: liveness and readiness
 * probes that include the service's real dependencies, Prometheus metrics — both on the management port only, the
 * dependencies' details shown to administrators only — RFC 9457 problem details, and its name on every answer. Each
 * service's context test extends this (or {@link DatabaseServiceContract}) and so boots the real application on a
 * random port and a random management port. Its OpenAPI document is part of the promise: every answer the tests get
 * through {@link #web} must be what the document says (as in every test with an auto-configured client:
 * {@link ApiContractAutoConfiguration}), and the document must say who may call each operation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@ContextConfiguration(initializers = TestTokens.Initializer.class)
public abstract class ServiceContract {

    @Autowired
    protected WebTestClient web;

    @Value("${spring.application.name}")
    private String serviceName;

    @LocalManagementPort
    private int managementPort;

    /** A client of the service's management port, where health and metrics are served. */
    protected WebTestClient management() {
        // A new connection per request, as a probe makes: two management requests in a row on one kept-alive
        // connection twice hung 30 s in CI (Reactor Netty's reactor/reactor-netty#4361, see platform's KeepAliveReads).
        var connector = new org.springframework.http.client.reactive.ReactorClientHttpConnector(
                reactor.netty.http.client.HttpClient.newConnection());
        return WebTestClient.bindToServer(connector).baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /**
     * A valid customer's access token for this service. The default comes from {@link TestTokens}; the auth service,
     * which checks tokens against its own keys, signs one in.
     */
    protected String accessToken() {
        return TestTokens.customer();
    }

    /**
     * A valid administrator's access token for this service. The default comes from {@link TestTokens}; the auth
     * service signs its configured administrator in.
     */
    protected String adminAccessToken() {
        return TestTokens.admin();
    }

    /** Health components the readiness probe must contain, besides {@code readinessState}. */
    protected abstract List<String> readinessDependencies();

    @Test
    void reportsReadyWithItsDependenciesToAnAdministrator() {
        var readiness = management().get().uri("/actuator/health/readiness")
                .headers(headers -> headers.setBearerAuth(adminAccessToken()))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.readinessState.status").isEqualTo("UP");
        for (String dependency : readinessDependencies()) {
            readiness.jsonPath("$.components." + dependency + ".status").isEqualTo("UP");
        }
    }

    @Test
    void answersItsProbesToAnyoneWithTheStatusAlone() {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health")) {
            management().get().uri(probe).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("UP")
                    .jsonPath("$.components").doesNotExist()
                    .jsonPath("$.details").doesNotExist();
        }
    }

    @Test
    void showsHealthDetailsToNoOneButAnAdministrator() {
        management().get().uri("/actuator/health")
                .headers(headers -> headers.setBearerAuth(accessToken()))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components").doesNotExist();
        management().get().uri("/actuator/health")
                .headers(headers -> headers.setBearerAuth(adminAccessToken()))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.ping.status").isEqualTo("UP");
    }

    @Test
    void exposesPrometheusMetricsTaggedWithTheServiceOnItsManagementPort() {
        String metrics = management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("jvm_memory_used_bytes").contains("application=\"" + serviceName + "\"");
    }

    /**
     * What Prometheus asks for (OpenMetrics first) carries no exemplars: Micrometer puts them on a summary's
     * {@code _count} line, and Prometheus before 2.43 (Debian 12's 2.42) then refuses the whole scrape.
     */
    @Test
    void answersPrometheusInOpenMetricsWithoutExemplars() {
        web.get().uri("/actuator/health").exchange();
        String metrics = management().get().uri("/actuator/prometheus")
                .header(HttpHeaders.ACCEPT, "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/openmetrics-text;version=1.0.0;charset=utf-8")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("http_server_requests_seconds_count").doesNotContain(" # {");
    }

    @Test
    void servesNoOperationalEndpointOnItsPublicPort() {
        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/health/readiness",
                "/actuator/info", "/actuator")) {
            web.get().uri(path).headers(headers -> headers.setBearerAuth(adminAccessToken())).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void answersAnUnknownPathWithProblemDetails() {
        web.get().uri("/no-such-resource").accept(MediaType.APPLICATION_JSON)
                .headers(headers -> headers.setBearerAuth(accessToken()))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.detail").isEqualTo("No endpoint GET /no-such-resource.")
                .jsonPath("$.instance").isEqualTo("/no-such-resource")
                .jsonPath("$.requestId").isNotEmpty()
                .jsonPath("$.trace").doesNotExist();
    }

    @Test
    void refusesACallWithoutAnAccessTokenWithProblemDetails() {
        web.get().uri("/no-such-resource").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.instance").isEqualTo("/no-such-resource");
    }

    @Test
    void refusesAForgedAccessToken() {
        web.get().uri("/no-such-resource")
                .headers(headers -> headers.setBearerAuth(TestTokens.signedByUnknownKey()))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).contains("invalid_token"))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void publishesItsApiDocumentWithTheBearerTokenScheme() {
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("Shopflow " + serviceName)
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer");
    }

    /**
     * Writes the service's OpenAPI document to {@code target/openapi/<service>.json}, where CI's Spectral step lints
     * it (ADR 0018).
     */
    @Test
    void writesItsApiDocumentForLinting() throws IOException {
        byte[] document = web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        Path written = Path.of("target", "openapi", serviceName + ".json");
        Files.createDirectories(written.getParent());
        Files.write(written, document);
        assertThat(written).isNotEmptyFile();
    }

    /**
     * The document the service serves is the one committed in {@code api-client/src/main/openapi/<name>.json}, from
     * which the build generates the Java client (the committed copy points {@code servers} at the gateway, as the
     * gateway serves it; ADR 0018). A change to the API shows up there, in review; run the contract test with
     * {@code -Dshopflow.api-documents=write} to write the served document there instead of failing.
     */
    @Test
    void servesTheApiDocumentTheClientIsGeneratedFrom() throws IOException {
        JsonNode served = JsonMapper.shared().readTree(web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        if (served.path("paths").isEmpty()) {
            return; // the gateway's own document: it serves the others', and has no operation of its own
        }
        var asTheGatewayServesIt = (tools.jackson.databind.node.ObjectNode) served;
        asTheGatewayServesIt.putArray("servers").addObject().put("url", "/").put("description", "Shopflow gateway");
        Path committed = Path.of(System.getProperty("shopflow.home", ".."), "api-client", "src", "main", "openapi",
                serviceName.replace("-service", "") + ".json");
        if ("write".equals(System.getProperty("shopflow.api-documents"))) {
            Files.writeString(committed, JsonMapper.shared().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(asTheGatewayServesIt) + "\n");
        }
        assertThat(committed).as("the committed API document").exists();
        assertThat(JsonMapper.shared().readTree(Files.readString(committed)))
                .as("%s is what the service serves (after a deliberate API change, run this test with "
                        + "-Dshopflow.api-documents=write and commit the file)", committed)
                .isEqualTo(asTheGatewayServesIt);
    }

    /**
     * An operation the document marks public ({@code security: []}) is served without a token; every other one is
     * refused with 401 — and each answer is the one the document gives (checked by {@link ApiContract}).
     */
    @Test
    void documentsWhichOperationsNeedAnAccessToken() {
        for (DocumentedOperation operation : documentedOperations()) {
            var answer = web.method(operation.method()).uri(operation.examplePath())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange();
            if (operation.isPublic()) {
                answer.expectStatus().value(status -> assertThat(status)
                        .as("%s is documented as public", operation).isNotEqualTo(401));
            } else {
                answer.expectStatus().isUnauthorized();
            }
        }
    }

    /** An operation that documents a 403 refuses a customer's token with it. */
    @Test
    void refusesACustomerWhereTheDocumentSaysSo() {
        String customer = accessToken();
        for (DocumentedOperation operation : documentedOperations()) {
            if (operation.answers("403")) {
                web.method(operation.method()).uri(operation.examplePath())
                        .headers(headers -> headers.setBearerAuth(customer))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                        .exchange()
                        .expectStatus().isForbidden();
            }
        }
    }

    /** Which methods a public path serves is public too: {@code OPTIONS} needs no token there (RFC 9110 §9.3.7). */
    @Test
    void answersOptionsOnEveryPublicOperationWithoutAToken() {
        for (DocumentedOperation operation : documentedOperations()) {
            if (operation.isPublic()) {
                web.options().uri(operation.examplePath()).exchange()
                        .expectStatus().isOk()
                        .expectHeader().value(HttpHeaders.ALLOW, allowed -> assertThat(allowed)
                                .as("OPTIONS %s", operation.examplePath()).contains(operation.method().name()));
            }
        }
    }

    /** A 405 names in {@code Allow} exactly the methods {@code OPTIONS} lists for the same path, HEAD among them. */
    @Test
    void answersAMethodAPathDoesNotServeWithTheMethodsItDoes() {
        var listed = web.options().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .returnResult(Void.class).getResponseHeaders().getAllow();
        assertThat(listed).contains(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

        var refused = web.patch().uri("/v3/api-docs").exchange()
                .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .returnResult(Void.class).getResponseHeaders().getAllow();
        assertThat(refused).containsExactlyInAnyOrderElementsOf(listed);
    }

    /** RFC 8615 documents are public, so one that does not exist is a 404 problem to anyone, not a 401. */
    @Test
    void answersAWellKnownPathItDoesNotServeWith404() {
        web.get().uri("/.well-known/no-such-document").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private List<DocumentedOperation> documentedOperations() {
        JsonNode document = JsonMapper.shared().readTree(web.get().uri("/v3/api-docs").exchange()
                .expectBody(String.class).returnResult().getResponseBody());
        var operations = new ArrayList<DocumentedOperation>();
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                operations.add(new DocumentedOperation(HttpMethod.valueOf(operation.getKey().toUpperCase(Locale.ROOT)),
                        path.getKey(), operation.getValue()));
            }
        }
        return operations;
    }

    /** One operation of the document, with a path that fills each path parameter with a value of its type. */
    private record DocumentedOperation(HttpMethod method, String path, JsonNode operation) {

        boolean isPublic() {
            return operation.has("security") && operation.get("security").isEmpty();
        }

        boolean answers(String status) {
            return operation.path("responses").has(status);
        }

        String examplePath() {
            String example = path;
            for (JsonNode parameter : operation.path("parameters")) {
                if (parameter.path("in").asString().equals("path")) {
                    JsonNode schema = parameter.path("schema");
                    String value = switch (schema.path("type").asString()) {
                        case "integer", "number" -> "0";
                        default -> schema.path("format").asString().equals("uuid") ? UUID.randomUUID().toString() : "x";
                    };
                    example = example.replace("{" + parameter.path("name").asString() + "}", value);
                }
            }
            return example;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void namesItselfOnEveryAnswer() {
        web.get().uri("/v3/api-docs").exchange()
                .expectHeader().valueEquals("Shopflow-Service", serviceName);
        web.get().uri("/no-such-resource").exchange()
                .expectHeader().valueEquals("Shopflow-Service", serviceName);
    }
}
