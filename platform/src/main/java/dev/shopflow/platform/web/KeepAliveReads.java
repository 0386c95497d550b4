package dev.shopflow.platform.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Works around a Reactor Netty 1.3 server bug (reactor/reactor-netty#4361, fixed by #4347 in 1.3.8, which needs a
 * Netty release not served to this build yet): a kept-alive connection whose next request arrives before the previous
 * request's operations have ended can stop being read, so that request hangs until the client gives up. The tests
 * met it as a 30 s hang of a management-port request sent right after another on the same connection; the gateway's
 * pooled connections to the services and Prometheus' scrapes reuse connections the same way. Reactor Netty's own
 * switch {@code reactor.netty.http.server.lastFlushWhenNoRead} ends the previous request's operations first, which
 * closes that route. It is read once, when the server's HTTP handler class loads, so it is set here, before any
 * server starts; a value given on the command line wins. Remove it with the upgrade to Reactor Netty 1.3.8.
 */
public class KeepAliveReads implements EnvironmentPostProcessor {

    static final String PROPERTY = "reactor.netty.http.server.lastFlushWhenNoRead";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
