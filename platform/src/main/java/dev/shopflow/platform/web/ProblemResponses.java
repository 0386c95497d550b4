package dev.shopflow.platform.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes an RFC 9457 {@code application/problem+json} answer from outside a controller: error handlers, security
 * entry points, gateway filters. Every answer names the request path as its {@code instance} and carries the
 * {@code requestId} that the logs show.
 */
public class ProblemResponses {

    private final ServerResponse.Context context;

    public ProblemResponses(ServerCodecConfigurer codecs) {
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return codecs.getWriters();
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    /** Where the problem types Shopflow defines are named: {@code https://shopflow.dev/problems/<name>}. */
    public static final String TYPE_BASE = "https://shopflow.dev/problems/";

    /**
     * A problem of a type Shopflow defines: a stable {@code type} URI that clients can switch on, and a title that
     * says the same in words.
     *
     * @param type the last segment of the type URI, such as {@code email-already-registered}
     */
    public static ProblemDetail typed(HttpStatusCode status, String type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /** A problem with the status's reason phrase as its title. */
    public static ProblemDetail problem(HttpStatusCode status, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (status instanceof HttpStatus known) {
            problem.setTitle(known.getReasonPhrase());
        }
        return problem;
    }

    /**
     * Answers with the problem, unless the response is already committed (then it completes without writing).
     * Headers already set on the response (such as {@code WWW-Authenticate} or {@code Retry-After}) are kept.
     */
    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.empty();
        }
        var request = exchange.getRequest();
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getPath().value()));
        }
        if (problem.getProperties() == null || !problem.getProperties().containsKey("requestId")) {
            problem.setProperty("requestId", request.getId());
        }
        return ServerResponse.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, context));
    }
}
