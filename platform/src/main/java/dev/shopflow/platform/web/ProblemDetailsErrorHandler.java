package dev.shopflow.platform.web;

import dev.shopflow.platform.tracing.TracedLogging;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The last word on any error no controller advice handled: an RFC 9457 {@code application/problem+json} answer
 * (Boot's default is a JSON shape of its own). A connection that cannot be made — a service or database that is
 * down — is a 503; a request body that did not arrive within the server's read or request time-out
 * ({@link ServerTimeouts}) is a 408; anything else unexpected is a 500 whose detail says nothing about the
 * internals, while the full exception goes to the log with the request id that the answer also carries.
 */
public class ProblemDetailsErrorHandler implements ErrorWebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsErrorHandler.class);

    private static final String REQUEST_TIMEOUT_EXCEPTION = "reactor.netty.http.server.RequestTimeoutException";

    private final ProblemResponses responses;

    public ProblemDetailsErrorHandler(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ProblemDetail problem = problemFor(error);
        if (problem.getStatus() >= 500) {
            return TracedLogging.logThen(() -> log.error("[{}] {} {} failed: {}", exchange.getRequest().getId(),
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath(), problem.getDetail(), error),
                    () -> responses.write(exchange, problem));
        }
        return responses.write(exchange, problem);
    }

    private static ProblemDetail problemFor(Throwable error) {
        if (error instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            return response.getBody();
        }
        if (isRequestTimeout(error)) {
            return ServerRefusalProblems.requestTimeout();
        }
        if (isUnreachable(error)) {
            return ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE,
                    "A service needed to answer this request is not reachable. Try again shortly.");
        }
        HttpStatusCode status = error instanceof ErrorResponse response ? response.getStatusCode() : HttpStatus.INTERNAL_SERVER_ERROR;
        return ProblemResponses.problem(status, "The request could not be completed. The request id identifies it in the logs.");
    }

    /** Reactor Netty's request time-out exception is not public: it is recognised by its name. */
    private static boolean isRequestTimeout(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ReadTimeoutException || REQUEST_TIMEOUT_EXCEPTION.equals(cause.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** Before Boot's own handler (order -1) and Spring's {@code WebFluxResponseStatusExceptionHandler} (0). */
    @Override
    public int getOrder() {
        return -2;
    }
}
