package dev.shopflow.platform.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Gives controller methods the caller as an {@link AuthenticatedUser} parameter. */
final class AuthenticatedUserArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AuthenticatedUser.class;
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(security -> security.getAuthentication())
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(authentication -> AuthenticatedUser.from(((JwtAuthenticationToken) authentication).getToken()))
                .cast(Object.class)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "No authenticated user: the path of " + parameter.getMethod() + " must require authentication")));
    }
}
