package dev.shopflow.gateway.ratelimit;

import dev.shopflow.platform.web.ClientAddress;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Whom a request counts against: the user its valid access token names (the principal's name, the token's
 * {@code sub}), else the {@link ClientAddress}: the TCP peer's address. An {@code X-Forwarded-For} header is not
 * believed unless the peer is a proxy the gateway is told to trust ({@code shopflow.web.trusted-proxies}, none by
 * default): at the edge it is whatever the client chose to write.
 */
final class ClientKeys {

    Mono<String> of(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(user -> "user:" + user.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> "address:" + ClientAddress.of(exchange)));
    }
}
