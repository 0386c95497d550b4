package dev.shopflow.platform.web;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.http.server.HttpServer;

/**
 * Bounds how long a client may hold a connection without finishing what it sends. A connection that is idle, or
 * whose request headers stop coming or only trickle in, is closed after the idle time-out; a request body that pauses longer than the
 * read time-out, or takes longer than the request time-out however slowly it trickles, gets a 408. Reactor Netty
 * applies none of them while an answer is being written, so a long event stream is not cut.
 */
public class ServerTimeouts implements NettyServerCustomizer {

    private final ShopflowWebProperties.Timeouts timeouts;

    public ServerTimeouts(ShopflowWebProperties.Timeouts timeouts) {
        this.timeouts = timeouts;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.idleTimeout(timeouts.idle())
                .readTimeout(timeouts.read())
                .requestTimeout(timeouts.request());
    }
}
