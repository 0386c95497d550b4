package dev.shopflow.platform.security;

import dev.shopflow.platform.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Security's refusals as RFC 9457 problems. A missing, malformed, expired or forged token is a 401 with a
 * {@code WWW-Authenticate: Bearer} challenge (RFC 6750); an authenticated caller without the role a path needs is a
 * 403. Neither says more than that: which check a forged token failed is of no use to its honest holder. A request
 * Spring Security's firewall refuses outright (a {@code TRACE}, a path with {@code ..} or encoded slashes) is a 400.
 */
final class ProblemSecurityAnswers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler,
        ServerExchangeRejectedHandler {

    private final ProblemResponses responses;

    ProblemSecurityAnswers(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        boolean tokenPresented = failure instanceof InvalidBearerTokenException
                || authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, tokenPresented
                ? "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or has expired\""
                : "Bearer");
        var problem = ProblemResponses.problem(HttpStatus.UNAUTHORIZED, tokenPresented
                ? "The access token is invalid or has expired. Sign in again (POST /api/auth/token) or refresh it."
                : "This request needs an access token: send it as 'Authorization: Bearer <token>'.");
        return responses.write(exchange, problem);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                "Bearer error=\"insufficient_scope\", error_description=\"The access token lacks the role this needs\"");
        return responses.write(exchange,
                ProblemResponses.problem(HttpStatus.FORBIDDEN, "Your account is not allowed to do this."));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
        return responses.write(exchange, ProblemResponses.problem(HttpStatus.BAD_REQUEST,
                "The request was refused: its method, path or headers are not allowed here."));
    }
}
