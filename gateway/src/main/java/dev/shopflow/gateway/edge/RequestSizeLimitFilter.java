package dev.shopflow.gateway.edge;

import dev.shopflow.platform.web.ProblemResponses;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a request body larger than {@code shopflow.gateway.max-request-size} with a 413 problem: at once when its
 * {@code Content-Length} says so, and otherwise — a chunked body of unknown length — as soon as reading it passes
 * the limit, before it reaches a service.
 */
final class RequestSizeLimitFilter implements WebFilter, Ordered {

    static final URI PROBLEM_TYPE = URI.create(ProblemResponses.TYPE_BASE + "request-too-large");

    private final DataSize maxSize;
    private final ProblemResponses responses;

    RequestSizeLimitFilter(DataSize maxSize, ProblemResponses responses) {
        this.maxSize = maxSize;
        this.responses = responses;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxSize.toBytes()) {
            return responses.write(exchange, tooLarge());
        }
        if (declared >= 0) {
            // The server reads no more than the declared length.
            return chain.filter(exchange);
        }
        var limited = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return limit(super.getBody());
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }

    private Flux<DataBuffer> limit(Flux<DataBuffer> body) {
        return Flux.defer(() -> {
            var read = new AtomicLong();
            return body.handle((buffer, sink) -> {
                if (read.addAndGet(buffer.readableByteCount()) > maxSize.toBytes()) {
                    DataBufferUtils.release(buffer);
                    sink.error(new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, tooLarge(), null));
                } else {
                    sink.next(buffer);
                }
            });
        });
    }

    private ProblemDetail tooLarge() {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the " + maxSize.toKilobytes() + " KB this API accepts.");
        problem.setType(PROBLEM_TYPE);
        return problem;
    }

    /** Right after the request id, before security and routing look at the request. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
