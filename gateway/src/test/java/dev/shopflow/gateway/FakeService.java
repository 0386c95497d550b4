package dev.shopflow.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A service behind the gateway, played by a small HTTP server on a loopback port of its own. It records every
 * request it receives and, unless told otherwise, answers 200 with its name in {@code Shopflow-Service} and
 * {@code "<METHOD> <URI>"} as the body. It can be stopped and started again on the same port, and told to answer
 * differently, to play a service that is down, failing or hanging.
 */
public final class FakeService {

    /** What the service received: method, URI, headers and the size of the body. */
    public record Received(String method, String uri, HttpHeaders headers, int bodyBytes) {
    }

    private final String name;
    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> answer = this::echo;
    private volatile DisposableServer server;

    public FakeService(String name) {
        this.name = name;
        this.port = freePort();
        start();
    }

    public String name() {
        return name;
    }

    public String uri() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the service on its port, unless it is running. */
    public void start() {
        if (server != null && !server.isDisposed()) {
            return;
        }
        server = HttpServer.create().host("127.0.0.1").port(port)
                .handle((request, response) -> request.receive().aggregate().asByteArray()
                        .defaultIfEmpty(new byte[0])
                        .flatMap(body -> {
                            var headers = new HttpHeaders();
                            request.requestHeaders().forEach(header -> headers.add(header.getKey(), header.getValue()));
                            received.add(new Received(request.method().name(), request.uri(), headers, body.length));
                            return Mono.from(answer.apply(request, response.header("Shopflow-Service", name)));
                        }))
                .bindNow();
    }

    public void stop() {
        if (!server.isDisposed()) {
            server.disposeNow();
        }
    }

    /** From now on, answers with what {@code answer} writes. */
    public void answer(BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> answer) {
        this.answer = answer;
    }

    /** From now on, answers with this status and an empty body. */
    public void answerWithStatus(int status) {
        answer((request, response) -> response.status(status).send());
    }

    /** From now on, accepts requests but never answers them (until stopped). */
    public void hang() {
        answer((request, response) -> Mono.never());
    }

    /** Back to the default answer. */
    public void echoRequests() {
        answer(this::echo);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received lastReceived() {
        return received.getLast();
    }

    private Publisher<Void> echo(HttpServerRequest request, HttpServerResponse response) {
        return response.sendString(Mono.just(request.method().name() + " " + request.uri()));
    }

    private static int freePort() {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
