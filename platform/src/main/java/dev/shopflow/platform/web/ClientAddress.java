package dev.shopflow.platform.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.web.server.ServerWebExchange;

/**
 * The address of the client a request comes from. Behind the gateway, the TCP peer is the gateway, which appends
 * the address it saw to {@code X-Forwarded-For}: the rightmost entry is the one a trusted proxy wrote, while any
 * entry further left came from the client and may be forged. A forwarded address is believed only when the peer is
 * on a private or loopback network (the gateway on the same host or in the same compose network).
 */
public final class ClientAddress {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private ClientAddress() {
    }

    /** The client's address as text, or {@code "unknown"} when the connection does not tell. */
    public static String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        if (peer == null) {
            return "unknown";
        }
        if (peer.isLoopbackAddress() || peer.isSiteLocalAddress()) {
            List<String> forwarded = exchange.getRequest().getHeaders().getValuesAsList(FORWARDED_FOR);
            if (!forwarded.isEmpty()) {
                String nearest = forwarded.getLast().trim();
                if (!nearest.isEmpty()) {
                    return nearest;
                }
            }
        }
        return peer.getHostAddress();
    }
}
