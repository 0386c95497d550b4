package dev.shopflow.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import dev.shopflow.platform.testsupport.ApiContract;

/**
 * Small HTTP helpers for tests that talk to a running stack from outside. While a contract is set
 * ({@link #checkAnswersAgainst}), every answer is checked against the API documents, as the services' own tests check
 * theirs (ADR 0018).
 */
final class Http {

    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static volatile ApiContract contract;

    private Http() {
    }

    static HttpResponse<String> send(String method, String url) {
        return send(method, url, null, null);
    }

    /**
     * @param accessToken sent as a bearer token when not {@code null}
     * @param json        the request body when not {@code null}
     */
    static HttpResponse<String> send(String method, String url, String accessToken, String json) {
        return send(method, url, accessToken, json, java.util.Map.of());
    }

    /** As {@link #send(String, String, String, String)}, with extra request headers (which replace the defaults). */
    static HttpResponse<String> send(String method, String url, String accessToken, String json,
            java.util.Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (accessToken != null) {
            builder.header("Authorization", "Bearer " + accessToken);
        }
        headers.forEach(builder::setHeader);
        var request = builder.build();
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            ApiContract checked = contract;
            if (checked != null) {
                var answered = new org.springframework.http.HttpHeaders();
                response.headers().map().forEach(answered::addAll);
                checked.check(method, request.uri().getRawPath(), response.statusCode(), answered,
                        response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every answer from now on must be what these documents say; {@code null} stops checking. */
    static void checkAnswersAgainst(ApiContract documents) {
        contract = documents;
    }

    static HttpResponse<String> get(String url) {
        return send("GET", url);
    }

    static HttpResponse<String> get(String url, String accessToken) {
        return send("GET", url, accessToken, null);
    }

    static HttpResponse<String> post(String url, String json) {
        return send("POST", url, null, json);
    }

    static int freePort() {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
