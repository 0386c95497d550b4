package dev.shopflow.platform.web;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * RFC 9457 problem details for Spring's own web errors, in every service. It takes the place of Boot's default
 * handler ({@code spring.webflux.problemdetails.enabled}) and differs in one answer: a path that nothing serves is
 * "No endpoint GET /api/x." rather than Spring's "No static resource api/x.", which would mislead an API client.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /**
     * A request body that fails its constraints is a 422 (the JSON was readable, its content is not acceptable) and
     * lists every failing field, so a client can show each message next to its input.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException exception,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        var problem = FieldErrors.problem(exception.getFieldErrors().stream()
                .map(error -> new FieldErrors.FieldError(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldErrors.FieldError::field))
                .toList());
        return handleExceptionInternal(exception, problem, headers, HttpStatus.UNPROCESSABLE_CONTENT, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleResponseStatusException(ResponseStatusException exception,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (exception instanceof NoResourceFoundException) {
            var request = exchange.getRequest();
            var problem = ProblemDetail.forStatusAndDetail(status,
                    "No endpoint " + request.getMethod().name() + " " + request.getPath().value() + ".");
            return handleExceptionInternal(exception, problem, headers, status, exchange);
        }
        return super.handleResponseStatusException(exception, headers, status, exchange);
    }

    /**
     * A 405's {@code Allow} names the methods an {@code OPTIONS} request for the same path lists: besides the mapped
     * ones, {@code HEAD} where {@code GET} is served and {@code OPTIONS} itself (RFC 9110 §15.5.6).
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleMethodNotAllowedException(MethodNotAllowedException exception,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        Set<HttpMethod> allowed = new LinkedHashSet<>(exception.getSupportedMethods());
        if (allowed.contains(HttpMethod.GET)) {
            allowed.add(HttpMethod.HEAD);
        }
        allowed.add(HttpMethod.OPTIONS);
        var answered = new HttpHeaders();
        answered.putAll(headers);
        answered.setAllow(allowed);
        return super.handleMethodNotAllowedException(exception, answered, status, exchange);
    }

    /** Every problem names its request, as the log lines about it do. */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception exception, Object body,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        // Spring builds most bodies inside this method (from the exception), so the id is added to its result.
        return super.handleExceptionInternal(exception, body, headers, status, exchange)
                .doOnNext(answer -> {
                    if (answer.getBody() instanceof ProblemDetail problem) {
                        problem.setProperty("requestId", exchange.getRequest().getId());
                    }
                });
    }
}
