package dev.shopflow.gateway.ratelimit;

import java.net.InetSocketAddress;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Whom a request counts against: the user its valid access token names (the principal's name, the token's
 * {@code sub}), else the address of the TCP peer. An {@code X-Forwarded-For} header is not believed: at the edge it
 * is whatever the client chose to write.
 */
final class ClientKeys {

    Mono<String> of(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(user -> "user:" + user.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> "address:" + peerAddress(exchange)));
    }

    private static String peerAddress(ServerWebExchange exchange) {
        InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
        if (peer == null || peer.getAddress() == null) {
            return "unknown";
        }
        return peer.getAddress().getHostAddress();
    }
}
