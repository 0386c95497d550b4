package dev.shopflow.gateway.ratelimit;

import java.net.InetSocketAddress;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Whom a request counts against: the signed-in user (the principal's name, which is the token's {@code sub}),
 * else the address of the TCP peer. An {@code X-Forwarded-For} header is not believed: at the edge it is whatever
 * the client chose to write.
 */
final class ClientKeys {

    Mono<String> of(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(principal -> principal.getName() != null && !principal.getName().isBlank())
                .map(principal -> "user:" + principal.getName())
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
