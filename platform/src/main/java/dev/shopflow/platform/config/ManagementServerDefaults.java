package dev.shopflow.platform.config;

import dev.shopflow.platform.web.ServerRefusalProblems;
import dev.shopflow.platform.web.ServerTimeouts;
import dev.shopflow.platform.web.ShopflowWebProperties;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The same time-outs and refusal problems for the management server as for the application's own. Boot starts the
 * management port's Netty server from a child context with a web server factory of its own, which the
 * application's {@code NettyServerCustomizer} beans do not reach; this adds them. (It lives outside the {@code web}
 * package so that a test application there does not pick it up by component scanning.)
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnClass(NettyReactiveWebServerFactory.class)
public class ManagementServerDefaults {

    @Bean
    WebServerFactoryCustomizer<NettyReactiveWebServerFactory> managementServerCustomizer(ShopflowWebProperties properties) {
        return factory -> factory.addServerCustomizers(new ServerTimeouts(properties.timeouts()), new ServerRefusalProblems());
    }
}
