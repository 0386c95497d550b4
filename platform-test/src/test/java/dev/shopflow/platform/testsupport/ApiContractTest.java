package dev.shopflow.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** An answer off the document fails the test that got it; an answer on it, or to a path it does not describe, passes. */
class ApiContractTest {

    private static final String DOCUMENT = """
            {"openapi": "3.0.1", "info": {"title": "t", "version": "1"},
             "paths": {"/things/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "required": true,
                                                                "schema": {"type": "string"}}],
               "responses": {
                 "200": {"description": "a thing", "content": {"application/json": {"schema": {
                   "type": "object", "required": ["name"],
                   "properties": {"name": {"type": "string"}, "note": {"type": "string", "nullable": true}}}}}},
                 "404": {"description": "none", "content": {"application/problem+json": {"schema": {
                   "type": "object", "required": ["status"], "properties": {"status": {"type": "integer"}}}}}}}}}}}
            """;

    private static WebTestClient answering(HttpStatus status, MediaType type, String body) {
        RouterFunction<ServerResponse> routes = RouterFunctions.route()
                .GET("/{path}/{id}", request -> ServerResponse.status(status).contentType(type).bodyValue(body))
                .build();
        return WebTestClient.bindToRouterFunction(routes).configureClient()
                .filter(ApiContract.of(DOCUMENT).checksAnswers())
                .build();
    }

    private static void get(WebTestClient client, String path) {
        client.get().uri(path).exchange().expectBody(String.class).returnResult();
    }

    @Test
    void passesAnAnswerTheDocumentDescribes() {
        assertThatCode(() -> get(answering(HttpStatus.OK, MediaType.APPLICATION_JSON,
                "{\"name\": \"a\", \"note\": null}"), "/things/1")).doesNotThrowAnyException();
        assertThatCode(() -> get(answering(HttpStatus.NOT_FOUND, MediaType.APPLICATION_PROBLEM_JSON,
                "{\"status\": 404}"), "/things/1")).doesNotThrowAnyException();
    }

    @Test
    void failsANullWhereTheSchemaSaysNonNull() {
        assertThatThrownBy(() -> get(answering(HttpStatus.OK, MediaType.APPLICATION_JSON, "{\"name\": null}"),
                "/things/1")).hasStackTraceContaining("is not what the API document says");
    }

    @Test
    void failsAStatusTheOperationDoesNotDocument() {
        assertThatThrownBy(() -> get(answering(HttpStatus.CREATED, MediaType.APPLICATION_JSON, "{\"name\": \"a\"}"),
                "/things/1")).hasStackTraceContaining("is not what the API document says");
    }

    @Test
    void failsAProblemWithAnotherContentType() {
        assertThatThrownBy(() -> get(answering(HttpStatus.NOT_FOUND, MediaType.TEXT_PLAIN, "not found"),
                "/things/1")).hasStackTraceContaining("is not what the API document says");
    }

    @Test
    void passesTheServersOwnRefusalsOnAnyPathWhenTheyAreProblems() {
        assertThatCode(() -> get(answering(HttpStatus.URI_TOO_LONG, MediaType.APPLICATION_PROBLEM_JSON,
                "{\"status\": 414}"), "/things/1")).doesNotThrowAnyException();
        assertThatCode(() -> get(answering(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, MediaType.APPLICATION_PROBLEM_JSON,
                "{\"status\": 431}"), "/things/1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> get(answering(HttpStatus.URI_TOO_LONG, MediaType.TEXT_PLAIN, "too long"),
                "/things/1")).hasStackTraceContaining("is not an application/problem+json answer");
    }

    /** The filter every auto-configured test client has: the document is the one the server itself serves. */
    private static WebTestClient servingItsDocument(String document, HttpStatus status, String body) {
        var routes = RouterFunctions.route()
                .GET(ApiContract.DOCUMENT_PATH, request -> document == null ? ServerResponse.notFound().build()
                        : ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(document))
                .GET("/{path}/{id}", request -> ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body))
                .build();
        return WebTestClient.bindToRouterFunction(routes).configureClient()
                .filter(ApiContract.checksAnswersAgainstTheServedDocument())
                .build();
    }

    @Test
    void checksAnswersAgainstTheDocumentTheServerServes() {
        assertThatCode(() -> get(servingItsDocument(DOCUMENT, HttpStatus.OK, "{\"name\": \"a\"}"), "/things/1"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> get(servingItsDocument(DOCUMENT, HttpStatus.OK, "{\"name\": null}"), "/things/1"))
                .hasStackTraceContaining("is not what the API document says");
    }

    @Test
    void passesEveryAnswerOfAServerThatServesNoDocument() {
        assertThatCode(() -> get(servingItsDocument(null, HttpStatus.OK, "{\"name\": null}"), "/things/1"))
                .doesNotThrowAnyException();
    }

    @Test
    void checksAnAnswerWhoseBodyIsNotReadByItsStatusAndHeadersOnly() {
        var contract = ApiContract.of(DOCUMENT);
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        assertThatCode(() -> contract.check("GET", "/things/1", 200, headers, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> contract.check("GET", "/things/1", 201, headers, null))
                .hasMessageContaining("is not what the API document says");
    }

    @Test
    void checksAnAnswerAgainstTheDocumentOfSeveralThatDescribesItsPath() {
        String other = DOCUMENT.replace("/things/{id}", "/others/{id}");
        var contract = ApiContract.of(other, DOCUMENT);
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        assertThatCode(() -> contract.check("GET", "/things/1", 200, headers, "{\"name\": \"a\"}".getBytes()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> contract.check("GET", "/things/1", 201, headers, "{\"name\": \"a\"}".getBytes()))
                .hasMessageContaining("is not what the API document says");
        assertThatThrownBy(() -> contract.check("GET", "/others/1", 200, headers, "{}".getBytes()))
                .hasMessageContaining("is not what the API document says");
    }

    @Test
    void passesAnswersToPathsTheDocumentDoesNotDescribe() {
        assertThatCode(() -> get(answering(HttpStatus.I_AM_A_TEAPOT, MediaType.TEXT_PLAIN, "tea"), "/other/1"))
                .doesNotThrowAnyException();
    }
}
