package dev.shopflow.gateway.apidocs;

import dev.shopflow.gateway.FakeService;
import dev.shopflow.gateway.GatewayTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;

/** The gateway's Swagger UI lists every service's OpenAPI document, each fetched through the gateway. */
class ApiDocsTest extends GatewayTest {

    @Test
    void listsEveryServicesDocumentInTheSwaggerUi() {
        web.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[*].name").isEqualTo(List.of("auth", "catalog", "order", "payment"))
                .jsonPath("$.urls[*].url").isEqualTo(List.of(
                        "/v3/api-docs/auth", "/v3/api-docs/catalog", "/v3/api-docs/order", "/v3/api-docs/payment"));
        web.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection();
    }

    @ParameterizedTest
    @CsvSource({"auth, auth", "catalog, catalog", "order, order", "payment, payment"})
    void fetchesEachDocumentFromItsServiceAndPointsItsServersAtTheGateway(String document, String service) {
        for (FakeService each : new FakeService[] {services.auth, services.catalog, services.order, services.payment}) {
            each.answer((request, response) -> response.header(HttpHeaders.CONTENT_TYPE, "application/json")
                    .sendString(Mono.just(openApiDocument(request.uri()))));
        }

        web.get().uri("/v3/api-docs/" + document).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals("Shopflow-Service", service)
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("served at /v3/api-docs")
                .jsonPath("$.servers.length()").isEqualTo(1)
                .jsonPath("$.servers[0].url").isEqualTo("/");
    }

    @Test
    void passesAnAnswerThatIsNotADocumentUnchanged() {
        services.catalog.answer((request, response) -> response.status(404)
                .header(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .sendString(Mono.just("{\"status\":404,\"servers\":\"not touched\"}")));

        web.get().uri("/v3/api-docs/catalog").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.servers").isEqualTo("not touched");
    }

    private static String openApiDocument(String path) {
        return """
                {"openapi":"3.1.0","info":{"title":"served at %s","version":"1"},
                 "servers":[{"url":"http://127.0.0.1:8082","description":"Generated server url"}],"paths":{}}
                """.formatted(path);
    }
}
