package dev.shopflow.platform.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.web.server.ServerWebExchange;

/**
 * The address of the client a request comes from. It is the TCP peer's address, unless the peer is one of the
 * configured trusted proxies ({@code shopflow.web.trusted-proxies}, none by default): then it is the nearest address
 * in {@code X-Forwarded-For} that is not itself a trusted proxy. Each proxy appends the address it saw, so reading
 * from the right and skipping trusted hops finds the first address that nobody trusted wrote; anything further left
 * came from the client and may be forged. A peer that is not a trusted proxy cannot choose the address: whatever
 * {@code X-Forwarded-For} it sends is ignored.
 *
 * <p>{@link ClientAddressFilter} resolves the address once per request, before anything else runs.
 */
public final class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    /** The exchange attribute {@link ClientAddressFilter} stores the resolved address under. */
    static final String ATTRIBUTE = ClientAddress.class.getName();

    private static final String UNKNOWN = "unknown";

    private ClientAddress() {
    }

    /**
     * The client's address as text, or {@code "unknown"} when the connection does not tell. Without
     * {@link ClientAddressFilter} in front (no web defaults), it is the TCP peer's address.
     */
    public static String of(ServerWebExchange exchange) {
        String resolved = exchange.getAttribute(ATTRIBUTE);
        return resolved != null ? resolved : resolve(exchange, TrustedProxies.none());
    }

    static String resolve(ServerWebExchange exchange, TrustedProxies trustedProxies) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        if (peer == null) {
            return UNKNOWN;
        }
        InetAddress client = peer;
        if (trustedProxies.trusts(peer)) {
            List<String> hops = exchange.getRequest().getHeaders().getValuesAsList(FORWARDED_FOR);
            for (int i = hops.size() - 1; i >= 0 && trustedProxies.trusts(client); i--) {
                InetAddress hop = TrustedProxies.parseLiteral(hops.get(i));
                if (hop == null) {
                    // A trusted proxy writes addresses; anything else was written by someone we do not trust.
                    break;
                }
                client = hop;
            }
        }
        return client.getHostAddress();
    }
}
