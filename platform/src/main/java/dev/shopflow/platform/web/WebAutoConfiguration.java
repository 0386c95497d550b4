package dev.shopflow.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.server.HttpServer;

/**
 * Web defaults for every reactive Shopflow server, the gateway included: problem details for every error (also for
 * the refusals Reactor Netty sends itself), the service's name on every answer, the client's address from trusted
 * proxies only, and time-outs for slow clients ({@link ShopflowWebProperties}).
 */
@AutoConfiguration(before = {WebFluxAutoConfiguration.class, ErrorWebFluxAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(ShopflowWebProperties.class)
public class WebAutoConfiguration {

    /** Replaces Boot's problem-details handler, which backs off when a {@code ResponseEntityExceptionHandler} exists. */
    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /** Replaces Boot's default error handler, which backs off when another {@code ErrorWebExceptionHandler} exists. */
    @Bean
    @ConditionalOnMissingBean(ErrorWebExceptionHandler.class)
    ProblemDetailsErrorHandler problemDetailsErrorHandler(ProblemResponses responses) {
        return new ProblemDetailsErrorHandler(responses);
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemResponses problemResponses(ServerCodecConfigurer codecs) {
        return new ProblemResponses(codecs);
    }

    @Bean
    ServiceNameHeaderFilter serviceNameHeaderFilter(@Value("${spring.application.name}") String serviceName) {
        return new ServiceNameHeaderFilter(serviceName);
    }

    @Bean
    ClientAddressFilter clientAddressFilter(ShopflowWebProperties properties) {
        return new ClientAddressFilter(properties.proxies());
    }

    /** Applied by Boot to every Reactor Netty server it starts. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HttpServer.class)
    static class NettyServerDefaults {

        @Bean
        ServerTimeouts serverTimeouts(ShopflowWebProperties properties) {
            return new ServerTimeouts(properties.timeouts());
        }

        @Bean
        ServerRefusalProblems serverRefusalProblems() {
            return new ServerRefusalProblems();
        }
    }
}
